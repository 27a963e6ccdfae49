// The one lock decision on every path that writes a class × subject × date (JRN-6, REC-1, REC-2),
// against PostgreSQL through the real entry points: the grid's cell save (mark, attendance), the
// lesson panel's server actions (topic, homework, assignment weight and type), the finals page's
// save, and the closed year's other domains — the movement book, the timetable and the plans. Each write kind is tried against an open date, an expired window, a
// student's final, a closed period and a closed year — as the subject teacher, the class teacher,
// DEPUTY and ADMIN — and every refusal is shown to write nothing (a digest of every table). Then
// ADMIN's unlock opens exactly its class × subject × date range for 12 hours (moved clock), no more.
// Each state lives in its own organisation (createJournalFixture), so states never leak.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import { saveAssignmentAction, saveHomeworkAction, saveTopicAction } from "@/lib/journal/lesson/actions";
import { saveFinal } from "@/lib/finals/commands";
import { recordMovementAction } from "@/lib/people/movement/actions";
import { saveEntryAction } from "@/lib/schedule/timetable/actions";
import { createPlanAction } from "@/lib/plans/actions";
import { changedTables, dbDigest } from "../support/db-digest";
import { interruptOf, signInAs } from "../support/session-harness";
import {
  addAssignment,
  createJournalFixture,
  day,
  NOW,
  type JournalFixture,
  addBells,
  addFinal,
  closeQ2,
  formData,
} from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

type State = "open" | "window" | "final" | "period" | "year";
type Role = "teacher" | "classTeacher" | "deputy" | "admin";
type Kind = "mark" | "attendance" | "topic" | "homework" | "assignment" | "final" | "movement" | "timetable" | "plan";
type Outcome = { ok: true } | { ok: false; code: string; message: string };

const STATES: State[] = ["open", "window", "final", "period", "year"];
const ROLES: Role[] = ["teacher", "classTeacher", "deputy", "admin"];
const KINDS: Kind[] = [
  "mark",
  "attendance",
  "topic",
  "homework",
  "assignment",
  "final",
  "movement",
  "timetable",
  "plan",
];

/** The lesson each state writes: today (NOW is 20.11.2026 12:00 in Samara), or 10 days ago for the window. */
const DATE: Record<State, string> = {
  open: "2026-11-20",
  window: "2026-11-10",
  final: "2026-11-20",
  period: "2026-11-20",
  year: "2026-11-20",
};

const REASON = {
  window: "Дата закрыта для изменений: прошло больше 7 дней. Запросите открытие даты у администратора",
  period: "Период закрыт 19.11.2026 (приказ № 112 от 19.11.2026): 2 четверть",
  year: "Учебный год закрыт: записи журнала не меняются",
};

type World = { f: JournalFixture; lessonId: number; assignmentId: number; loadId: number };
const worlds = new Map<State, World>();

beforeAll(async () => {
  // The actions read the server's clock (lib/org/clock.ts → Date): the fixture's NOW, whatever day CI runs.
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  for (const state of STATES) {
    const f = await createJournalFixture({ students: 3 });
    const lessonId = f.lesson(DATE[state]);
    const assignmentId = await addAssignment(f, lessonId, f.types.test);
    const organisationId = f.organisationId;
    if (state === "final") await addFinal(f, f.students[0], "PERIOD");
    if (state === "period") await closeQ2(f);
    if (state === "year")
      await db.academicYear.update({
        where: { organisationId_id: { organisationId, id: f.yearId } },
        data: { status: "CLOSED", closedAt: new Date("2026-11-19T10:00:00Z") },
      });
    await addBells(f);
    const load = await db.teacherLoad.findFirstOrThrow({
      where: { organisationId, classId: f.classId, subjectId: f.subjectId },
      select: { id: true },
    });
    worlds.set(state, { f, lessonId, assignmentId, loadId: load.id });
  }
});

afterAll(() => {
  vi.useRealTimers();
});

const asOutcome = (r: { ok: boolean; code?: string; message?: string }): Outcome =>
  r.ok ? { ok: true } : { ok: false, code: r.code ?? "?", message: r.message ?? "" };

