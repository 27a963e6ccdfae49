// Bad input everywhere (issue 11, NFR-3, ARCHITECTURE "Bad input"): fast-check throws random and
// hostile input at every server action (found on the file system, as in the sweep) and every route
// handler, signed in as ADMIN so that input gets past the gate and into parsing and the data layer:
// wrong types, huge strings, unknown ids, ids of another organisation, impossible dates, control
// characters, malformed files for the imports. Each call must answer — no exception (a 500) — with
// a 4xx-class error carrying a Russian message, and when every call to a target was refused the
// database digest is unchanged.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { httpStatus, type ErrorCode } from "@/lib/errors";
import { CONTROL_CHARS_MESSAGE } from "@/lib/schema";
import type { MatrixColumn } from "@/lib/access/roles";
import { createAccessFixture, foreignClass, type AccessFixture } from "../support/access-fixture";
import { interruptOf, signInAs, signInAsAuthority } from "../support/session-harness";
import { changedTables, dbDigest } from "../support/db-digest";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const ROOT = path.resolve(__dirname, "../..");
// Hostile input, not volume: the per-user API budget (SEC-5) must not answer 429 to the fuzzer.
process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
// Actions without input, or that end the session the fuzzer works in.
const SKIP = new Set(["lib/auth/actions.ts#signOutAction", "lib/auth/actions.ts#afterSignInAction"]);

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name.startsWith(".") || e.name === "node_modules"
        ? []
        : walk(`${dir}/${e.name}`)
      : [`${dir}/${e.name}`],
  );
}

/**
 * Form field names of modules whose schemas name their fields as object keys (not string literals,
 * so literalsOf misses them): the fuzzer tries them too, so hostile values reach the parsers and the
 * data layer rather than stopping at «missing field» (LRN-1…LRN-5).
 */
const FORM_FIELDS: Record<string, string[]> = {
  "lib/learning/handin": [
    "homeworkId",
    "studentId",
    "text",
    "submissionId",
    "version",
    "comment",
    "mark",
    "intent",
    "handin",
    "dueDate",
    "dueTime",
    "markTarget",
  ],
  "lib/learning/materials": [
    "title",
    "description",
    "subjectId",
    "grade",
    "classId",
    "topic",
    "kind",
    "url",
    "target",
    "targetId",
    "materialId",
    "intent",
  ],
  "lib/clubs": [
    "clubId",
    "name",
    "leaderId",
    "description",
    "capacity",
    "studentId",
    "weekday",
    "start",
    "end",
    "roomId",
    "validFrom",
    "validTo",
    "slotId",
    "plan",
    "date",
    "topic",
  ],
  "lib/documents": ["documentId", "title", "category", "number", "date", "visibleTo", "journalRegulation", "note"],
  "lib/resources": ["resourceId", "title", "url", "description", "category", "sortOrder", "visibleTo", "intent"],
  "lib/portfolio": [
    "studentId",
    "kind",
    "level",
    "title",
    "result",
    "subject",
    "date",
    "achievementId",
    "intent",
    "reason",
    "userId",
    "issuer",
    "hours",
    "documentNumber",
    "entryId",
  ],
};

type Param = { name: string; type: string };
type Target = { key: string; file: string; name: string; params: Param[]; literals: string[] };

/** String literals of a module and its directory's schema.ts: field names and enum values to try. */
function literalsOf(files: string[]): string[] {
  const out = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(path.join(ROOT, file), "utf8");
    } catch {
      continue;
    }
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      if (ts.isStringLiteral(n) && /^[A-Za-z][\w.:-]{0,30}$/.test(n.text) && !n.text.includes("/")) out.add(n.text);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return [...out];
}

const actionTargets: Target[] = [...walk("lib"), ...walk("app")]
  .filter((f) => /\.tsx?$/.test(f))
  .flatMap((file) => {
    const sf = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
    const first = sf.statements[0];
    if (
      !first ||
      !ts.isExpressionStatement(first) ||
      !ts.isStringLiteral(first.expression) ||
      first.expression.text !== "use server"
    )
      return [];
    const literals = [
      ...literalsOf([file, path.join(path.dirname(file), "schema.ts")]),
      ...(FORM_FIELDS[path.dirname(file)] ?? []),
    ];
    return sf.statements.flatMap((st) => {
      if (
        !ts.isFunctionDeclaration(st) ||
        !st.name ||
        !ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      )
        return [];
      const params = st.parameters.map((p) => ({ name: p.name.getText(sf), type: p.type?.getText(sf) ?? "unknown" }));
      return [{ key: `${file}#${st.name.text}`, file, name: st.name.text, params, literals }];
    });
  })
  .filter((t) => !SKIP.has(t.key));

let f: AccessFixture;
let foreign: string[];
let own: string[];
/** REG-1: a REGIONAL_ADMIN of the fixture's region — the authority actions are fuzzed as it. */
let regionAdmin: number;

/** REG-2: a REGIONAL_SPECIALIST of the fixture's region — the territory report routes are fuzzed as it. */
let regionSpecialist: number;

/** Route handlers are fuzzed past their gate: app/api/region/ as the regional specialist, the rest as ADMIN. */
async function signInForRoute(file: string): Promise<void> {
  if (file.startsWith("app/api/region/")) await signInAsAuthority(regionSpecialist);
  else await signInAs(f.organisationId, f.users.ADMIN);
}

/** The actor whose input gets past the gate: ADMIN, or for lib/region/users/ the regional administrator. */
async function signInFor(file: string): Promise<void> {
  if (file.startsWith("lib/region/users/")) await signInAsAuthority(regionAdmin);
  else await signInAs(f.organisationId, f.users.ADMIN);
}

beforeAll(async () => {
  f = await createAccessFixture();
  const place = await db.organisation.findUniqueOrThrow({ where: { id: f.organisationId } });
  const authorityAccount = async (role: "REGIONAL_ADMIN" | "REGIONAL_SPECIALIST", login: string, firstName: string) =>
    (
      await db.authorityUser.create({
        data: {
          login: `${login}-${f.organisationId}`,
          role,
          regionId: place.regionId,
          passwordHash: "-",
          mustChangePassword: false,
          lastName: "Фаззов",
          firstName,
        },
      })
    ).id;
  regionAdmin = await authorityAccount("REGIONAL_ADMIN", "fuzz-region-admin", "Админ");
  regionSpecialist = await authorityAccount("REGIONAL_SPECIALIST", "fuzz-region-spec", "Специалист");
  const o = f.otherOrganisationId;
  const { yearId, classId, studentId } = await foreignClass(f);
  const user = await db.user.create({
    data: { organisationId: o, login: "other", passwordHash: "-", lastName: "Чужой", firstName: "Учитель" },
  });
  foreign = [yearId, classId, studentId, user.id].map(String);
  own = [f.classA, f.classB, f.studentA, f.studentB, f.lessonA, f.lessonB, f.subject, f.users.TEACHER].map(String);
});

