// Authorization sweep (issue 11, ACL-1…ACL-5): every page, route handler and server action found
// on the file system is in tests/support/sweep-table.ts, and
//  - pages: anonymous → /login; each matrix column (one demo user each) is let in exactly when the
//    default matrix (or the table's explicit roles) says so, refused with 403 «Нет доступа» otherwise;
//  - route handlers: anonymous → 401 unless public; each column per the table; ids of another
//    organisation / class / child are refused;
//  - server actions: each export reaches an access call (checked on the source, transitively
//    through the module's own helpers); with a sample input, anonymous and every column the matrix
//    denies are refused and the database is unchanged;
//  - REG-1: the whole table again for each education-authority role — every page, route handler,
//    API resource and action is refused to it (nothing written) unless its row names an
//    `authority` permission the role holds, or it is the account's own password / session.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { MATRIX, type Permission } from "@/lib/access/matrix";
import { authorityAllows } from "@/lib/access/authority";
import { AUTHORITY_ROLES, type AuthorityRole } from "@/lib/auth/authority/rules";
import type { MatrixColumn } from "@/lib/access/roles";
import { createAccessFixture, foreignClass, sweepIds, type AccessFixture } from "../support/access-fixture";
import { interruptOf, signInAs, signInAsAuthority, signOut } from "../support/session-harness";
import { changedTables, dbDigest } from "../support/db-digest";
import {
  ACTIONS,
  ALL as COLUMNS,
  AUTHORITY_SELF_SERVICE,
  GATE_CALLS,
  PAGES,
  ROUTES,
  SIGNED_IN_CALLS,
  type SweepIds,
  type Who,
} from "../support/sweep-table";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));
vi.mock("next/headers", async (orig) => (await import("../support/session-harness")).nextHeadersMock(orig));

const ROOT = path.resolve(__dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : walk(rel);
    return [rel];
  });
}

/** app/(app)/people/[id]/page.tsx → /people/[id] */
export function routePath(file: string): string {
  const p = file
    .replace(/^app/, "")
    .replace(/\/\([^)/]*\)/g, "")
    .replace(/\/(page\.tsx|route\.ts)$/, "");
  return p === "" ? "/" : p;
}

const appFiles = walk("app");
const pageFiles = appFiles.filter((f) => f.endsWith("/page.tsx"));
const routeFiles = appFiles.filter((f) => f.endsWith("/route.ts"));

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    readFileSync(path.join(ROOT, file), "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

function isUseServer(sf: ts.SourceFile): boolean {
  const first = sf.statements[0];
  return (
    !!first &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use server"
  );
}

const hasExport = (n: ts.Node) =>
  ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

type ModuleInfo = { exports: Map<string, ts.Node>; locals: Map<string, ts.Node> };

function moduleInfo(sf: ts.SourceFile): ModuleInfo {
  const exports = new Map<string, ts.Node>();
  const locals = new Map<string, ts.Node>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) {
      locals.set(st.name.text, st);
      if (hasExport(st)) exports.set(st.name.text, st);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        locals.set(d.name.text, d.initializer);
        if (hasExport(st)) exports.set(d.name.text, d.initializer);
      }
    } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) exports.set(el.name.text, st);
    }
  }
  return { exports, locals };
}

