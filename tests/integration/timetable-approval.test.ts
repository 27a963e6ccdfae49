// PRG-3: timetable approval. An unapproved timetable generates no lessons (and touches none);
// the scheduler submits a version, the director returns it with a comment or approves it — the
// approval generates the year's lessons of its classes; an edit after approval takes effect and is
// listed for the director; the actions refuse bad input and the wrong roles, writing nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { regenerateLessons } from "@/lib/schedule/lessons/mutations";
import { deleteTimetableEntry, saveTimetableEntry } from "@/lib/schedule/timetable/mutations";
import { decideTimetableVersion, submitTimetableVersion } from "@/lib/schedule/approval/mutations";
import { approvalWidget, loadApproval } from "@/lib/schedule/approval/loaders";
import { changesOfYear, currentYear, versionsOfYear, yearSnapshot } from "@/lib/schedule/approval/data";
import { changesSinceApproval, parseSnapshot } from "@/lib/schedule/approval/rules";
import { counted } from "../support/pg-queries";
import { approveTimetableAction, returnTimetableAction, submitTimetableAction } from "@/lib/schedule/approval/actions";
import {
  addBells,
  addUser,
  createJournalFixture,
  currentUser,
  day,
  formData,
  NOW,
  type JournalFixture,
} from "./journal-fixture";
import { signInAs } from "../support/session-harness";
import { lastAudit } from "../support/audit";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let scheduler = 0;
let director = 0;
const YEAR = { from: day("2026-09-01"), to: day("2027-05-31") };

const entry = (weekday: number, bellNumber: number) => ({
  entryId: null,
  classId: f.firstClassId,
  subgroupId: null,
  subjectId: f.subjectId,
  teacherId: f.users.teacher,
  roomId: null,
  weekday,
  bellNumber,
  hours: 1,
  validFrom: YEAR.from,
  validTo: YEAR.to,
});

const lessonsOf = (classId: number) => db.lesson.count({ where: { organisationId: f.organisationId, classId } });