const HOSTILE = [
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "NaN",
  "Infinity",
  "1e309",
  "2147483648",
  "99999999999999999999",
  "0x10",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"__proto__":{"polluted":1}}',
  "2026-13-45",
  "2026-02-30",
  "0001-01-01",
  "9999-12-31",
  "31.12.2026",
  "2026-09-01T25:61",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "User"; --',
  "\u0000",
  "\u202e\u0000\uffff",
  "../../etc/passwd",
  "😀".repeat(50),
  "я".repeat(5_000),
  "x".repeat(200_000),
];

function valueArb(literals: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.constantFrom(...own, ...foreign),
    ...(literals.length ? [fc.constantFrom(...literals)] : []),
    fc.string({ maxLength: 40 }),
    fc.integer({ min: -3, max: 2_147_483_647 }).map(String),
  );
}

/** Malformed uploads: random bytes, a truncated zip, a CSV bomb, an empty file, a wrong type. */
const fileArb = fc.oneof(
  fc
    .uint8Array({ maxLength: 2_000 })
    .map(
      (b) =>
        new File([b], "import.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    ),
  fc.constant(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])], "broken.xlsx")),
  fc.constant(
    new File(["Фамилия;Имя\n" + "А;Б;".repeat(20_000) + "\n" + '"'.repeat(1000)], "list.csv", { type: "text/csv" }),
  ),
  fc.constant(new File([], "empty.xlsx")),
  fc.constant(new File(["MZ\u0090\u0000"], "virus.exe", { type: "application/x-msdownload" })),
);

function formArb(literals: string[]): fc.Arbitrary<FormData> {
  const keys = literals.length ? fc.constantFrom(...literals) : fc.string({ maxLength: 10 });
  return fc
    .tuple(
      fc.array(fc.tuple(keys, valueArb(literals)), { maxLength: 12 }),
      fc.option(fc.tuple(fc.constantFrom("file", "files", ...literals), fileArb)),
    )
    .map(([entries, file]) => {
      const form = new FormData();
      for (const [k, v] of entries) form.append(k, v);
      if (file) form.append(file[0], file[1]);
      return form;
    });
}

function argArb(p: Param, literals: string[]): fc.Arbitrary<unknown> {
  if (p.type.includes("FormData")) return formArb(literals);
  if (p.name.startsWith("_prev")) return fc.constant(null);
  return fc.oneof(
    valueArb(literals),
    fc.integer().map((n) => n),
    fc.constantFrom(...own.map(Number), ...foreign.map(Number)),
    fc.constantFrom(null, undefined, NaN, -0, 1.5, Number.MAX_SAFE_INTEGER, {}, [], { toString: () => "1" }),
  );
}

type Answer = { ok: boolean; code?: string; message?: string };

function problemWith(result: unknown): string | null {
  if (result === undefined) return null; // e.g. a form action that redirects
  if (typeof result !== "object" || result === null) return `returned ${String(result)}`;
  const r = result as Answer;
  if (r.ok === true) return null;
  if (r.ok !== false) return null; // page-state objects of wizards (checked for exceptions only)
  if (!r.code || httpStatus(r.code as ErrorCode) >= 500) return `answered ${r.code} (a 5xx)`;
  if (!r.message || !/[а-яё]/i.test(r.message)) return `no Russian message: ${JSON.stringify(r).slice(0, 200)}`;
  return null;
}

describe("server actions answer hostile input with a clear 4xx error and write nothing", () => {
  it("finds the actions", () => {
    expect(actionTargets.length).toBeGreaterThan(30);
  });

  for (const target of actionTargets) {
    it(target.key, { timeout: 120_000 }, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, target.file))) as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      await signInFor(target.file);
      const before = await dbDigest();
      let anyOk = false;
      await fc.assert(
        fc.asyncProperty(fc.tuple(...target.params.map((p) => argArb(p, target.literals))), async (args) => {
          let result: unknown;
          try {
            result = await mod[target.name](...args);
          } catch (e) {
            const interrupt = interruptOf(e);
            // A redirect follows a success (createPlanAction opens the new plan): the call was not refused.
            if (interrupt?.kind === "redirect") anyOk = true;
            if (interrupt) return; // redirect / notFound / forbidden: Next answers 3xx/4xx
            throw new Error(`threw (a 500): ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`, { cause: e });
          }
          const problem = problemWith(result);
          if (problem) throw new Error(problem);
          if ((result as Answer | undefined)?.ok === true) anyOk = true;
        }),
        { numRuns: RUNS, seed: 20_261_123, endOnFailure: true },
      );
      if (!anyOk) expect(changedTables(before, await dbDigest())).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// SEC-3: NUL, other C0 and C1 controls and bidirectional overrides/isolates in every field.

/** One character of each kind the shared text type refuses (lib/schema.ts). */
export const CONTROL_SAMPLES: Record<string, string> = {
  NUL: "\u0000",
  "C0 BEL": "\u0007",
  "C0 ESC": "\u001B",
  DEL: "\u007F",
  "C1 NEL": "\u0085",
  "bidi RLO": "\u202E",
  "bidi LRE": "\u202A",
  "bidi RLI": "\u2067",
  RLM: "\u200F",
};

const poisoned = (ch: string) => `Текст${ch}текст`;

/** Own ids by a parameter's name, so a call gets past «not found» into its parsing and data layer. */
function ownIdFor(name: string): number {
  const n = name.toLowerCase();
  if (n.includes("student")) return f.studentA;
  if (n.includes("lesson")) return f.lessonA;
  if (n.includes("subject")) return f.subject;
  if (n.includes("user") || n.includes("staff") || n.includes("teacher")) return f.users.TEACHER;
  return f.classA;
}

describe("server actions refuse control and bidi characters in every field: 4xx, Russian, nothing written (SEC-3)", () => {
  for (const target of actionTargets) {
    it(target.key, { timeout: 120_000 }, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, target.file))) as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      const keys = target.literals.filter((k) => /^[a-z][A-Za-z]*$/.test(k));
      await signInFor(target.file);
      const before = await dbDigest();
      const problems: string[] = [];
      let anyOk = false;
      for (const [kind, ch] of Object.entries(CONTROL_SAMPLES)) {
        // Every field of the form carries the character; other arguments are own ids or the literals.
        for (const variant of ["ids", "text"] as const) {
          const args = target.params.map((p) => {
            if (p.type.includes("FormData")) {
              const form = new FormData();
              for (const k of keys) form.set(k, poisoned(ch));
              return form;
            }
            if (p.name.startsWith("_prev")) return null;
            if (variant === "text" || /^(raw)?(section|entity|path)$/i.test(p.name)) return poisoned(ch);
            return p.type.includes("unknown") || p.type.includes("{")
              ? Object.fromEntries(keys.map((k) => [k, poisoned(ch)]))
              : ownIdFor(p.name);
          });
          let result: unknown;
          try {
            result = await mod[target.name](...args);
          } catch (e) {
            if (interruptOf(e)) continue;
            problems.push(
              `${kind}/${variant}: threw (a 500): ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`,
            );
            continue;
          }
          // An action without any text field may accept own ids (e.g. unlink a parent): then the
          // digest is not compared; the TEXT_FIELDS cases below prove the text fields themselves.
          if ((result as Answer | undefined)?.ok === true) anyOk = true;
          const problem = problemWith(result);
          if (problem) problems.push(`${kind}/${variant}: ${problem}`);
        }
      }
      expect(problems).toEqual([]);
      if (!anyOk) expect(changedTables(before, await dbDigest())).toEqual([]);
    });
  }
});