/** Every function name called from `node`, following calls into the module's own functions. */
function reachableCalls(node: ts.Node, info: ModuleInfo, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : null;
      if (name) {
        out.add(name);
        const local = info.locals.get(name);
        if (local && !seen.has(name)) {
          seen.add(name);
          for (const c of reachableCalls(local, info, seen)) out.add(c);
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

const serverModules = [...walk("lib"), ...appFiles]
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
  .map((f) => ({ file: f, sf: parse(f) }))
  .filter(({ sf }) => isUseServer(sf));

const actionExports = serverModules.flatMap(({ file, sf }) => {
  const info = moduleInfo(sf);
  return [...info.exports.keys()].map((name) => ({
    key: `${file}#${name}`,
    file,
    name,
    calls: reachableCalls(info.exports.get(name)!, info),
  }));
});

function mustCover(
  kind: string,
  found: string[],
  table: Record<string, unknown>,
  where: (k: string) => string,
): string[] {
  const problems: string[] = [];
  for (const k of found)
    if (!(k in table))
      problems.push(
        `${kind} ${where(k)} is not in the sweep table (tests/support/sweep-table.ts): add one line saying who may use it`,
      );
  for (const k of Object.keys(table))
    if (!found.includes(k)) problems.push(`${kind} "${k}" is in the sweep table but no longer exists: remove the line`);
  return problems;
}

describe("the sweep table covers every entry point on the file system", () => {
  it("every page.tsx", () => {
    const byPath = new Map(pageFiles.map((f) => [routePath(f), f]));
    expect(mustCover("page", [...byPath.keys()], PAGES, (k) => `${byPath.get(k)} (${k})`)).toEqual([]);
  });
  it("every route.ts", () => {
    const byPath = new Map(routeFiles.map((f) => [routePath(f), f]));
    expect(mustCover("route handler", [...byPath.keys()], ROUTES, (k) => `${byPath.get(k)} (${k})`)).toEqual([]);
  });
  it("every export of every 'use server' module", () => {
    expect(serverModules.length).toBeGreaterThan(10);
    expect(
      mustCover(
        "server action",
        actionExports.map((a) => a.key),
        ACTIONS,
        (k) => k,
      ),
    ).toEqual([]);
  });
});

describe("every entry point reaches the access gate (read from the source)", () => {
  it("each server action calls the gate (directly or through the module's own helper)", () => {
    const missing = actionExports
      .filter(({ key }) => key in ACTIONS)
      .filter(({ key, calls }) => {
        const rule = ACTIONS[key];
        const gates: readonly string[] = "signedIn" in rule ? [...GATE_CALLS, ...SIGNED_IN_CALLS] : GATE_CALLS;
        return !gates.some((g) => calls.has(g));
      })
      .map(({ key }) => `${key} reaches no access call (${GATE_CALLS.join(", ")})`);
    expect(missing).toEqual([]);
  });
  it("each route handler calls the gate or says why it is public", () => {
    const missing = routeFiles.filter((f) => {
      const text = readFileSync(path.join(ROOT, f), "utf8");
      return (
        !/\/\/ public:/.test(text) &&
        !/(requireAccessForRoute|requireAccessAsAuthorityForRoute|requireUserForRoute|authorizeUserForRoute|getCurrentUser|authorizeApi|authorizeApiCaller|authorizeApiForStudent|authorizeReport|authorizedStudentWeek|authorizedPortfolioPdf)\(/.test(
          text,
        )
      );
    });
    expect(missing).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Calls with a session.

let f: AccessFixture;
let ids: SweepIds;
let other: { classId: number; studentId: number; lessonId: number; userId: number; parentId: number };

beforeAll(async () => {
  f = await createAccessFixture();
  // The other organisation: a year, class, student, parent, lesson and a user of its own.
  const o = f.otherOrganisationId;
  const { classId, studentId } = await foreignClass(f);
  const subj = await db.subject.create({ data: { organisationId: o, name: "История", shortName: "Ист" } });
  const user = await db.user.create({
    data: {
      organisationId: o,
      login: "other",
      passwordHash: "-",
      mustChangePassword: false,
      lastName: "Чужой",
      firstName: "Учитель",
    },
  });
  await db.userRole.create({ data: { organisationId: o, userId: user.id, role: "TEACHER" } });
  await db.classMembership.create({
    data: { organisationId: o, studentId, classId, startDate: new Date("2026-09-01") },
  });
  const par = await db.parent.create({ data: { organisationId: o, lastName: "Чужой", firstName: "Родитель" } });
  const lesson = await db.lesson.create({
    data: {
      organisationId: o,
      classId,
      subjectId: subj.id,
      teacherId: user.id,
      date: new Date(new Date().toISOString().slice(0, 10)),
      bellNumber: 1,
    },
  });
  other = { classId, studentId, lessonId: lesson.id, userId: user.id, parentId: par.id };
  ids = await sweepIds(f, other);
});

/** The matrix columns a rule admits; for `perms`, any default scope (or "all" with scopeAll). */
function expectedColumns(rule: Who): Set<MatrixColumn> {
  if ("public" in rule || "signedIn" in rule) return new Set(COLUMNS);
  if ("authority" in rule) return new Set();
  if ("roles" in rule) return new Set(rule.roles);
  return new Set(COLUMNS.filter((column) => matrixAdmits(column, rule.perms, rule.scopeAll)));
}

/** A CLASS_TEACHER login is a TEACHER with a class, so it holds both columns (ACCESS_MATRIX notes). */
function matrixAdmits(column: MatrixColumn, perms: readonly Permission[], scopeAll = false): boolean {
  const columns: MatrixColumn[] = column === "CLASS_TEACHER" ? ["TEACHER", "CLASS_TEACHER"] : [column];
  return perms.some((p) => {
    const row = MATRIX.find((r) => r.key === p);
    if (!row) throw new Error(`sweep table names an unknown permission ${p}`);
    return columns.some((c) => {
      const scope = (row.defaults as Partial<Record<MatrixColumn, string>>)[c];
      return scope !== undefined && (!scopeAll || scope === "all");
    });
  });
}

type Outcome = "render" | "notFound" | "forbidden" | "login" | `redirect:${string}` | `error:${string}`;

async function openPage(file: string, params: Record<string, string>): Promise<Outcome> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as { default: (p: unknown) => Promise<unknown> };
  try {
    await mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
    return "render";
  } catch (e) {
    const i = interruptOf(e);
    if (!i) return `error:${e instanceof Error ? e.message.slice(0, 200) : String(e)}`;
    if (i.kind === "redirect") return i.to === "/login" ? "login" : `redirect:${i.to}`;
    return i.kind === "unauthorized" ? "login" : i.kind;
  }
}

function pageParams(file: string, tamper = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name] of file.matchAll(/\[([^\]]+)\]/g)) {
    const own: Record<string, number> = {
      classId: ids.classA,
      studentId: ids.studentA,
      parentId: ids.parentA,
      staffId: f.users.TEACHER,
      clubId: f.clubLed,
    };
    const foreign: Record<string, number> = {
      classId: other.classId,
      studentId: other.studentId,
      parentId: other.parentId,
      staffId: other.userId,
    };
    out[name] = String((tamper ? foreign[name] : own[name]) ?? 999_999);
  }
  return out;
}

describe("pages: anonymous → sign-in, each role exactly as the matrix says", () => {
  it("every page", { timeout: 300_000 }, async () => {
    const wrong: string[] = [];
    for (const file of pageFiles) {
      const rule = PAGES[routePath(file)];
      if (!rule) continue;
      const params = pageParams(file);
      signOut();
      const anon = await openPage(file, params);
      const anonOk = "public" in rule ? anon === "render" || anon === "notFound" : anon === "login";
      if (!anonOk) wrong.push(`${routePath(file)} anonymous: ${anon}`);
      if ("public" in rule) continue;
      const expected = expectedColumns(rule);
      for (const column of COLUMNS) {
        await signInAs(f.organisationId, f.users[column]);
        const got = await openPage(file, params);
        // A redirect to another page (e.g. /diary → /diary/<own child>) lets the user in too.
        const allowed = got === "render" || got === "notFound" || got.startsWith("redirect:");
        if (allowed !== expected.has(column) || got.startsWith("error:")) {
          wrong.push(`${routePath(file)} ${column}: ${got}, expected ${expected.has(column) ? "allowed" : "403"}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("a parent and a student cannot open the diary of another child (ACL-3 self)", async () => {
    const diary = pageFiles.find((p) => routePath(p) === "/diary/[studentId]")!;
    for (const column of ["PARENT", "STUDENT"] as const) {
      await signInAs(f.organisationId, f.users[column]);
      expect(await openPage(diary, { studentId: String(ids.studentA) })).toBe("render");
      for (const studentId of [ids.studentB, ids.otherStudent]) {
        expect(["forbidden", "notFound"]).toContain(await openPage(diary, { studentId: String(studentId) }));
      }
    }
  });

  it("pages with an id never show another organisation's class, student, parent or staff member", async () => {
    const wrong: string[] = [];
    await signInAs(f.organisationId, f.users.ADMIN);
    for (const file of pageFiles.filter((p) => /\[(classId|studentId|parentId|staffId)\]/.test(p))) {
      const got = await openPage(file, pageParams(file, true));
      if (got !== "notFound" && got !== "forbidden")
        wrong.push(`${routePath(file)} with another organisation's id: ${got}`);
    }
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function callRoute(
  file: string,
  method: string,
  probe: { params?: Record<string, string>; query?: string; body?: string },
): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Handler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  const url = `http://localhost/${routePath(file)}${probe.query ? `?${probe.query}` : ""}`;
  // Same-site, as a browser sends it (writes from another origin are refused before the gate).
  const init: RequestInit = {
    method,
    headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
  };
  if (method !== "GET" && probe.body !== undefined) init.body = probe.body;
  return handler(new Request(url, init), { params: Promise.resolve(probe.params ?? {}) });
}

describe("route handlers: anonymous → 401, each role per the table, nothing written when refused", () => {
  it("every route handler", { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    const before = await dbDigest();
    for (const file of routeFiles) {
      const rule = ROUTES[routePath(file)];
      if (!rule || "public" in rule) continue;
      const probe = rule.probe?.(ids) ?? {};
      signOut();
      const anon = await callRoute(file, rule.method, probe);
      if (anon.status !== 401) wrong.push(`${routePath(file)} anonymous: ${anon.status}`);
      // Anonymous with malformed ids: still 401 — who asks is checked before what is asked.
      if (probe.params && Object.keys(probe.params).length) {
        const garbled = Object.fromEntries(Object.keys(probe.params).map((k) => [k, "x'--"]));
        const bad = await callRoute(file, rule.method, { ...probe, params: garbled });
        if (bad.status !== 401) wrong.push(`${routePath(file)} anonymous with a malformed id: ${bad.status}`);
      }
      const expected = expectedColumns(rule);
      for (const column of COLUMNS) {
        if (expected.has(column)) continue;
        await signInAs(f.organisationId, f.users[column]);
        const res = await callRoute(file, rule.method, probe);
        if (res.status !== 403 && res.status !== 404)
          wrong.push(`${routePath(file)} ${column}: ${res.status}, expected 403`);
        else {
          const body = (await res.json()) as { ok: boolean; message: string };
          if (body.ok !== false || !/[а-яё]/i.test(body.message))
            wrong.push(`${routePath(file)} ${column}: no Russian error`);
        }
      }
    }
    expect(changedTables(before, await dbDigest())).toEqual([]);
    // The columns the table admits pass the gate (an allowed export is audited, so after the digest).
    for (const file of routeFiles) {
      const rule = ROUTES[routePath(file)];
      if (!rule || "public" in rule) continue;
      for (const column of expectedColumns(rule)) {
        await signInAs(f.organisationId, f.users[column]);
        const res = await callRoute(file, rule.method, rule.probe?.(ids) ?? {});
        if (res.status === 401 || res.status === 403 || res.status >= 500)
          wrong.push(`${routePath(file)} ${column}: ${res.status}, expected to pass the gate`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("ids of another class, child or organisation are refused", async () => {
    const history = routeFiles.find((r) => routePath(r) === "/api/journal/history")!;
    const cell = routeFiles.find((r) => routePath(r) === "/api/journal/cell")!;
    const medical = routeFiles.find((r) => routePath(r) === "/people/students/[studentId]/medical")!;
    const exportFile = routeFiles.find((r) => routePath(r) === "/people/classes/[classId]/export")!;
    const reports = routeFiles.find((r) => routePath(r) === "/api/reports/[report]")!;
    const before = await dbDigest();
    // The teacher's load is class A: class B's lesson and another organisation's lesson are closed.
    await signInAs(f.organisationId, f.users.TEACHER);
    for (const lessonId of [ids.lessonB, ids.otherLesson]) {
      expect((await callRoute(history, "GET", { query: `lessonId=${lessonId}&kind=lesson` })).status).toBe(403);
      const body = JSON.stringify({ kind: "attendance", lessonId, studentId: ids.studentB, input: "н", version: 0 });
      expect([403, 404]).toContain((await callRoute(cell, "POST", { body })).status);
    }
    // ADMIN of this organisation: another organisation's student and class do not exist for them.
    await signInAs(f.organisationId, f.users.ADMIN);
    expect([403, 404]).toContain(
      (await callRoute(medical, "PUT", { params: { studentId: String(ids.otherStudent) }, body: "{}" })).status,
    );
    expect([403, 404]).toContain(
      (await callRoute(exportFile, "GET", { params: { classId: String(ids.otherClass) }, query: "list=students" }))
        .status,
    );
    expect([403, 404]).toContain(
      (
        await callRoute(reports, "GET", {
          params: { report: "attendance" },
          query: `classId=${ids.otherClass}&from=2026-09-01&to=2026-09-30&format=xlsx`,
        })
      ).status,
    );
    // The teacher's own lesson, but a pupil of another class / organisation in the cell: refused.
    await signInAs(f.organisationId, f.users.TEACHER);
    for (const studentId of [ids.studentB, ids.otherStudent]) {
      const body = JSON.stringify({ kind: "attendance", lessonId: ids.lessonA, studentId, input: "н", version: 0 });
      expect([400, 403, 404]).toContain((await callRoute(cell, "POST", { body })).status);
    }
    const protocol = routeFiles.find((r) => routePath(r) === "/api/journal/protocol")!;
    for (const lessonId of [ids.lessonB, ids.otherLesson]) {
      expect([403, 404]).toContain(
        (await callRoute(protocol, "GET", { query: `lessonId=${lessonId}&assignmentId=1` })).status,
      );
    }
    // The class teacher of A: reports of class B are closed.
    await signInAs(f.organisationId, f.users.CLASS_TEACHER);
    expect([403, 404]).toContain(
      (
        await callRoute(reports, "GET", {
          params: { report: "attendance" },
          query: `classId=${ids.classB}&from=2026-09-01&to=2026-09-30&format=xlsx`,
        })
      ).status,
    );
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("server actions: anonymous and every role the matrix denies are refused, nothing written", () => {
  it("every action with a sample input", { timeout: 180_000 }, async () => {
    const wrong: string[] = [];
    const before = await dbDigest();
    for (const { key, file, name } of actionExports) {
      const rule = ACTIONS[key];
      if (!rule?.sample || "public" in rule) continue;
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
        string,
        (...a: unknown[]) => Promise<{ ok: boolean; code?: string }>
      >;
      signOut();
      const anon = await mod[name](...rule.sample(ids));
      if (anon.ok || (anon.code !== "UNAUTHENTICATED" && anon.code !== "INVALID_INPUT"))
        wrong.push(`${key} anonymous: ${JSON.stringify(anon)}`);
      if ("signedIn" in rule) continue;
      const denied =
        "roles" in rule
          ? COLUMNS.filter((c) => !rule.roles.includes(c))
          : "authority" in rule
            ? COLUMNS
            : COLUMNS.filter((c) => !matrixAdmits(c, rule.perms));
      for (const column of denied) {
        await signInAs(f.organisationId, f.users[column]);
        const r = await mod[name](...rule.sample(ids));
        if (r.ok || r.code !== "FORBIDDEN")
          wrong.push(`${key} ${column}: ${JSON.stringify(r).slice(0, 200)}, expected FORBIDDEN`);
      }
    }
    expect(wrong).toEqual([]);
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// REG-1: education-authority accounts over the whole table.

describe("authority accounts: every organisation entry point refuses them (REG-1, ACL-5)", () => {
  let authority: Record<AuthorityRole, number>;

  beforeAll(async () => {
    const org = await db.organisation.findUniqueOrThrow({
      where: { id: f.organisationId },
      select: { regionId: true, municipalityId: true },
    });
    const entries = await Promise.all(
      AUTHORITY_ROLES.map(async (role) => {
        const municipal = role.startsWith("MUNICIPAL");
        const account = await db.authorityUser.create({
          data: {
            login: `sweep-${role.toLowerCase()}-${f.organisationId}`,
            role,
            regionId: org.regionId,
            municipalityId: municipal ? org.municipalityId : null,
            passwordHash: "-",
            mustChangePassword: false,
            lastName: "Проверкин",
            firstName: role,
          },
        });
        return [role, account.id] as const;
      }),
    );
    authority = Object.fromEntries(entries) as Record<AuthorityRole, number>;
  });

  /** May this authority role use the entry point? Only its `authority` rows and its own password/session. */
  const authorityAdmits = (key: string, rule: Who, role: AuthorityRole) =>
    AUTHORITY_SELF_SERVICE.has(key) || ("authority" in rule && rule.authority.some((p) => authorityAllows(role, p)));

  it("every page: refused (403 or sign-in), the authority pages by role", { timeout: 300_000 }, async () => {
    const wrong: string[] = [];
    let refused = 0;
    for (const role of AUTHORITY_ROLES) {
      await signInAsAuthority(authority[role]);
      for (const file of pageFiles) {
        const key = routePath(file);
        const rule = PAGES[key];
        if (!rule || "public" in rule) continue;
        const got = await openPage(file, pageParams(file));
        if (authorityAdmits(key, rule, role)) {
          if (got !== "render") wrong.push(`${key} ${role}: ${got}, expected to render`);
        } else if (got === "forbidden" || got === "login") refused += 1;
        else wrong.push(`${key} ${role}: ${got}, expected 403`);
      }
    }
    expect(wrong).toEqual([]);
    // Every organisation page of the table was tried (a vacuous sweep would pass with none).
    expect(refused).toBeGreaterThan(AUTHORITY_ROLES.length * 80);
  });

  it("every route handler and API resource: 401/403, nothing written", { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    const before = await dbDigest();
    let refused = 0;
    for (const role of ["MUNICIPAL_SPECIALIST", "REGIONAL_ADMIN"] as const) {
      await signInAsAuthority(authority[role]);
      for (const file of routeFiles) {
        const key = routePath(file);
        const rule = ROUTES[key];
        if (!rule || "public" in rule || authorityAdmits(key, rule, role)) continue;
        const res = await callRoute(file, rule.method, rule.probe?.(ids) ?? {});
        if (res.status !== 401 && res.status !== 403) wrong.push(`${key} ${role}: ${res.status}, expected 401/403`);
        else refused += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(80);
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  // REG-1: an authority session is signed in, just not as an organisation user — FORBIDDEN, never «sign in».
  it("every server action: FORBIDDEN, nothing written", { timeout: 180_000 }, async () => {
    const wrong: string[] = [];
    const before = await dbDigest();
    let refused = 0;
    for (const role of ["MUNICIPAL_SPECIALIST", "REGIONAL_HEAD"] as const) {
      await signInAsAuthority(authority[role]);
      for (const { key, file, name } of actionExports) {
        const rule = ACTIONS[key];
        if (!rule?.sample || "public" in rule || authorityAdmits(key, rule, role)) continue;
        const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
          string,
          (...a: unknown[]) => Promise<{ ok: boolean; code?: string }>
        >;
        const r = await mod[name](...rule.sample(ids));
        if (r.ok || r.code !== "FORBIDDEN")
          wrong.push(`${key} ${role}: ${JSON.stringify(r).slice(0, 200)}, expected FORBIDDEN`);
        else refused += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(80);
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("an organisation user is refused on the authority pages and actions", async () => {
    await signInAs(f.organisationId, f.users.ADMIN);
    for (const file of pageFiles.filter((p) => routePath(p).startsWith("/region"))) {
      expect(await openPage(file, {})).toBe("forbidden");
    }
    const { issueAuthorityLoginAction } = await import("@/lib/region/users/actions");
    const form = new FormData();
    form.set("lastName", "Иванов");
    form.set("firstName", "Иван");
    form.set("role", "REGIONAL_ADMIN");
    expect(await issueAuthorityLoginAction(null, form)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
