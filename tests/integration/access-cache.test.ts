// The in-process session and access-facts cache (issue 22 item 3, issue 26 item 4): the database
// raises the organisation's AccessVersion in the same transaction as every change to what the
// session check and the gate read, and a process uses a cached entry only under the version it
// reads at the start of each request. Shown here: every watched write raises it exactly once per
// transaction (and the busy columns nobody caches do not); the cache is really used (a change
// made with the triggers switched off stays unseen); sign-out, a password change, a deactivated
// login, a removed role, load, class-teacher post, child link, class stay or matrix cell take effect at the
// very next request — in this process and in a second one.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ACTOR_FACTS, TARGET_CLASS, TARGET_STUDENT } from "@/lib/access/data";
import { SESSION_USER } from "@/lib/auth/data";
import { authorize } from "@/lib/access/authorize";
import { heldPermissions } from "@/lib/access/loaders";
import { saveMatrixAction } from "@/lib/access/actions";
import { changePasswordAction, signOutAction } from "@/lib/auth/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";
import { clearProcessCaches } from "@/lib/auth/version";
import { setLoginActive } from "@/lib/people/logins/deactivate";
import BoardPage from "@/app/(app)/board/page";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { renderOutcome, signOut, useClaims } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const ROOT = path.resolve(__dirname, "../..");
let f: AccessFixture;
let yearId: number;
let departmentId: number;
let sql: pg.Client;

beforeAll(async () => {
  f = await createAccessFixture();
  yearId = (await db.academicYear.findFirstOrThrow({ where: { organisationId: f.organisationId } })).id;
  departmentId = (await db.department.findFirstOrThrow({ where: { organisationId: f.organisationId } })).id;
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
});

afterAll(async () => {
  await sql.end();
});

beforeEach(() => clearProcessCaches());
afterEach(() => signOut());

async function version(organisationId = f.organisationId): Promise<number> {
  const r = await sql.query<{ v: string }>(
    `SELECT coalesce(sum("version"), 0)::text AS v FROM "AccessVersion" WHERE "organisationId" = $1`,
    [organisationId],
  );
  return Number(r.rows[0]?.v ?? 0);
}

/** Runs SQL with every trigger switched off (the bump included): what a cache-blind change looks like. */
async function withoutTriggers(text: string, values: unknown[]): Promise<void> {
  await sql.query("BEGIN");
  await sql.query("SET LOCAL session_replication_role = replica");
  await sql.query(text, values);
  await sql.query("COMMIT");
}