/** A form of plain fields. */
function fd(fields: Record<string, string | number>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
  return form;
}

/**
 * One text field of one action: the call with `text` put into that field of an otherwise valid input,
 * made as `as` (ADMIN unless the action is another role's: a student hands in, a teacher reviews).
 */
type TextCase = { field: string; call: (text: string) => unknown[]; as?: MatrixColumn };

/** Cases for each of `fields` of a form built from `base` (the field's own value replaced). */
function formCases(
  fields: readonly string[],
  base: Record<string, string | number>,
  wrap: (form: FormData) => unknown[] = (form) => [null, form],
  as?: MatrixColumn,
): TextCase[] {
  return fields.map((field) => ({ field, call: (text) => wrap(fd({ ...base, [field]: text })), as }));
}

/** Ids of rows the text cases need beyond the access fixture. */
type ExtraIds = { parentId: number; planId: number; yearId: number; periodId: number; certificateId: number };

const ORG_ENTITY_TEXT: Record<string, { fields: string[]; base: Record<string, string | number>; yearBound?: true }> = {
  assignmentType: {
    fields: ["name", "shortName"],
    base: { name: "Работа", shortName: "Р", weight: "1", sortOrder: 1 },
  },
  room: { fields: ["name", "building"], base: { name: "101", building: "Корпус 1", capacity: "" } },
  period: {
    fields: ["name"],
    base: { kind: "QUARTER", number: 1, name: "1 четверть", startDate: "2026-09-01", endDate: "2026-10-25" },
    yearBound: true,
  },
  holiday: {
    fields: ["name"],
    base: { name: "Каникулы", startDate: "2026-10-26", endDate: "2026-11-03", grade: "" },
    yearBound: true,
  },
  class: {
    fields: ["name", "letter", "specialty", "specialtyCode"],
    base: { name: "6В", grade: 6, letter: "В", specialty: "", specialtyCode: "", shift: 1, periodKind: "QUARTER" },
    yearBound: true,
  },
  subject: {
    fields: ["name", "shortName", "code"],
    base: { name: "Химия", shortName: "Хим", code: "", kind: "SUBJECT", controlKind: "NONE", parentId: "" },
  },
  subgroup: { fields: ["name"], base: { classId: 0, name: "1 подгруппа", subjectId: "" } },
  department: { fields: ["name"], base: { name: "Отделение", headId: "" } },
};

const PERSON_FIELDS = ["lastName", "firstName", "middleName"];

/** An absence's dates and document (DUT-3), valid apart from the text under test. */
const ABSENCE_DOCUMENT = {
  dateFrom: "2026-11-23",
  dateTo: "2026-11-24",
  reason: "B",
  documentKind: "приказ",
  documentNumber: "15",
  documentDate: "2026-11-23",
};

/**
 * SEC-3: every text field of every server action, with an otherwise valid input. An action that
 * takes no text says so (and why) — a new action must be added to one of the two lists.
 */