/** One write of `kind` in a state's world as `role`, through the real entry point. */
async function write(state: State, role: Role, kind: Kind, now: Date = NOW): Promise<Outcome> {
  const { f, lessonId, assignmentId, loadId } = worlds.get(state)!;
  const userId = f.users[role];
  const actor = f.actor(userId);
  const studentId = f.students[0];
  switch (kind) {
    case "mark": {
      const r = await saveCell(actor, { kind: "mark", lessonId, assignmentId, studentId, input: "5", version: 0 }, now);
      return asOutcome(r.body);
    }
    case "attendance": {
      const r = await saveCell(actor, { kind: "attendance", lessonId, studentId, input: "н", version: 0 }, now);
      return asOutcome(r.body);
    }
    case "final": {
      // Another student than the one whose final exists in the «final» state.
      const input = {
        classId: f.classId,
        subjectId: f.subjectId,
        studentId: f.students[1],
        kind: "PERIOD",
        periodId: f.q2,
        text: "5",
        version: 0,
      };
      return asOutcome(await saveFinal(actor, input, now));
    }
    default: {
      await signInAs(f.organisationId, userId);
      if (kind === "movement") {
        const data = formData({
          studentId,
          kind: "FORM_CHANGE",
          date: DATE[state],
          orderNumber: "15-у",
          orderDate: DATE[state],
          toClassId: "",
          educationForm: "PART_TIME",
          note: "",
        });
        return asOutcome(await recordMovementAction(null, data));
      }
      if (kind === "timetable") {
        const data = formData({
          entryId: "",
          classId: f.classId,
          weekday: 1,
          bellNumber: 5,
          subjectId: f.subjectId,
          teacherId: f.users.teacher,
          roomId: "",
          subgroupId: "",
          hours: 1,
          validFrom: "2026-11-23",
          validTo: "2026-12-28",
        });
        return asOutcome(await saveEntryAction(null, data));
      }
      if (kind === "plan") {
        try {
          return asOutcome(await createPlanAction(null, formData({ loadId })));
        } catch (e) {
          // A created plan opens at once: the action redirects to it.
          if (interruptOf(e)?.kind === "redirect") return { ok: true };
          throw e;
        }
      }
      if (kind === "topic") {
        const lesson = await db.lesson.findUniqueOrThrow({
          where: { organisationId_id: { organisationId: f.organisationId, id: lessonId } },
          select: { version: true },
        });
        const data = formData({
          lessonId,
          version: lesson.version,
          topic: "Новая тема",
          content: "",
          planTopicId: "",
          hours: "",
        });
        return asOutcome(await saveTopicAction(null, data));
      }
      if (kind === "homework")
        return asOutcome(
          await saveHomeworkAction(null, formData({ lessonId, version: 0, text: "№ 1–5", dueDate: "" })),
        );
      // The case: the weight of a control work 2 → 1 and its type changed.
      const data = formData({
        lessonId,
        assignmentId,
        intent: "save",
        typeId: f.types.answer,
        description: "",
        weight: 1,
        dueDate: "",
      });
      return asOutcome(await saveAssignmentAction(null, data));
    }
  }
}

/** Who holds the permission the write needs (the gate answers FORBIDDEN to the others). */
function permitted(role: Role, kind: Kind): boolean {
  if (kind === "final") return role !== "classTeacher"; // finals.editOwn (teacher), finals.editAll (DEPUTY, ADMIN)
  if (kind === "movement") return role === "admin"; // movement.edit
  if (kind === "timetable") return role === "deputy" || role === "admin"; // schedule.edit
  if (kind === "plan") return role !== "classTeacher"; // plans.editOwn (teacher), plans.editAll (DEPUTY, ADMIN)
  return role === "teacher" || role === "admin"; // journal.editOwn / journal.editAll
}