beforeAll(async () => {
  f = await createJournalFixture();
  await addBells(f);
  scheduler = await addUser(f, "dispatcher", "SCHEDULER");
  director = await addUser(f, "director", "DIRECTOR");
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("timetable approval (PRG-3)", () => {
  it("an unapproved timetable generates nothing: no lessons made, the class's existing ones untouched", async () => {
    const saved = await saveTimetableEntry(f.organisationId, scheduler, entry(1, 3) as never, false);
    expect(saved).toMatchObject({ ok: true });
    // The new entry is audited (AUTH-5) with its fields, the dates as days.
    expect(await lastAudit(f.organisationId, "timetable.create")).toMatchObject({
      userId: scheduler,
      entity: "TimetableEntry",
      entityId: String(saved.ok && saved.id),
      details: {
        classId: f.firstClassId,
        subjectId: f.subjectId,
        teacherId: f.users.teacher,
        roomId: null,
        weekday: 1,
        bellNumber: 3,
        validFrom: "2026-09-01",
        validTo: "2027-05-31",
      },
    });
    const before7A = await lessonsOf(f.classId);
    const before1A = await lessonsOf(f.firstClassId); // the fixture's one hand-made lesson of 1А
    const report = await regenerateLessons(f.organisationId, scheduler, { ...YEAR, classIds: null });
    expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(report.unapproved).toBe(2);
    expect(await lessonsOf(f.firstClassId)).toBe(before1A);
    expect(await lessonsOf(f.classId)).toBe(before7A);
  });

  it("the scheduler submits; a second submission waits; the director returns it with a comment the scheduler sees", async () => {
    const first = await submitTimetableVersion(f.organisationId, scheduler, "На 2026/2027");
    expect(first).toMatchObject({ ok: true, number: 1 });
    expect(await lastAudit(f.organisationId, "timetable.submit")).toMatchObject({
      userId: scheduler,
      entity: "TimetableVersion",
      entityId: String(first.ok && first.id),
      details: { number: 1, entries: 1 },
    });
    expect(await submitTimetableVersion(f.organisationId, scheduler, "")).toEqual({
      ok: false,
      message: "Версия 1 уже на утверждении у директора",
    });
    const pending = await approvalWidget(f.organisationId, true);
    expect(pending.tasks.map((t) => t.text)).toEqual(["Расписание: версия 1 ждёт утверждения"]);
    if (!first.ok) return;
    const returned = await decideTimetableVersion(
      f.organisationId,
      director,
      first.id,
      { approve: false, comment: "Физкультура стоит первым уроком" },
      NOW,
    );
    expect(returned).toMatchObject({ ok: true, lessons: null });
    expect(await lastAudit(f.organisationId, "timetable.return")).toMatchObject({
      userId: director,
      entity: "TimetableVersion",
      entityId: String(first.id),
      details: { number: 1, comment: "Физкультура стоит первым уроком" },
    });
    expect(await lessonsOf(f.firstClassId)).toBe(1);
    const seen = await approvalWidget(f.organisationId, false);
    expect(seen.tasks).toEqual([
      { href: "/schedule/approval", text: "Расписание: версия 1 возвращена", note: "Физкультура стоит первым уроком" },
    ]);
    // A decided version cannot be decided again.
    expect(await decideTimetableVersion(f.organisationId, director, first.id, { approve: true }, NOW)).toMatchObject({
      ok: false,
      reason: "decided",
    });
  });

  it("approval generates the year's lessons of the approved classes; an edit afterwards is listed for the director", async () => {
    const second = await submitTimetableVersion(f.organisationId, scheduler, "");
    expect(second).toMatchObject({ ok: true, number: 2 });
    if (!second.ok) return;
    const approved = await decideTimetableVersion(f.organisationId, director, second.id, { approve: true }, NOW);
    expect(approved.ok).toBe(true);
    expect(await lastAudit(f.organisationId, "timetable.approve")).toMatchObject({
      userId: director,
      entity: "TimetableVersion",
      entityId: String(second.id),
      details: { number: 2 },
    });
    // Every Monday of the year at bell 3 (the fixture has no holidays); the fixture's hand-made 1А
    // lesson (no data, not in the timetable) goes, as SCH-4 regeneration does.
    let mondays = 0;
    for (let d = YEAR.from; d <= YEAR.to; d = new Date(d.getTime() + 86_400_000)) if (d.getUTCDay() === 1) mondays++;
    expect(approved.ok && approved.lessons?.created).toBe(mondays);
    expect(await lessonsOf(f.firstClassId)).toBe(mondays);
    // 7А holds no entry, so it is not in the approved version: its lessons stay as they were.
    const view = await loadApproval(currentUser(f, director, ["DIRECTOR"]));
    expect(view).toMatchObject({ approvedNumber: 2, pending: null, changes: [] });

    // After approval an edit takes effect at once (its lessons appear) and is listed as a change.
    const added = await saveTimetableEntry(f.organisationId, scheduler, entry(2, 4) as never, false);
    expect(added.ok && added.lessons.created).toBeGreaterThan(30);
    const after = await loadApproval(currentUser(f, director, ["DIRECTOR"]));
    expect(after?.changes.map((c) => c.kind)).toEqual(["added"]);
    const widget = await approvalWidget(f.organisationId, true);
    expect(widget.tasks.map((t) => t.text)).toEqual(["Изменения расписания после утверждения: 1"]);
  }, 60_000);

  it("the actions: only the director decides, a return needs a comment, a department-less scheduler submits; bad input writes nothing", async () => {
    const count = () => db.timetableVersion.count({ where: { organisationId: f.organisationId } });
    const versions = await count();
    await signInAs(f.organisationId, f.users.teacher);
    expect(await submitTimetableAction(null, formData({ note: "x" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await signInAs(f.organisationId, scheduler);
    expect(await submitTimetableAction(null, formData({ note: "a\u0000b" }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    const submitted = await submitTimetableAction(null, formData({ note: "Вторник" }));
    expect(submitted).toMatchObject({ ok: true, data: { number: 3 } });
    const pending = await db.timetableVersion.findFirstOrThrow({
      where: { organisationId: f.organisationId, status: "SUBMITTED" },
    });
    // The scheduler cannot approve their own version.
    expect(await approveTimetableAction(null, formData({ versionId: pending.id }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    await signInAs(f.organisationId, director);
    expect(await returnTimetableAction(null, formData({ versionId: pending.id, comment: "  " }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { comment: ["Укажите, что исправить: комментарий обязателен"] },
    });
    expect(await approveTimetableAction(null, formData({ versionId: "abc" }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await approveTimetableAction(null, formData({ versionId: 999_999 }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      (
        await db.timetableVersion.findUniqueOrThrow({
          where: { organisationId_id: { organisationId: f.organisationId, id: pending.id } },
        })
      ).status,
    ).toBe("SUBMITTED");
    expect(await count()).toBe(versions + 1);
    const ok = await approveTimetableAction(null, formData({ versionId: pending.id }));
    expect(ok).toMatchObject({ ok: true, data: { number: 3, message: "Версия 3 утверждена" } });
    const after = await loadApproval(currentUser(f, director, ["DIRECTOR"]));
    expect(after?.changes).toEqual([]);
  });

  it("an entry whose lessons hold no data is deleted with them, audited as a deletion (SCH-4, AUTH-5)", async () => {
    const added = await saveTimetableEntry(f.organisationId, scheduler, entry(3, 5) as never, false);
    if (!added.ok) throw new Error(added.messages.join("; "));
    expect(added.lessons.created).toBeGreaterThan(30);
    const removed = await deleteTimetableEntry(f.organisationId, scheduler, added.id, f.firstClassId, NOW);
    expect(removed).toMatchObject({ ok: true, closed: false });
    expect(await lastAudit(f.organisationId, "timetable.delete")).toMatchObject({
      userId: scheduler,
      entity: "TimetableEntry",
      entityId: String(added.id),
      details: { lessonsDeleted: added.lessons.created, lessonsKept: [] },
    });
  });

  it("lists the changes since approval from SQL exactly as the rule does on the whole snapshot (issue 22 item 7)", async () => {
    const org = f.organisationId;
    const year = (await currentYear(org))!;
    const approved = (await db.timetableVersion.findFirstOrThrow({
      where: { organisationId: org, yearId: year.id, status: "APPROVED" },
      orderBy: { number: "desc" },
    }))!;
    const current = await yearSnapshot(org, year.id);
    expect(current.length).toBeGreaterThanOrEqual(2);
    const [first, second] = current;
    // The stored snapshot: the first entry with another end date (changed), the second as it is
    // with 1,5 hours on both sides, an entry gone since (removed) and two malformed elements that
    // the rule skips; one new entry of 1,5 hours (added).
    const snapshot = [
      { ...first, validTo: "2027-05-30" },
      { ...second, hours: 1.5 },
      { ...first, id: 987_654, weekday: 5, className: "Удалённый" },
      "не запись",
      { id: "1", weekday: 1 },
    ];
    await db.timetableEntry.update({
      where: { organisationId_id: { organisationId: org, id: second.id } },
      data: { hours: 1.5 },
    });
    await db.timetableVersion.update({
      where: { organisationId_id: { organisationId: org, id: approved.id } },
      data: { snapshot },
    });
    const added = await db.timetableEntry.create({
      data: {
        organisationId: org,
        classId: f.firstClassId,
        subjectId: f.subjectId,
        teacherId: f.users.teacher,
        weekday: 4,
        bellNumber: 6,
        hours: 1.5,
        validFrom: YEAR.from,
        validTo: YEAR.to,
      },
    });
    try {
      const expected = changesSinceApproval(parseSnapshot(snapshot), await yearSnapshot(org, year.id));
      // By class, weekday and bell: 1А's Monday and Thursday, then the removed entry's class.
      expect(expected.map((c) => [c.kind, c.entry.id])).toEqual([
        ["changed", first.id],
        ["added", added.id],
        ["removed", 987_654],
      ]);
      const { result, queries } = await counted(() => changesOfYear(org, year.id));
      expect(result).toEqual(expected);
      expect(queries).toHaveLength(1);
      // The versions' entry counts are the parsed snapshots' lengths, counted in SQL.
      const versions = await versionsOfYear(org, year.id);
      expect(versions.find((v) => v.id === approved.id)?.entries).toBe(3);
      const page = await counted(() => loadApproval(currentUser(f, director, ["DIRECTOR"])));
      expect(page.result?.changes).toEqual(expected);
      // the current year ∥ the versions with names and counts ∥ the changes
      expect(page.queries.length).toBeLessThanOrEqual(3);
    } finally {
      await db.timetableEntry.delete({ where: { organisationId_id: { organisationId: org, id: added.id } } });
      await db.timetableEntry.update({
        where: { organisationId_id: { organisationId: org, id: second.id } },
        data: { hours: 1 },
      });
      await db.timetableVersion.update({
        where: { organisationId_id: { organisationId: org, id: approved.id } },
        data: { snapshot: approved.snapshot as never },
      });
    }
  });
});