function textCases(ids: ExtraIds): Record<string, TextCase[] | { none: string }> {
  const own = { lessonId: f.lessonA, classId: f.classA, studentId: f.studentA, subjectId: f.subject };
  return {
    "lib/access/actions.ts#saveMatrixAction": { none: "matrix cells are enum values" },
    // REG-1: made as the fixture region's REGIONAL_ADMIN (signInFor).
    "lib/region/users/actions.ts#issueAuthorityLoginAction": formCases(["lastName", "firstName", "middleName"], {
      lastName: "Петрова",
      firstName: "Анна",
      middleName: "Ивановна",
      role: "REGIONAL_SPECIALIST",
    }),
    "lib/region/users/actions.ts#setAuthorityActiveAction": { none: "an account id and a flag" },
    "lib/region/users/actions.ts#resetAuthorityPasswordAction": { none: "an account id" },
    "lib/api/actions.ts#createTokenAction": formCases(["name"], { name: "Телефон", scope: "read" }),
    "lib/api/actions.ts#revokeTokenAction": { none: "a token id" },
    "lib/webhooks/actions.ts#createSubscriptionAction": formCases(["url"], {
      url: "https://example.org/hook",
      events: "mark.created",
    }),
    "lib/webhooks/actions.ts#toggleSubscriptionAction": { none: "a subscription id and an on/off flag" },
    "lib/webhooks/actions.ts#deleteSubscriptionAction": { none: "a subscription id" },
    "lib/external/actions.ts#importResultsAction": {
      none: "a file (its cells are matched to classes, students and subjects, never stored as text)",
    },
    "lib/archive/actions.ts#buildArchiveAction": { none: "a year id" },
    "lib/archive/actions.ts#verifyArchiveAction": { none: "an archive set id" },
    "lib/auth/actions.ts#changePasswordAction": formCases(["newPassword", "confirmPassword"], {
      currentPassword: "x",
      newPassword: "Зелёный чайник у окна",
      confirmPassword: "Зелёный чайник у окна",
    }),
    "lib/control/actions.ts#createRemarkAction": formCases(["text"], {
      teacherId: f.users.TEACHER,
      text: "Не заполнены темы",
    }),
    "lib/control/actions.ts#moveRemarkAction": formCases(["note"], { remarkId: 1, move: "close", note: "" }),
    "lib/finals/actions.ts#saveFinalAction": [
      {
        field: "text",
        call: (text) => [
          {
            classId: f.classA,
            subjectId: f.subject,
            studentId: f.studentA,
            kind: "YEAR",
            periodId: null,
            text,
            version: 0,
          },
        ],
      },
    ],
    "lib/journal/lesson/actions.ts#saveTopicAction": formCases(["topic", "content"], {
      ...own,
      version: 0,
      topic: "Дроби",
      content: "",
      planTopicId: "",
      hours: "",
    }),
    "lib/journal/lesson/actions.ts#saveHomeworkAction": formCases(["text"], {
      lessonId: f.lessonA,
      version: 0,
      text: "№ 1",
      dueDate: "",
    }),
    "lib/journal/lesson/actions.ts#saveAssignmentAction": formCases(["description"], {
      lessonId: f.lessonA,
      assignmentId: "",
      intent: "save",
      typeId: 1,
      description: "",
      weight: "",
      dueDate: "",
    }),
    "lib/journal/lesson/actions.ts#saveProtocolAction": formCases(["tasks"], {
      lessonId: f.lessonA,
      assignmentId: 1,
      tasks: "5",
    }),
    "lib/journal/lesson/actions.ts#requestUnlockAction": formCases(["reason"], {
      lessonId: f.lessonA,
      reason: "Исправить отметку",
    }),
    "lib/journal/reasons/actions.ts#saveReasonsAction": { none: "attendance codes from a fixed list" },
    "lib/journal/unlock/actions.ts#decideUnlockAction": formCases(["note"], {
      requestId: 1,
      decision: "approve",
      note: "",
    }),
    "lib/messages/actions.ts#postAnnouncementAction": formCases(["title", "body"], {
      title: "Собрание",
      body: "В пятницу",
      audience: "ALL",
    }),
    "lib/messages/actions.ts#deleteAnnouncementAction": { none: "an announcement id" },
    "lib/messages/forum/actions.ts#createTopicAction": formCases(["title", "body"], { title: "Вопрос", body: "Текст" }),
    "lib/messages/forum/actions.ts#addPostAction": formCases(["body"], { topicId: 1, body: "Ответ" }),
    "lib/messages/forum/actions.ts#hidePostAction": { none: "a post id and a flag" },
    "lib/messages/forum/actions.ts#moderatorAction": { none: "a user id and a flag" },
    "lib/messages/mail/actions.ts#sendMessageAction": formCases(["subject", "body"], {
      person: f.users.TEACHER,
      subject: "Тема",
      body: "Текст",
    }),
    "lib/org/actions.ts#saveEntityAction": Object.entries(ORG_ENTITY_TEXT).flatMap(([entity, e]) =>
      e.fields.map((field) => ({
        field: `${entity}.${field}`,
        call: (text: string) => [
          entity,
          null,
          e.yearBound ? 1 : null,
          null,
          fd({ ...e.base, ...("classId" in e.base ? { classId: f.classA } : {}), [field]: text }),
        ],
      })),
    ),
    "lib/org/actions.ts#deleteEntityAction": { none: "an entity and an id" },
    "lib/org/actions.ts#saveOrgCardAction": formCases(["name", "shortName", "address", "director"], {
      name: "Школа № 1",
      shortName: "Школа",
      address: "",
      director: "",
    }),
    "lib/org/actions.ts#saveSettingsAction": { none: "numbers, flags and a method from a list" },
    "lib/org/subgroups/actions.ts#saveSubgroupMembersAction": { none: "student ids" },
    "lib/org/year/actions.ts#yearTransitionAction": formCases(["orderNumber"], {
      orderNumber: "15-о",
      orderDate: "2027-05-31",
    }),
    "lib/people/actions.ts#saveStudentSectionAction": [
      ...formCases(
        [...PERSON_FIELDS, "citizenship", "documentNumber", "registrationAddress", "programme"],
        { lastName: "Иванов", firstName: "Иван", birthDate: "01.03.2015", educationForm: "FULL_TIME" },
        (form) => [f.studentA, "main", null, form],
      ),
      ...formCases(["medicalNotes"], {}, (form) => [f.studentA, "medical", null, form]),
      ...formCases(["psychNotes", "deviantBehaviour", "socialStatus"], {}, (form) => [f.studentA, "psych", null, form]),
    ],
    "lib/people/actions.ts#addParentAction": formCases(
      [...PERSON_FIELDS, "address", "workplace", "position", "kinship"],
      { lastName: "Иванова", firstName: "Мария" },
      (form) => [f.studentA, null, form],
    ),
    "lib/people/actions.ts#unlinkParentAction": { none: "two ids" },
    "lib/people/actions.ts#saveParentAction": formCases(
      [...PERSON_FIELDS, "address", "workplace", "position"],
      { lastName: "Иванова", firstName: "Мария" },
      (form) => [ids.parentId, null, form],
    ),
    "lib/people/actions.ts#addChildLinkAction": formCases(["kinship"], { studentId: f.studentB }, (form) => [
      ids.parentId,
      null,
      form,
    ]),
    "lib/people/actions.ts#removeChildLinkAction": { none: "two ids" },
    "lib/people/import/actions.ts#importAction": formCases(["orderNumber"], {
      classId: f.classA,
      date: "01.09.2026",
      orderNumber: "1-к",
      orderDate: "01.09.2026",
    }),
    "lib/people/import/actions.ts#addStudentAction": formCases([...PERSON_FIELDS, "orderNumber"], {
      classId: f.classA,
      date: "01.09.2026",
      orderNumber: "1-к",
      orderDate: "01.09.2026",
      lastName: "Новикова",
      firstName: "Анна",
      birthDate: "12.03.2015",
    }),
    "lib/people/logins/actions.ts#createStaffAction": formCases([...PERSON_FIELDS, "position"], {
      lastName: "Петров",
      firstName: "Пётр",
      role: "TEACHER",
    }),
    "lib/people/logins/actions.ts#unlockUserAction": { none: "a user id" },
    "lib/people/logins/actions.ts#setLoginActiveAction": { none: "a user id and a flag" },
    "lib/people/movement/actions.ts#recordMovementAction": formCases(["orderNumber", "note"], {
      studentId: f.studentA,
      kind: "EXPEL",
      date: "01.12.2026",
      orderNumber: "5-о",
      orderDate: "01.12.2026",
    }),
    "lib/people/staff/actions.ts#saveStaffAction": formCases(
      [...PERSON_FIELDS, "position", "education", "category"],
      { lastName: "Петров", firstName: "Пётр" },
      (form) => [f.users.TEACHER, null, form],
    ),
    "lib/plans/actions.ts#createPlanAction": { none: "a load id" },
    "lib/plans/actions.ts#saveTopicsAction": ["title", "kesCodes", "lessonType", "controlKind", "homework"].map(
      (field) => ({
        field,
        call: (text: string) => [
          null,
          fd({ planId: ids.planId, topics: JSON.stringify([{ title: "Дроби", hours: 1, [field]: text }]) }),
        ],
      }),
    ),
    "lib/plans/actions.ts#setAutoHomeworkAction": { none: "a flag" },
    "lib/plans/actions.ts#workflowAction": { none: "a step from a list" },
    "lib/plans/actions.ts#reviewPlanAction": formCases(["comment"], {
      planId: ids.planId,
      decision: "return",
      comment: "Доработать",
    }),
    "lib/plans/actions.ts#bindAction": { none: "ids" },
    "lib/plans/actions.ts#importAction": { none: "an XLSX file, its rows parsed by the same topic schema" },
    "lib/plans/actions.ts#copyPlanAction": { none: "ids" },
    "lib/push/actions.ts#savePushSubscriptionAction": { none: "an https URL and base64url keys (format-checked)" },
    "lib/push/actions.ts#removePushSubscriptionAction": { none: "an https URL" },
    "lib/schedule/changes/actions.ts#createChangeAction": formCases(["note"], {
      kind: "CANCEL",
      classId: f.classA,
      date: "2026-10-05",
      entryId: 1,
    }),
    "lib/schedule/changes/actions.ts#createSubstitutionAction": formCases(["note"], {
      originalId: f.users.ADMIN,
      substituteId: f.users.TEACHER,
      lessonId: f.lessonA,
      dateFrom: "2026-10-05",
      dateTo: "2026-10-05",
    }),
    "lib/schedule/events/actions.ts#createEventAction": formCases(["title", "description", "place"], {
      title: "Концерт",
      date: "2026-10-05",
      startTime: "15:00",
    }),
    "lib/schedule/exams/actions.ts#createExamAction": { none: "ids, dates and times" },
    "lib/schedule/feed/actions.ts#feedAction": { none: "an intent from a list" },
    "lib/schedule/lessons/actions.ts#generateLessonsAction": { none: "a class and dates" },
    "lib/schedule/setup/actions.ts#saveBellScheduleAction": formCases(["name", "bells"], {
      name: "Основное",
      bells: "08:30-09:15",
    }),
    "lib/schedule/setup/actions.ts#assignBellScheduleAction": { none: "two ids" },
    "lib/schedule/setup/actions.ts#saveRoomAction": formCases(["name", "building"], { name: "101", building: "" }),
    "lib/schedule/timetable/actions.ts#saveEntryAction": { none: "ids, a weekday and a lesson number" },
    "lib/schedule/timetable/actions.ts#deleteEntryAction": { none: "ids" },
    // PRG-1: a programme's title and specialty, its sections' text, the deputy's comment.
    "lib/programmes/actions.ts#createProgrammeAction": formCases(["title", "specialty"], {
      subjectId: f.subject,
      title: "Программа",
      specialty: "",
    }),
    "lib/programmes/actions.ts#saveSectionsAction": formCases(["sections"], { programmeId: 1, sections: "Раздел; 1" }),
    "lib/programmes/actions.ts#programmeStepAction": { none: "an id and a step from a list" },
    "lib/programmes/actions.ts#reviewProgrammeAction": formCases(["comment"], {
      programmeId: 1,
      decision: "return",
      comment: "Исправить",
    }),
    "lib/programmes/actions.ts#createKtpFromProgrammeAction": { none: "two ids" },
    // PRG-4: a class and a period.
    "lib/assessments/actions.ts#publishAssessmentsAction": { none: "two ids" },
    // PRG-2: a club's name and description, a slot's times, the КТП's text, a session's topic.
    "lib/clubs/actions.ts#saveClubAction": formCases(["name", "description"], {
      name: "Шахматы",
      leaderId: f.users.TEACHER,
      description: "",
    }),
    "lib/clubs/actions.ts#addClubMemberAction": { none: "two ids" },
    "lib/clubs/actions.ts#removeClubMemberAction": { none: "two ids" },
    "lib/clubs/actions.ts#enrolInClubAction": { none: "two ids" },
    "lib/clubs/actions.ts#leaveClubAction": { none: "two ids" },
    "lib/clubs/actions.ts#saveClubSlotAction": formCases(["start", "end"], {
      clubId: f.clubLed,
      weekday: 2,
      start: "15:00",
      end: "15:45",
    }),
    "lib/clubs/actions.ts#deleteClubSlotAction": { none: "two ids" },
    "lib/clubs/actions.ts#saveClubPlanAction": formCases(["plan"], { clubId: f.clubLed, plan: "Тема; 1" }),
    "lib/clubs/actions.ts#saveClubSessionAction": formCases(["topic"], {
      clubId: f.clubLed,
      date: "2026-11-17",
      topic: "Тема",
    }),
    // PRG-3: the scheduler's note and the director's comment on a return.
    "lib/schedule/approval/actions.ts#submitTimetableAction": formCases(["note"], { note: "Расписание на год" }),
    "lib/schedule/approval/actions.ts#approveTimetableAction": { none: "a version id" },
    "lib/schedule/approval/actions.ts#returnTimetableAction": formCases(["comment"], {
      versionId: 1,
      comment: "Исправить",
    }),
    // The record (REC-1, REC-2, REC-4, REC-5, REC-6).
    "lib/journal/hospital/actions.ts#createCertificateAction": formCases(["number", "institution"], {
      studentId: f.studentA,
      number: "12",
      issuedOn: "2026-11-20",
      stayFrom: "2026-11-02",
      stayTo: "2026-11-20",
      institution: "Больничная школа",
    }),
    // The mark typed from the certificate is text (as the journal cell's input).
    "lib/journal/hospital/actions.ts#saveHospitalMarksAction": formCases([`m:${f.lessonA}`], {
      certificateId: ids.certificateId,
      [`m:${f.lessonA}`]: "5",
    }),
    "lib/journal/unlock/actions.ts#openDatesAction": formCases(["reason"], {
      classId: f.classA,
      subjectId: f.subject,
      from: "2026-11-16",
      to: "2026-11-20",
      reason: "Исправление отметки",
    }),
    "lib/journal/closing/actions.ts#closePeriodAction": formCases(["basis"], {
      periodId: ids.periodId,
      target: "all",
      basis: "Приказ № 1",
      early: "on",
    }),
    "lib/org/year/actions.ts#reopenYearAction": formCases(["reason"], {
      yearId: ids.yearId,
      reason: "Исправление ошибки",
    }),
    "lib/archive/actions.ts#closeYearAgainAction": { none: "a year id" },
    "lib/org/decisions/actions.ts#saveDecisionsAction": formCases(["protocolNumber", "orderNumber"], {
      yearId: ids.yearId,
      classId: f.classA,
      protocolNumber: "5",
      protocolDate: "2026-11-20",
      orderNumber: "7-о",
      orderDate: "2026-11-21",
      [`decision_${f.studentA}`]: "PROMOTED",
    }),
    "lib/archive/actions.ts#saveRetentionAction": { none: "numbers of years per document kind" },
    "lib/archive/actions.ts#disposeAction": formCases(["basis"], { documentId: 1, basis: "Акт № 1", confirm: "1" }),
    // Learning (LRN-1…LRN-5).
    "lib/learning/handin/actions.ts#submitHandinAction": formCases(
      ["text"],
      { homeworkId: 1, studentId: f.studentA, text: "Ответ" },
      undefined,
      "STUDENT",
    ),
    "lib/learning/handin/actions.ts#reviewHandinAction": formCases(
      ["comment", "mark"],
      { submissionId: 1, version: 0, comment: "Хорошо", mark: "5", intent: "review" },
      undefined,
      "TEACHER",
    ),
    "lib/learning/handin/actions.ts#saveHandinSettingsAction": {
      none: "a date, a time and the mark's assignment (format-checked)",
    },
    "lib/learning/materials/actions.ts#createMaterialAction": formCases(["title", "description", "topic", "url"], {
      title: "Дроби",
      description: "Конспект",
      subjectId: f.subject,
      grade: "",
      classId: f.classA,
      topic: "Дроби",
      kind: "LINK",
      url: "https://example.org",
    }),
    "lib/learning/materials/actions.ts#deleteMaterialAction": { none: "a material id" },
    "lib/learning/materials/actions.ts#attachMaterialAction": { none: "ids and choices from lists" },
    // Daily duties (DUT-2…DUT-6, issue 17).
    "lib/journal/lesson/actions.ts#saveHomeworkMarkerAction": { none: "a lesson id and a marker from a list" },
    "lib/risk/actions.ts#notifyRiskAction": [
      {
        field: "text",
        call: (text) => [null, fd({ classId: f.classA, studentId: f.studentA, text: `${text}: сообщение родителям` })],
        as: "TEACHER",
      },
    ],
    "lib/absences/actions.ts#recordAbsenceAction": formCases(["documentNumber"], {
      studentId: f.studentA,
      ...ABSENCE_DOCUMENT,
    }),
    "lib/absences/actions.ts#updateAbsenceAction": formCases(["documentNumber"], { absenceId: 1, ...ABSENCE_DOCUMENT }),
    "lib/absences/actions.ts#withdrawAbsenceAction": { none: "an absence id" },
    "lib/absences/actions.ts#fileNoticeAction": formCases(
      ["comment"],
      { studentId: f.studentA, dateFrom: "2026-11-23", dateTo: "2026-11-24", reason: "B", comment: "Температура" },
      undefined,
      "PARENT",
    ),
    "lib/absences/actions.ts#decideNoticeAction": formCases(["declineReason"], {
      decision: "decline",
      noticeId: 1,
      declineReason: "Нет справки",
    }),
    "lib/control/checks/actions.ts#recordCheckAction": formCases(["findings", "remarkText"], {
      classId: f.classA,
      subjectId: f.subject,
      periodId: "",
      level: "",
      result: "REMARKS",
      findings: "Темы записаны не везде",
      remarkTeacherId: f.users.TEACHER,
      remarkText: "Запишите темы",
    }),
    "lib/documents/actions.ts#createDocumentAction": formCases(["title", "number", "note"], {
      title: "Положение о журнале",
      category: "REGULATION",
      number: "3",
      date: "2026-09-01",
      note: "Первая редакция",
      visibleTo: "TEACHER",
    }),
    "lib/documents/actions.ts#updateDocumentAction": formCases(["title", "number"], {
      documentId: 1,
      title: "Положение о журнале",
      category: "REGULATION",
      number: "3",
      date: "2026-09-01",
      visibleTo: "TEACHER",
    }),
    "lib/documents/actions.ts#addVersionAction": formCases(["note"], { documentId: 1, note: "Вторая редакция" }),
    "lib/resources/actions.ts#saveResourceAction": formCases(["title", "url", "description", "category"], {
      title: "Библиотека",
      url: "https://example.org",
      description: "Электронная библиотека",
      category: "Чтение",
      sortOrder: "",
      visibleTo: "PARENT",
    }),
    "lib/portfolio/actions.ts#addAchievementAction": formCases(["title", "result", "subject"], {
      studentId: f.studentA,
      kind: "OLYMPIAD",
      level: "SCHOOL",
      title: "Олимпиада",
      result: "Призёр",
      subject: "Математика",
      date: "2026-11-20",
    }),
    "lib/portfolio/actions.ts#decideAchievementAction": formCases(["reason"], {
      achievementId: 1,
      intent: "reject",
      reason: "Нет диплома",
    }),
    "lib/portfolio/actions.ts#addStaffAchievementAction": formCases(["title", "issuer", "documentNumber"], {
      userId: f.users.TEACHER,
      kind: "COURSE",
      title: "Курсы",
      issuer: "ИРО",
      date: "2026-11-20",
      hours: "36",
      documentNumber: "123",
    }),
    "lib/portfolio/actions.ts#deleteStaffAchievementAction": { none: "an entry id" },
  };
}