/** The lock's expectation for a permitted role: null = the write goes through. */
function expected(state: State, kind: Kind): { code: string; message: string } | null {
  if (state === "open") return null;
  // The movement book, the timetable and the plans are held by the closed year only (REC-2).
  if (kind === "movement" || kind === "timetable" || kind === "plan") {
    if (state !== "year") return null;
    return kind === "movement"
      ? { code: "LOCKED", message: "Учебный год 2026/2027 закрыт: движение в нём не записывается" }
      : { code: "LOCKED", message: REASON.year };
  }
  if (state === "window") return kind === "final" ? null : { code: "LOCKED", message: REASON.window };
  if (state === "final") {
    if (kind === "mark" || kind === "attendance")
      return {
        code: "LOCKED",
        message: "Итоговая отметка за период выставлена — текущие отметки и посещаемость периода не меняются",
      };
    if (kind === "assignment")
      return {
        code: "LOCKED",
        message: "Итоговые отметки за период уже выставлены — задания уроков периода не меняются",
      };
    return null; // topic, homework and another student's final stay open until the period is closed
  }
  return { code: "LOCKED", message: REASON[state] };
}

describe("every write kind × state × role (JRN-6, REC-1, REC-2)", () => {
  for (const state of STATES) {
    for (const kind of KINDS) {
      it(`${kind} — ${state}`, async () => {
        const refusals: Role[] = [];
        const before = await dbDigest();
        // Refused roles first: the digest proves all of them together wrote nothing.
        const order = [...ROLES].sort(
          (a, b) =>
            Number(permitted(a, kind) && !expected(state, kind)) - Number(permitted(b, kind) && !expected(state, kind)),
        );
        for (const role of order) {
          const allowed = permitted(role, kind);
          const lock = expected(state, kind);
          if (allowed && lock === null) {
            expect(changedTables(before, await dbDigest()), `refusals wrote (${refusals.join(", ")})`).toEqual([]);
            const r = await write(state, role, kind);
            expect(r, `${role}`).toEqual({ ok: true });
            return; // the record changed: the remaining roles would meet another state
          }
          const r = await write(state, role, kind);
          refusals.push(role);
          expect(r.ok, `${role} must be refused`).toBe(false);
          if (!allowed) expect(r, role).toMatchObject({ ok: false, code: "FORBIDDEN" });
          else if (state === "year" && role === "teacher")
            // A closed year's load does not count for the teacher's scope: refused at the gate or by the lock.
            expect(["FORBIDDEN", "LOCKED"]).toContain((r as { code: string }).code);
          else expect(r, role).toEqual({ ok: false, ...lock });
        }
        expect(changedTables(before, await dbDigest())).toEqual([]);
      });
    }
  }
});