async function newSession(userId: number): Promise<{ organisationId: number; userId: number; sessionId: string }> {
  const id = crypto.randomUUID();
  await db.userSession.create({
    data: { organisationId: f.organisationId, id, userId, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { organisationId: f.organisationId, userId, sessionId: id };
}

const page = () => renderOutcome(BoardPage);

const actor = (column: keyof AccessFixture["users"]) => ({ organisationId: f.organisationId, id: f.users[column] });

describe("AccessVersion: raised by the database in the writing transaction", () => {
  const o = () => f.organisationId;
  const writes: Array<[string, () => Promise<unknown>]> = [
    [
      "UserRole inserted",
      () => db.userRole.create({ data: { organisationId: o(), userId: f.users.STAFF, role: "MEDIC" } }),
    ],
    [
      "UserRole deleted",
      () => db.userRole.deleteMany({ where: { organisationId: o(), userId: f.users.STAFF, role: "MEDIC" } }),
    ],
    [
      "UserSession revoked",
      async () => {
        const s = await newSession(f.users.STAFF);
        const before = await version();
        await db.userSession.update({
          where: { organisationId_id: { organisationId: o(), id: s.sessionId } },
          data: { revokedAt: new Date() },
        });
        return before;
      },
    ],
    [
      "User deactivated",
      () => db.user.updateMany({ where: { organisationId: o(), id: f.users.STAFF }, data: { isActive: false } }),
    ],
    [
      "User reactivated",
      () => db.user.updateMany({ where: { organisationId: o(), id: f.users.STAFF }, data: { isActive: true } }),
    ],
    [
      "User renamed",
      () => db.user.updateMany({ where: { organisationId: o(), id: f.users.STAFF }, data: { lastName: "Иной" } }),
    ],
    [
      "User must change the password",
      () =>
        db.user.updateMany({ where: { organisationId: o(), id: f.users.STAFF }, data: { mustChangePassword: true } }),
    ],
    [
      "User's password changed (the must-change flag cleared)",
      () =>
        db.user.updateMany({ where: { organisationId: o(), id: f.users.STAFF }, data: { mustChangePassword: false } }),
    ],
    ["Organisation renamed", () => db.organisation.update({ where: { id: o() }, data: { shortName: "Школа 2" } })],
    [
      "ClassTeacher appointed",
      () => db.classTeacher.create({ data: { organisationId: o(), classId: f.classB, userId: f.users.STAFF } }),
    ],
    [
      "ClassTeacher removed",
      () => db.classTeacher.deleteMany({ where: { organisationId: o(), classId: f.classB, userId: f.users.STAFF } }),
    ],
    [
      "TeacherLoad added",
      () =>
        db.teacherLoad.create({
          data: {
            organisationId: o(),
            yearId,
            teacherId: f.users.STAFF,
            classId: f.classB,
            subjectId: f.subject,
            hoursPerWeek: 1,
          },
        }),
    ],
    [
      "TeacherLoad hours changed",
      () =>
        db.teacherLoad.updateMany({
          where: { organisationId: o(), teacherId: f.users.STAFF },
          data: { hoursPerWeek: 2 },
        }),
    ],
    [
      "TeacherLoad removed",
      () => db.teacherLoad.deleteMany({ where: { organisationId: o(), teacherId: f.users.STAFF } }),
    ],
    [
      "RolePermission override",
      () =>
        db.rolePermission.create({
          data: { organisationId: o(), column: "STAFF", permission: "org.view", scope: null },
        }),
    ],
    ["RolePermission reset", () => db.rolePermission.deleteMany({ where: { organisationId: o(), column: "STAFF" } })],
    [
      "AcademicYear closed",
      () => db.academicYear.updateMany({ where: { organisationId: o() }, data: { status: "CLOSED" } }),
    ],
    [
      "AcademicYear reopened",
      () => db.academicYear.updateMany({ where: { organisationId: o() }, data: { status: "OPEN" } }),
    ],
    [
      "ClassGroup moved to a department",
      () => db.classGroup.updateMany({ where: { organisationId: o(), id: f.classB }, data: { departmentId } }),
    ],
    ["ClassGroup created", () => db.classGroup.create({ data: { organisationId: o(), yearId, name: "5В", grade: 5 } })],
    [
      "Department head changed",
      () => db.department.updateMany({ where: { organisationId: o() }, data: { headId: f.users.DEPUTY } }),
    ],
    [
      "Department head restored",
      () => db.department.updateMany({ where: { organisationId: o() }, data: { headId: f.users.HEAD_OF_DEPT } }),
    ],
    [
      "Student card created",
      () =>
        db.student.create({
          data: { organisationId: o(), lastName: "Новый", firstName: "Ученик", birthDate: new Date("2015-01-01") },
        }),
    ],
    [
      "Student card bound to a login",
      () => db.student.updateMany({ where: { organisationId: o(), id: f.studentB }, data: { userId: f.users.STAFF } }),
    ],
    [
      "Student card unbound",
      () => db.student.updateMany({ where: { organisationId: o(), id: f.studentB }, data: { userId: null } }),
    ],
    [
      "ClassMembership: a stay begun",
      () =>
        db.classMembership.create({
          data: { organisationId: o(), studentId: f.studentB, classId: f.classA, startDate: new Date("2027-06-01") },
        }),
    ],
    [
      "ClassMembership: a stay's end set",
      () =>
        db.classMembership.updateMany({
          where: { organisationId: o(), studentId: f.studentB, classId: f.classA },
          data: { endDate: new Date("2027-06-30") },
        }),
    ],
    [
      "ClassMembership: a stay removed",
      () => db.classMembership.deleteMany({ where: { organisationId: o(), studentId: f.studentB, classId: f.classA } }),
    ],
    ["Parent card unbound", () => db.parent.updateMany({ where: { organisationId: o() }, data: { userId: null } })],
    [
      "Parent card bound to a login",
      () => db.parent.updateMany({ where: { organisationId: o() }, data: { userId: f.users.PARENT } }),
    ],
  ];

  it.each(writes)("%s → +1, the other organisation unchanged", async (_name, write) => {
    const before = await version();
    const other = await version(f.otherOrganisationId);
    const returned = await write();
    const from = typeof returned === "number" ? returned : before;
    expect(await version()).toBe(from + 1);
    expect(await version(f.otherOrganisationId)).toBe(other);
  });

  it("the busy columns nobody caches raise nothing: a new session, sign-in counters, card details", async () => {
    const before = await version();
    await newSession(f.users.STAFF);
    await db.user.updateMany({
      where: { organisationId: f.organisationId, id: f.users.STAFF },
      data: { lastSignInAt: new Date(), failedSignIns: 3, lockedUntil: null },
    });
    await db.student.updateMany({
      where: { organisationId: f.organisationId, id: f.studentB },
      data: { lastName: "Другой" },
    });
    await db.classGroup.updateMany({
      where: { organisationId: f.organisationId, id: f.classB },
      data: { name: "5Б!" },
    });
    await db.classMembership.updateMany({
      where: { organisationId: f.organisationId, studentId: f.studentB },
      data: { educationForm: "FAMILY" },
    });
    await db.user.updateMany({
      where: { organisationId: f.organisationId, id: f.users.STAFF },
      data: { isActive: true },
    });
    expect(await version()).toBe(before);
  });

  it("once per transaction, however many rows and tables it writes", async () => {
    const before = await version();
    await db.$transaction(async (tx) => {
      for (const role of ["MEDIC", "PSYCHOLOGIST", "SECRETARY"] as const) {
        await tx.userRole.create({ data: { organisationId: f.organisationId, userId: f.users.STAFF, role } });
      }
      await tx.classTeacher.create({
        data: { organisationId: f.organisationId, classId: f.classB, userId: f.users.STAFF },
      });
      await tx.userRole.deleteMany({
        where: { organisationId: f.organisationId, userId: f.users.STAFF, role: { not: "STAFF" } },
      });
      await tx.classTeacher.deleteMany({ where: { organisationId: f.organisationId, classId: f.classB } });
    });
    expect(await version()).toBe(before + 1);
  });

  it("concurrent writers never wait for each other on the counter; readers see each change at its commit", async () => {
    const [a, b] = [
      new pg.Client({ connectionString: process.env.DATABASE_URL }),
      new pg.Client({ connectionString: process.env.DATABASE_URL }),
    ];
    await Promise.all([a.connect(), b.connect()]);
    try {
      const before = await version();
      const grant = (c: pg.Client, role: string) =>
        c.query(`INSERT INTO "UserRole" ("organisationId", "userId", role) VALUES ($1, $2, $3::"Role")`, [
          f.organisationId,
          f.users.STAFF,
          role,
        ]);
      await a.query("BEGIN");
      await grant(a, "MEDIC");
      await b.query("BEGIN");
      // Would hang (and the test time out) if b queued behind a's counter row.
      await grant(b, "PSYCHOLOGIST");
      expect(await version()).toBe(before);
      await b.query("COMMIT");
      expect(await version()).toBe(before + 1);
      await a.query("COMMIT");
      expect(await version()).toBe(before + 2);
    } finally {
      await Promise.all([a.end(), b.end()]);
      await db.userRole.deleteMany({
        where: { organisationId: f.organisationId, userId: f.users.STAFF, role: { in: ["MEDIC", "PSYCHOLOGIST"] } },
      });
    }
  });

  it("a rolled-back transaction raises nothing", async () => {
    const before = await version();
    await expect(
      db.$transaction(async (tx) => {
        await tx.userRole.create({ data: { organisationId: f.organisationId, userId: f.users.STAFF, role: "MEDIC" } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await version()).toBe(before);
  });

  it("every table the cached reads name carries the bump trigger", async () => {
    // The tables in the SQL of loadSession (SESSION_USER, lib/auth/data.ts) and loadActorFacts
    // (ACTOR_FACTS, lib/access/data.ts) — the statements' own text (issue 19 item 5's rawStatement).
    const read = new Set<string>();
    for (const text of [
      SESSION_USER.sql({ organisationId: 1, userId: 1, sessionId: "x" }, new Date()).sql,
      ACTOR_FACTS.sql(1, 1).sql,
      // The gate's cached target reads (lib/access/authorize.ts cachedTargetKey): a class, a student's stays.
      TARGET_CLASS.sql(1, 1).sql,
      TARGET_STUDENT.sql(1, 1, new Date()).sql,
    ]) {
      for (const m of text.matchAll(/(?:FROM|JOIN)\s+"(\w+)"/g)) read.add(m[1]);
    }
    expect(read.size).toBeGreaterThanOrEqual(12);
    const triggers = await sql.query<{ table: string }>(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname IN ('access_version_bump', 'access_version_bump_rows')`,
    );
    const watched = new Set(triggers.rows.map((r) => r.table));
    expect([...read].filter((t) => !watched.has(t))).toEqual([]);
  });
});

describe("cached session and access facts: a change takes effect at the next request", () => {
  it("the cache is used: a change hidden from the version (triggers off) is not seen, a real one is", async () => {
    const s = await newSession(f.users.DEPUTY);
    useClaims(s);
    expect(await page()).toBe("render");
    // Revoked behind the cache's back: the cached session still opens the page …
    await withoutTriggers(`UPDATE "UserSession" SET "revokedAt" = now() WHERE "organisationId" = $1 AND id = $2`, [
      f.organisationId,
      s.sessionId,
    ]);
    expect(await page()).toBe("render");
    // … and any change that raises the version (here an unrelated role elsewhere in the school) reloads it.
    await db.userRole.create({ data: { organisationId: f.organisationId, userId: f.users.STAFF, role: "MEDIC" } });
    expect(await page()).toBe("redirect:/login");
    await db.userRole.deleteMany({ where: { organisationId: f.organisationId, userId: f.users.STAFF, role: "MEDIC" } });
  });

  it("sign-out: the session's next request is refused", async () => {
    const s = await newSession(f.users.DEPUTY);
    useClaims(s);
    expect(await page()).toBe("render");
    expect(await getCurrentUser()).toMatchObject({ id: f.users.DEPUTY });
    expect(await signOutAction()).toEqual({ ok: true, data: null });
    expect(await page()).toBe("redirect:/login");
    expect(await getCurrentUser()).toBeNull();
  });

  it("password change: the user's other sessions are refused at their next request, the changing one goes on", async () => {
    await db.user.updateMany({
      where: { organisationId: f.organisationId, id: f.users.SECRETARY },
      data: { passwordHash: await hashPassword("Старый-пароль-1") },
    });
    const phone = await newSession(f.users.SECRETARY);
    const laptop = await newSession(f.users.SECRETARY);
    useClaims(phone);
    expect(await page()).toBe("render");
    useClaims(laptop);
    expect(await page()).toBe("render");
    const form = new FormData();
    form.set("currentPassword", "Старый-пароль-1");
    form.set("newPassword", "Новый-Пароль-2026");
    form.set("confirmPassword", "Новый-Пароль-2026");
    expect(await changePasswordAction(null, form)).toEqual({ ok: true, data: null });
    expect(await page()).toBe("render");
    useClaims(phone);
    expect(await page()).toBe("redirect:/login");
  });

  it("a closed login (users.delete): refused at its next request", async () => {
    const s = await newSession(f.users.PSYCHOLOGIST);
    useClaims(s);
    expect(await page()).toBe("render");
    expect(await setLoginActive(actor("ADMIN"), f.users.PSYCHOLOGIST, false, null)).toMatchObject({ ok: true });
    expect(await page()).toBe("redirect:/login");
    expect(await setLoginActive(actor("ADMIN"), f.users.PSYCHOLOGIST, true, null)).toMatchObject({ ok: true });
  });

  it("a removed role: the gate refuses at the next request", async () => {
    useClaims(await newSession(f.users.MEDIC));
    expect((await authorize(actor("MEDIC"), "people.medical")).allowed).toBe(true);
    await db.userRole.deleteMany({ where: { organisationId: f.organisationId, userId: f.users.MEDIC } });
    expect((await authorize(actor("MEDIC"), "people.medical")).allowed).toBe(false);
    expect((await getCurrentUser())?.roles).toEqual([]);
    await db.userRole.create({ data: { organisationId: f.organisationId, userId: f.users.MEDIC, role: "MEDIC" } });
    expect((await authorize(actor("MEDIC"), "people.medical")).allowed).toBe(true);
  });

  it("the menu's held permissions are kept with the facts: reused while nothing changes, a removed role or matrix cell gone at the next request", async () => {
    const held = () => heldPermissions(f.organisationId, f.users.MEDIC);
    const first = await held();
    expect(first.has("people.medical")).toBe(true);
    expect(await held()).toBe(first);
    await db.userRole.deleteMany({ where: { organisationId: f.organisationId, userId: f.users.MEDIC } });
    expect((await held()).has("people.medical")).toBe(false);
    await db.userRole.create({ data: { organisationId: f.organisationId, userId: f.users.MEDIC, role: "MEDIC" } });
    expect((await held()).has("people.medical")).toBe(true);
    await db.rolePermission.create({
      data: { organisationId: f.organisationId, column: "MEDIC", permission: "people.medical", scope: null },
    });
    expect((await held()).has("people.medical")).toBe(false);
    await db.rolePermission.deleteMany({ where: { organisationId: f.organisationId, column: "MEDIC" } });
    expect((await held()).has("people.medical")).toBe(true);
  });

  it("a student moved to another class: the old class teacher's rights on them end at the next request (the target read is cached)", async () => {
    const student = { kind: "student", studentId: f.studentA } as const;
    const manages = async () => (await authorize(actor("CLASS_TEACHER"), "people.manage", student)).allowed;
    const stay = await db.classMembership.findFirstOrThrow({
      where: { organisationId: f.organisationId, studentId: f.studentA },
    });
    const moveTo = (classId: number) =>
      withoutTriggers(`UPDATE "ClassMembership" SET "classId" = $1 WHERE "organisationId" = $2 AND id = $3`, [
        classId,
        f.organisationId,
        stay.id,
      ]);
    expect(await manages()).toBe(true);
    // Moved behind the cache's back: the kept target (a stay in 5А) still answers …
    await moveTo(f.classB);
    expect(await manages()).toBe(true);
    await moveTo(f.classA);
    // … a real move raises the version (ClassMembership's trigger) and is seen at once.
    const where = { organisationId_id: { organisationId: f.organisationId, id: stay.id } };
    await db.classMembership.update({ where, data: { classId: f.classB } });
    expect(await manages()).toBe(false);
    await db.classMembership.update({ where, data: { classId: f.classA } });
    expect(await manages()).toBe(true);
  });

  it("a removed load, class-teacher post or child link: the gate refuses at the next request", async () => {
    const journal = { kind: "class", classId: f.classA, subjectId: f.subject } as const;
    expect((await authorize(actor("TEACHER"), "journal.viewOwn", journal)).allowed).toBe(true);
    expect(
      (await authorize(actor("CLASS_TEACHER"), "attendance.reason", { kind: "class", classId: f.classA })).allowed,
    ).toBe(true);
    expect((await authorize(actor("PARENT"), "diary.view", { kind: "student", studentId: f.studentA })).allowed).toBe(
      true,
    );
    const load = await db.teacherLoad.findFirstOrThrow({
      where: { organisationId: f.organisationId, teacherId: f.users.TEACHER },
    });
    const post = await db.classTeacher.findFirstOrThrow({
      where: { organisationId: f.organisationId, userId: f.users.CLASS_TEACHER },
    });
    const link = await db.parentLink.findFirstOrThrow({
      where: { organisationId: f.organisationId, studentId: f.studentA },
    });
    await db.teacherLoad.delete({ where: { organisationId_id: { organisationId: f.organisationId, id: load.id } } });
    await db.classTeacher.deleteMany({ where: { organisationId: f.organisationId, userId: f.users.CLASS_TEACHER } });
    await db.parentLink.deleteMany({ where: { organisationId: f.organisationId, studentId: f.studentA } });
    expect((await authorize(actor("TEACHER"), "journal.viewOwn", journal)).allowed).toBe(false);
    expect(
      (await authorize(actor("CLASS_TEACHER"), "attendance.reason", { kind: "class", classId: f.classA })).allowed,
    ).toBe(false);
    expect((await authorize(actor("PARENT"), "diary.view", { kind: "student", studentId: f.studentA })).allowed).toBe(
      false,
    );
    const { id: _l, ...loadData } = load;
    await db.teacherLoad.create({ data: loadData });
    await db.classTeacher.create({ data: post });
    await db.parentLink.create({ data: link });
  });

  it("a matrix cell changed on «Права доступа»: the role's next request is refused", async () => {
    useClaims(await newSession(f.users.STAFF));
    expect(await page()).toBe("render");
    useClaims(await newSession(f.users.ADMIN));
    const form = new FormData();
    form.set("c:STAFF:board.view", "none");
    expect(await saveMatrixAction(null, form)).toEqual({ ok: true, data: { changed: 1 } });
    useClaims(await newSession(f.users.STAFF));
    expect(await page()).toBe("forbidden");
    await db.rolePermission.deleteMany({ where: { organisationId: f.organisationId, column: "STAFF" } });
    expect(await page()).toBe("render");
  });
});

/** A second app process: the same lib code, its own in-process cache, one JSON line per request. */
class Node2 {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;

  constructor() {
    this.child = spawn(
      path.join(ROOT, "node_modules", ".bin", "tsx"),
      [path.join(ROOT, "tests/support/access-cache-child.ts")],
      { cwd: ROOT, env: { ...process.env }, stdio: ["pipe", "pipe", "pipe"] },
    );
    this.child.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  async ask<T>(request: unknown): Promise<T> {
    this.child.stdin.write(`${JSON.stringify(request)}\n`);
    const line = await this.lines.next();
    if (line.done) throw new Error("the second process ended");
    return JSON.parse(line.value) as T;
  }

  stop(): void {
    this.child.stdin.end();
  }
}

describe("two app processes on one database (issue 26 item 4)", () => {
  let node2: Node2;
  beforeAll(() => {
    node2 = new Node2();
  });
  afterAll(() => node2.stop());

  it(
    "a sign-out and a removed role in this process are seen by the other at its next request",
    { timeout: 60_000 },
    async () => {
      const s = await newSession(f.users.DIRECTOR);
      const who = () => node2.ask<{ userId: number | null }>({ op: "session", ref: s });
      const mayViewOrg = () =>
        node2.ask<{ allowed: boolean }>({ op: "authorize", actor: actor("DIRECTOR"), permission: "org.view" });
      expect(await who()).toEqual({ userId: f.users.DIRECTOR });
      expect(await mayViewOrg()).toEqual({ allowed: true });
      // The other process caches: a change hidden from the version stays unseen there.
      await withoutTriggers(`DELETE FROM "UserRole" WHERE "organisationId" = $1 AND "userId" = $2`, [
        f.organisationId,
        f.users.DIRECTOR,
      ]);
      expect(await mayViewOrg()).toEqual({ allowed: true });
      await withoutTriggers(`INSERT INTO "UserRole" ("organisationId", "userId", role) VALUES ($1, $2, 'DIRECTOR')`, [
        f.organisationId,
        f.users.DIRECTOR,
      ]);
      // Through the application (triggers on): the next request there is refused.
      await db.userRole.deleteMany({ where: { organisationId: f.organisationId, userId: f.users.DIRECTOR } });
      expect(await mayViewOrg()).toEqual({ allowed: false });
      await db.userRole.create({
        data: { organisationId: f.organisationId, userId: f.users.DIRECTOR, role: "DIRECTOR" },
      });
      expect(await mayViewOrg()).toEqual({ allowed: true });
      useClaims(s);
      expect(await signOutAction()).toEqual({ ok: true, data: null });
      expect(await who()).toEqual({ userId: null });
    },
  );
});
