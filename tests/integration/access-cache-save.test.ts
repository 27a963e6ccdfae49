// The mark save's optimistic session (issue 22 items 3 and 6): a save whose session this process
// keeps does not read the organisation's AccessVersion first; CELL_CONTEXT returns it and the save
// goes on only under the version the session and the actor facts were kept under
// (requireUserForRoute({ optimistic: true }), saveCellIfCurrent). Shown here through the route, a
// second request after the change as in access-cache.test.ts: after sign-out, a password change, a
// closed login, a removed role, load or class-teacher post, the next save is refused (401 / 403)
// and writes nothing — no mark, no JournalChange row; a save of a cold session works.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as cellRoute } from "@/app/api/journal/cell/route";
import { db } from "@/lib/db";
import { changePasswordAction, signOutAction } from "@/lib/auth/actions";
import { hashPassword } from "@/lib/auth/password";
import { clearProcessCaches } from "@/lib/auth/version";
import { setLoginActive } from "@/lib/people/logins/deactivate";
import { useClaims } from "../support/session-harness";
import { addAssignment, createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";

// Every save starts from a process that keeps nothing; each test warms what it needs.
beforeEach(() => clearProcessCaches());

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;

// The route reads the wall clock (the lock's window, JRN-6): the fixture's NOW, whatever the day.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
});
beforeAll(async () => {
  f = await createJournalFixture({ students: 3 });
});

type Claims = { organisationId: number; userId: number; sessionId: string };

async function newSession(userId: number): Promise<Claims> {
  const sessionId = crypto.randomUUID();
  await db.userSession.create({
    data: { organisationId: f.organisationId, id: sessionId, userId, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { organisationId: f.organisationId, userId, sessionId };
}

/** A mark of `input` into a cell (empty: version 0) of a fresh assignment on the lesson of 19.11, as the signed-in user. */
async function saveMark(assignmentId: number, studentId: number, input = "4", version = 0): Promise<number> {
  const res = await cellRoute(
    new Request("http://localhost/api/journal/cell", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        kind: "mark",
        lessonId: f.lesson("2026-11-19"),
        assignmentId,
        studentId,
        input,
        version,
      }),
    }),
  );
  return res.status;
}

/** What a save leaves behind: the organisation's marks and journal changes. */
async function written(): Promise<{ marks: number; changes: number }> {
  const where = { organisationId: f.organisationId };
  return { marks: await db.mark.count({ where }), changes: await db.journalChange.count({ where }) };
}

/**
 * `userId` saves once (200: the session and facts now kept by the process), `change` happens, and
 * the same session's next save answers `status` and writes nothing. `sameCell` (round 16): the next
 * save is of the same cell, whose context the process kept too — its guarded write checks the
 * AccessVersion (and misses); else another cell's, whose CELL_CONTEXT read does.
 */
let sameCell = false;
async function refusedAfter(userId: number, change: (claims: Claims) => Promise<void>, status: 401 | 403) {
  const claims = await newSession(userId);
  useClaims(claims);
  const assignmentId = await addAssignment(f, f.lesson("2026-11-19"));
  expect(await saveMark(assignmentId, f.students[0])).toBe(200);
  await change(claims);
  useClaims(claims);
  const before = await written();
  expect(await (sameCell ? saveMark(assignmentId, f.students[0], "5", 1) : saveMark(assignmentId, f.students[1]))).toBe(
    status,
  );
  expect(await written()).toEqual(before);
}

describe.each([
  { cell: "another cell", same: false },
  { cell: "the same cell, its context kept", same: true },
])(
  "the mark save's kept session: a change takes effect at the next save — $cell (issue 22 items 3 and 6, ACL-2, AUTH-5)",
  ({ same }) => {
    beforeEach(() => {
      sameCell = same;
    });

    it("a save of a cold session works and writes its mark", async () => {
      useClaims(await newSession(f.users.teacher));
      const assignmentId = await addAssignment(f, f.lesson("2026-11-19"));
      const before = await written();
      expect(await saveMark(assignmentId, f.students[2], "5")).toBe(200);
      expect(await written()).toEqual({ marks: before.marks + 1, changes: before.changes + 1 });
    });

    it("sign-out: the session's next save is refused with 401", async () => {
      await refusedAfter(
        f.users.teacher,
        async () => {
          expect(await signOutAction()).toEqual({ ok: true, data: null });
        },
        401,
      );
    });

    it("a password change: the user's other session's next save is refused with 401", async () => {
      await db.user.updateMany({
        where: { organisationId: f.organisationId, id: f.users.teacher },
        data: { passwordHash: await hashPassword("Старый-пароль-1") },
      });
      await refusedAfter(
        f.users.teacher,
        async () => {
          useClaims(await newSession(f.users.teacher));
          const form = new FormData();
          form.set("currentPassword", "Старый-пароль-1");
          form.set("newPassword", "Новый-Пароль-2026");
          form.set("confirmPassword", "Новый-Пароль-2026");
          expect(await changePasswordAction(null, form)).toEqual({ ok: true, data: null });
        },
        401,
      );
    });

    it("a closed login: its next save is refused with 401", async () => {
      await refusedAfter(
        f.users.teacher,
        async () => {
          expect(await setLoginActive(f.actor(f.users.admin), f.users.teacher, false, null)).toMatchObject({
            ok: true,
          });
        },
        401,
      );
      expect(await setLoginActive(f.actor(f.users.admin), f.users.teacher, true, null)).toMatchObject({ ok: true });
    });

    it("a removed role: the next save is refused with 403", async () => {
      const where = { organisationId: f.organisationId, userId: f.users.teacher, role: "TEACHER" as const };
      await refusedAfter(
        f.users.teacher,
        async () => {
          await db.userRole.deleteMany({ where });
        },
        403,
      );
      await db.userRole.create({ data: where });
    });

    it("a removed load: the next save of a teacher who held it is refused with 403", async () => {
      // «Посторонняя» teaches none of these lessons: the load on 7А's algebra is her only right to them.
      const load = await db.teacherLoad.create({
        data: {
          organisationId: f.organisationId,
          yearId: f.yearId,
          teacherId: f.users.other,
          classId: f.classId,
          subjectId: f.subjectId,
          hoursPerWeek: 1,
        },
      });
      await refusedAfter(
        f.users.other,
        async () => {
          await db.teacherLoad.delete({
            where: { organisationId_id: { organisationId: f.organisationId, id: load.id } },
          });
        },
        403,
      );
    });

    it("a removed class-teacher post: the next save of the class teacher is refused with 403", async () => {
      // The matrix lets class teachers edit their class's journal here (an override of «Права доступа»).
      await db.rolePermission.create({
        data: {
          organisationId: f.organisationId,
          column: "CLASS_TEACHER",
          permission: "journal.editOwn",
          scope: "class",
        },
      });
      const post = await db.classTeacher.findFirstOrThrow({
        where: { organisationId: f.organisationId, userId: f.users.classTeacher },
      });
      await refusedAfter(
        f.users.classTeacher,
        async () => {
          await db.classTeacher.deleteMany({
            where: { organisationId: f.organisationId, userId: f.users.classTeacher },
          });
        },
        403,
      );
      await db.classTeacher.create({ data: post });
      await db.rolePermission.deleteMany({ where: { organisationId: f.organisationId, column: "CLASS_TEACHER" } });
    });
  },
);