describe("ADMIN's unlock opens exactly its class × subject × dates for 12 hours (JRN-6, REC-1)", () => {
  it("opens the closed period's range, not the day after it nor another subject, and closes again after 12 hours", async () => {
    const { f, assignmentId, lessonId } = worlds.get("period")!;
    const organisationId = f.organisationId;
    const otherSubject = await db.subject.create({ data: { organisationId, name: "Геометрия", shortName: "Гео" } });
    const opened = new Date("2026-11-20T08:00:00Z");
    await db.unlockRequest.create({
      data: {
        organisationId,
        classId: f.classId,
        subjectId: f.subjectId,
        date: day("2026-11-18"),
        dateTo: day("2026-11-20"),
        reason: "Исправление ошибки в отметках",
        status: "APPROVED",
        requesterId: f.users.admin,
        deciderId: f.users.admin,
        decidedAt: opened,
        openUntil: new Date(opened.getTime() + 12 * 3_600_000),
      },
    });
    const at = (h: number) => new Date(opened.getTime() + h * 3_600_000);
    const cell = (lesson: number, a: number, now: Date) =>
      saveCell(
        f.actor(f.users.teacher),
        { kind: "mark", lessonId: lesson, assignmentId: a, studentId: f.students[1], input: "4", version: 0 },
        now,
      );
    // Inside the range, inside 12 hours: saved, with the unlock named in the history.
    const inside = await cell(lessonId, assignmentId, at(11.9));
    expect(inside.body).toMatchObject({ ok: true, version: 1 });
    const change = await db.journalChange.findFirstOrThrow({
      where: { organisationId, entity: "MARK", studentId: f.students[1] },
    });
    expect(change.reason).toBe("Изменение в открытую администратором дату");
    // The day before the range (17.11): still closed.
    const before = f.lesson("2026-11-17");
    const beforeAssignment = await addAssignment(f, before);
    expect((await cell(before, beforeAssignment, at(1))).body).toMatchObject({ ok: false, message: REASON.period });
    // Another subject of the class on a date of the range: still closed.
    const other = await db.lesson.create({
      data: {
        organisationId,
        classId: f.classId,
        subjectId: otherSubject.id,
        teacherId: f.users.teacher,
        date: day("2026-11-19"),
        bellNumber: 4,
      },
    });
    const otherAssignment = await addAssignment(f, other.id);
    const otherSave = await saveCell(
      f.actor(f.users.admin),
      {
        kind: "mark",
        lessonId: other.id,
        assignmentId: otherAssignment,
        studentId: f.students[1],
        input: "4",
        version: 0,
      },
      at(1),
    );
    expect(otherSave.body).toMatchObject({ ok: false, message: REASON.period });
    // The period's final (dated 28.12, outside the range) stays frozen; 12 hours later the range too.
    expect(
      await saveFinal(
        f.actor(f.users.deputy),
        {
          classId: f.classId,
          subjectId: f.subjectId,
          studentId: f.students[2],
          kind: "PERIOD",
          periodId: f.q2,
          text: "4",
          version: 0,
        },
        at(1),
      ),
    ).toMatchObject({ ok: false, code: "LOCKED", message: REASON.period });
    const after = await cell(lessonId, assignmentId, at(12));
    expect(after.body).toMatchObject({ ok: false, code: "LOCKED", message: REASON.period });
    const stored = await db.mark.findUniqueOrThrow({
      where: { organisationId_assignmentId_studentId: { organisationId, assignmentId, studentId: f.students[1] } },
    });
    expect(stored).toMatchObject({ value: 4, version: 1 });
  });

  it("opens the lesson panel's writes too while the unlock lasts (moved clock) — and never a closed year", async () => {
    const { f, lessonId, assignmentId } = worlds.get("period")!;
    const organisationId = f.organisationId;
    await signInAs(organisationId, f.users.teacher);
    await db.userSession.updateMany({
      where: { organisationId },
      data: { expiresAt: new Date("2030-01-01T00:00:00Z") },
    });
    const weight = (w: number) =>
      saveAssignmentAction(
        null,
        formData({
          lessonId,
          assignmentId,
          intent: "save",
          typeId: f.types.test,
          description: "",
          weight: w,
          dueDate: "",
        }),
      );
    vi.setSystemTime(new Date("2026-11-20T19:00:00Z")); // 11 h after the unlock of the test above
    expect(await weight(3)).toMatchObject({ ok: true });
    vi.setSystemTime(new Date("2026-11-20T20:00:01Z"));
    expect(await weight(1)).toEqual({ ok: false, code: "LOCKED", message: REASON.period });
    const a = await db.assignment.findUniqueOrThrow({
      where: { organisationId_id: { organisationId, id: assignmentId } },
    });
    expect(Number(a.weight)).toBe(3);
    vi.setSystemTime(NOW);

    const year = worlds.get("year")!;
    await db.unlockRequest.create({
      data: {
        organisationId: year.f.organisationId,
        classId: year.f.classId,
        subjectId: year.f.subjectId,
        date: day("2026-11-20"),
        reason: "Попытка открыть закрытый год",
        status: "APPROVED",
        requesterId: year.f.users.admin,
        openUntil: new Date("2026-11-20T20:00:00Z"),
      },
    });
    const r = await saveCell(
      year.f.actor(year.f.users.admin),
      {
        kind: "mark",
        lessonId: year.lessonId,
        assignmentId: year.assignmentId,
        studentId: year.f.students[0],
        input: "5",
        version: 0,
      },
      NOW,
    );
    expect(r.body).toMatchObject({ ok: false, code: "LOCKED", message: REASON.year });
  });
});