/** Did the answer refuse the input for its control character (in the message or a field's errors)? */
function refusedForControl(result: unknown): boolean {
  const r = result as { message?: string; fieldErrors?: Record<string, string[]> } | undefined;
  if (r?.message?.includes(CONTROL_CHARS_MESSAGE)) return true;
  return Object.values(r?.fieldErrors ?? {}).some((list) => list.includes(CONTROL_CHARS_MESSAGE));
}

describe("every text field of every server action refuses each control and bidi character (SEC-3)", () => {
  let extra: ExtraIds;
  beforeAll(async () => {
    const parent = await db.parent.findFirstOrThrow({
      where: { organisationId: f.organisationId, userId: f.users.PARENT },
    });
    const year = await db.academicYear.findFirstOrThrow({ where: { organisationId: f.organisationId } });
    const plan = await db.lessonPlan.create({
      data: {
        organisationId: f.organisationId,
        yearId: year.id,
        teacherId: f.users.ADMIN,
        subjectId: f.subject,
        classId: f.classA,
        grade: 5,
        title: "КТП",
      },
    });
    const period = await db.period.create({
      data: {
        organisationId: f.organisationId,
        yearId: year.id,
        kind: "QUARTER",
        number: 2,
        name: "2 четверть",
        startDate: new Date("2026-11-05"),
        endDate: new Date("2026-12-28"),
      },
    });
    const certificate = await db.hospitalCertificate.create({
      data: {
        organisationId: f.organisationId,
        studentId: f.studentA,
        number: "12",
        issuedOn: new Date("2026-11-20"),
        stayFrom: new Date("2026-11-02"),
        stayTo: new Date("2026-11-20"),
        createdById: f.users.ADMIN,
        createdAt: new Date("2026-11-20T10:00:00Z"),
      },
    });
    extra = {
      parentId: parent.id,
      planId: plan.id,
      yearId: year.id,
      periodId: period.id,
      certificateId: certificate.id,
    };
    // The sessions of the cases made as another role exist before a digest is taken.
    for (const as of ["STUDENT", "TEACHER", "PARENT"] as const) await signInAs(f.organisationId, f.users[as]);
  });

  it("lists every server action: with its text fields, or saying why it takes none", () => {
    const table = textCases({ parentId: 0, planId: 0, yearId: 0, periodId: 0, certificateId: 0 });
    const keys = actionTargets.map((t) => t.key);
    expect(keys.filter((k) => !(k in table) && !SKIP.has(k))).toEqual([]);
    expect(Object.keys(table).filter((k) => !keys.includes(k))).toEqual([]);
  });

  for (const target of actionTargets) {
    it(`${target.key}`, { timeout: 120_000 }, async () => {
      const cases = textCases(extra)[target.key];
      if (!cases || "none" in cases) return;
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, target.file))) as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      const before = await dbDigest();
      const problems: string[] = [];
      for (const c of cases)
        for (const [kind, ch] of Object.entries(CONTROL_SAMPLES)) {
          if (target.file.startsWith("lib/region/users/")) await signInFor(target.file);
          else await signInAs(f.organisationId, f.users[c.as ?? "ADMIN"]);
          let result: unknown;
          try {
            result = await mod[target.name](...c.call(poisoned(ch)));
          } catch (e) {
            problems.push(`${c.field} ${kind}: ${interruptOf(e) ? "not refused (navigated)" : `threw ${String(e)}`}`);
            continue;
          }
          const problem = problemWith(result) ?? ((result as Answer).ok ? "accepted" : null);
          if (problem) problems.push(`${c.field} ${kind}: ${problem}`);
          else if (!refusedForControl(result))
            problems.push(`${c.field} ${kind}: refused for another reason: ${JSON.stringify(result).slice(0, 300)}`);
        }
      expect(problems).toEqual([]);
      expect(changedTables(before, await dbDigest())).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const routeFiles = walk("app").filter((p) => p.endsWith("/route.ts") && !p.includes("[...nextauth]"));

describe("route handlers answer hostile input with a 4xx and a Russian message, never a 500", () => {
  for (const file of routeFiles) {
    it(file, { timeout: 120_000 }, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Handler>;
      const methods = ["GET", "POST", "PUT", "DELETE"].filter((m) => typeof mod[m] === "function");
      const paramNames = [...file.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
      const literals = literalsOf([file]);
      await signInForRoute(file);
      const before = await dbDigest();
      let anyOk = false;
      const body = fc.oneof(
        fc.json().map((j) => j),
        fc
          .dictionary(
            fc.constantFrom(
              "kind",
              "lessonId",
              "studentId",
              "assignmentId",
              "input",
              "version",
              "typeId",
              "comment",
              "text",
              "files",
              ...literals,
            ),
            fc.jsonValue(),
          )
          .map((o) => JSON.stringify(o)),
        fc.constantFrom("", "{", "null", "[]", "x".repeat(100_000), '{"kind":"mark","lessonId":"1e309"}'),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...methods),
          fc.tuple(...paramNames.map(() => valueArb(literals))),
          fc.array(
            fc.tuple(
              fc.constantFrom(
                "lessonId",
                "assignmentId",
                "studentId",
                "kind",
                "classId",
                "clubId",
                "periodId",
                "format",
                "from",
                "to",
                "date",
                "list",
                "week",
                "inline",
                // Issue 22 item 4: the grid's window (GET /api/journal/grid).
                "class",
                "subject",
                "subgroup",
                "period",
                "dir",
                ...literals,
              ),
              valueArb(literals),
            ),
            { maxLength: 6 },
          ),
          body,
          async (method, params, query, payload) => {
            const qs = new URLSearchParams(query.map(([k, v]) => [k, v.slice(0, 2_000)])).toString();
            const init: RequestInit = {
              method,
              headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
            };
            if (method !== "GET") init.body = payload;
            let res: Response;
            try {
              res = await mod[method](new Request(`http://localhost/x?${qs}`, init), {
                params: Promise.resolve(Object.fromEntries(paramNames.map((n, i) => [n, params[i]]))),
              });
            } catch (e) {
              if (interruptOf(e)) return;
              throw new Error(`threw (a 500): ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`, {
                cause: e,
              });
            }
            if (res.status >= 500) throw new Error(`${method} answered ${res.status}`);
            if (res.status < 400) {
              anyOk = true;
              return;
            }
            const text = await res.text();
            let message = text; // the calendar feed answers plain text
            try {
              const answer = JSON.parse(text) as Answer;
              if (answer.ok !== false) throw new Error(`${res.status} with ok ≠ false`);
              message = answer.message ?? "";
            } catch (e) {
              if (!(e instanceof SyntaxError)) throw e;
            }
            if (!/[а-яё]/i.test(message))
              throw new Error(`${res.status} without a Russian message: ${text.slice(0, 200)}`);
          },
        ),
        { numRuns: RUNS, seed: 20_261_123, endOnFailure: true },
      );
      if (!anyOk) expect(changedTables(before, await dbDigest())).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// SEC-3 for route handlers and search parameters.

type RouteTextCase = {
  file: string;
  method: string;
  field: string;
  request: (text: string) => RequestInit & { url?: string; params?: Record<string, string> };
  /** Who calls (ADMIN unless the route is another role's: a student's hand-in). */
  as?: MatrixColumn;
};

function routeTextCases(): RouteTextCase[] {
  const json = (body: unknown) => JSON.stringify(body);
  return [
    ...["subject", "body"].map((field) => ({
      file: "app/api/v1/mail/route.ts",
      method: "POST",
      field,
      request: (text: string) => ({
        body: json({ personIds: [f.users.TEACHER], subject: "Тема", body: "Текст", [field]: text }),
      }),
    })),
    ...["input", "comment", "reason"].map((field) => ({
      file: "app/api/journal/cell/route.ts",
      method: "POST",
      field,
      request: (text: string) => ({
        body: json({
          kind: "mark",
          lessonId: f.lessonA,
          studentId: f.studentA,
          assignmentId: null,
          typeId: 1,
          input: "5",
          version: 0,
          [field]: text,
        }),
      }),
    })),
    {
      file: "app/(app)/people/students/[studentId]/medical/route.ts",
      method: "PUT",
      field: "medicalNotes",
      request: (text: string) => ({ params: { studentId: String(f.studentA) }, body: json({ medicalNotes: text }) }),
    },
    // LRN-1: the student's hand-in through /api/v1 (the same text as the diary's form).
    {
      file: "app/api/v1/students/[studentId]/handins/[homeworkId]/route.ts",
      method: "POST",
      field: "text",
      as: "STUDENT",
      request: (text: string) => ({
        params: { studentId: String(f.studentA), homeworkId: "1" },
        body: json({ text }),
      }),
    },
  ];
}

describe("route handlers refuse control and bidi characters: 4xx, Russian, nothing written (SEC-3)", () => {
  it(
    "in the text fields of JSON bodies (mail, journal cell, medical card, hand-in)",
    { timeout: 120_000 },
    async () => {
      for (const as of ["STUDENT", "ADMIN"] as const) await signInAs(f.organisationId, f.users[as]);
      const before = await dbDigest();
      const problems: string[] = [];
      for (const c of routeTextCases()) {
        const mod = (await import(/* @vite-ignore */ path.join(ROOT, c.file))) as Record<string, Handler>;
        await signInAs(f.organisationId, f.users[c.as ?? "ADMIN"]);
        for (const [kind, ch] of Object.entries(CONTROL_SAMPLES)) {
          const { params, ...init } = c.request(poisoned(ch));
          const res = await mod[c.method](
            new Request("http://localhost/x", {
              method: c.method,
              headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
              ...init,
            }),
            { params: Promise.resolve(params ?? {}) },
          );
          const text = await res.text();
          if (res.status < 400 || res.status >= 500) problems.push(`${c.file} ${c.field} ${kind}: ${res.status}`);
          else if (!text.includes(CONTROL_CHARS_MESSAGE))
            problems.push(`${c.file} ${c.field} ${kind}: ${text.slice(0, 200)}`);
        }
      }
      expect(problems).toEqual([]);
      expect(changedTables(before, await dbDigest())).toEqual([]);
    },
  );

  it("in every query parameter and JSON field of every route handler: never a 500", { timeout: 300_000 }, async () => {
    await signInAs(f.organisationId, f.users.ADMIN);
    const before = await dbDigest();
    const problems: string[] = [];
    let anyOk = false;
    for (const file of routeFiles) {
      await signInForRoute(file);
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Handler>;
      const methods = ["GET", "POST", "PUT", "DELETE"].filter((m) => typeof mod[m] === "function");
      const keys = [
        ...new Set([
          ...literalsOf([file]).filter((k) => /^[a-z][A-Za-z]*$/.test(k)),
          "q",
          "date",
          "from",
          "to",
          "format",
          "list",
          "class",
          "subject",
          "dir",
        ]),
      ];
      const params = Object.fromEntries(
        [...file.matchAll(/\[([^\]]+)\]/g)].map((m) => [
          m[1],
          m[1] === "report" ? "attendance" : String(ownIdFor(m[1])),
        ]),
      );
      for (const method of methods)
        for (const [kind, ch] of Object.entries(CONTROL_SAMPLES)) {
          const qs = new URLSearchParams(keys.map((k) => [k, poisoned(ch)])).toString();
          const init: RequestInit = {
            method,
            headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
          };
          if (method !== "GET") init.body = JSON.stringify(Object.fromEntries(keys.map((k) => [k, poisoned(ch)])));
          let res: Response;
          try {
            res = await mod[method](new Request(`http://localhost/x?${qs}`, init), { params: Promise.resolve(params) });
          } catch (e) {
            if (!interruptOf(e)) problems.push(`${file} ${method} ${kind}: threw ${String(e).slice(0, 200)}`);
            continue;
          }
          if (res.status >= 500) problems.push(`${file} ${method} ${kind}: ${res.status}`);
          else if (res.status < 400) anyOk = true;
          else if (!/[а-яё]/i.test(await res.text())) problems.push(`${file} ${method} ${kind}: no Russian message`);
        }
    }
    expect(problems).toEqual([]);
    if (!anyOk) expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("search parameters of pages (e.g. /people?q=): the page renders, nothing is written", async () => {
    const pages = [
      "app/(app)/people/page.tsx",
      "app/(app)/admin/visits/page.tsx",
      "app/(app)/people/movement/page.tsx",
      // Issue 22 item 7: the fulfilment filter, the class of «Новый план», the portfolio's filter.
      "app/(app)/plans/fulfilment/page.tsx",
      "app/(app)/plans/page.tsx",
      "app/(app)/portfolio/page.tsx",
    ];
    await signInAs(f.organisationId, f.users.ADMIN);
    const before = await dbDigest();
    for (const file of pages) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as {
        default: (p: unknown) => Promise<unknown>;
      };
      for (const ch of Object.values(CONTROL_SAMPLES)) {
        const q = poisoned(ch);
        await expect(
          mod.default({
            params: Promise.resolve({}),
            searchParams: Promise.resolve({
              q,
              surname: q,
              role: q,
              from: q,
              class: q,
              subject: q,
              teacher: q,
              sort: q,
              classId: q,
              pending: q,
            }),
          }),
        ).resolves.toBeDefined();
      }
    }
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });
});
