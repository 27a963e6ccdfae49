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
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { interruptOf, signInAs } from "../support/session-harness";
import { changedTables, dbDigest } from "../support/db-digest";

vi.mock("next-auth", async (orig) => (await import("../support/session-harness")).nextAuthMock(orig));
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const ROOT = path.resolve(__dirname, "../..");
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

beforeAll(async () => {
  f = await createAccessFixture();
  const o = f.otherOrganisationId;
  const year = await db.academicYear.create({
    data: {
      organisationId: o,
      name: "2026/2027",
      startDate: new Date("2026-09-01"),
      endDate: new Date("2027-05-31"),
      isCurrent: true,
    },
  });
  const cls = await db.classGroup.create({ data: { organisationId: o, yearId: year.id, name: "9В", grade: 9 } });
  const st = await db.student.create({
    data: { organisationId: o, lastName: "Чужой", firstName: "Ученик", birthDate: new Date("2011-01-01") },
  });
  const user = await db.user.create({
    data: { organisationId: o, login: "other", passwordHash: "-", lastName: "Чужой", firstName: "Учитель" },
  });
  foreign = [year.id, cls.id, st.id, user.id].map(String);
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
      await signInAs(f.organisationId, f.users.ADMIN);
      const before = await dbDigest();
      let anyOk = false;
      await fc.assert(
        fc.asyncProperty(fc.tuple(...target.params.map((p) => argArb(p, target.literals))), async (args) => {
          let result: unknown;
          try {
            result = await mod[target.name](...args);
          } catch (e) {
            if (interruptOf(e)) return; // redirect / notFound / forbidden: Next answers 3xx/4xx
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

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const routeFiles = walk("app").filter((p) => p.endsWith("/route.ts") && !p.includes("[...nextauth]"));

describe("route handlers answer hostile input with a 4xx and a Russian message, never a 500", () => {
  for (const file of routeFiles) {
    it(file, { timeout: 120_000 }, async () => {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Handler>;
      const methods = ["GET", "POST", "PUT", "DELETE"].filter((m) => typeof mod[m] === "function");
      const paramNames = [...file.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
      const literals = literalsOf([file]);
      await signInAs(f.organisationId, f.users.ADMIN);
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
                "periodId",
                "format",
                "from",
                "to",
                "date",
                "list",
                "week",
                "inline",
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
