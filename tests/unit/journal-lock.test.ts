// The one lock decision (lib/journal/lock.ts): JRN-6 (window, student's final, ADMIN's 12-hour
// unlock), REC-1 (closed period), REC-2 (closed year), REC-6 (hospital marks), per kind of write.
import { describe, expect, it } from "vitest";
import {
  finalLock,
  journalLock,
  lockFactsOf,
  type LockContext,
  type LockFacts,
  type WriteKind,
} from "@/lib/journal/lock";
import { unlockEnd } from "@/lib/journal/rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const KINDS: WriteKind[] = [
  "mark",
  "attendance",
  "lesson",
  "assignment",
  "final",
  "hospital",
  "reason",
  "plan",
  "schedule",
];

const open: LockFacts = {
  date: d("2026-11-18"),
  today: d("2026-11-20"),
  now: new Date("2026-11-20T08:00:00Z"),
  lockDays: 7,
  yearClosed: false,
  closedPeriod: null,
  finalSet: false,
  unlockedUntil: [],
};
const closedPeriod = {
  periodId: 2,
  name: "2 четверть",
  start: d("2026-11-05"),
  end: d("2026-12-28"),
  closedOn: d("2026-12-28"),
  basis: "приказ № 112 от 28.12.2026",
};
const verdicts = (facts: LockFacts) => Object.fromEntries(KINDS.map((k) => [k, journalLock(k, facts).open]));

describe("the one lock decision (JRN-6, REC-1, REC-2)", () => {
  it("lets every kind of write through on an open date", () => {
    expect(verdicts(open)).toEqual({
      mark: true,
      attendance: true,
      lesson: true,
      assignment: true,
      final: true,
      hospital: true,
      reason: true,
      plan: true,
      schedule: true,
    });
  });

  it("closes a date older than the window to the journal's writes, not to finals, hospital marks or the plan (JRN-6)", () => {
    const old = { ...open, date: d("2026-11-12") }; // 8 days
    expect(verdicts({ ...open, date: d("2026-11-13") }).mark).toBe(true); // 7 days: still open
    expect(verdicts(old)).toEqual({
      mark: false,
      attendance: false,
      lesson: false,
      assignment: false,
      final: true,
      hospital: true,
      reason: true,
      plan: true,
      schedule: true,
    });
    expect(journalLock("mark", old)).toEqual({
      open: false,
      code: "window",
      reason: "Дата закрыта для изменений: прошло больше 7 дней. Запросите открытие даты у администратора",
    });
    expect(journalLock("mark", { ...old, lockDays: 1, date: d("2026-11-18") })).toMatchObject({
      reason: expect.stringContaining("прошло больше 1 дня"),
    });
  });

  it("refuses marks and attendance of a lesson not yet held, but lets topics, homework and assignments be planned", () => {
    const future = { ...open, date: d("2026-11-23") };
    expect(verdicts(future)).toMatchObject({
      mark: false,
      attendance: false,
      hospital: false,
      lesson: true,
      assignment: true,
    });
    expect(journalLock("attendance", future)).toMatchObject({ code: "future", reason: "Урок ещё не проведён" });
  });

  it("lets a student's final lock their marks AND attendance, and any final lock the period's assignments", () => {
    const finalSet = { ...open, finalSet: true };
    expect(verdicts(finalSet)).toMatchObject({ mark: false, attendance: false, assignment: false, lesson: true });
    expect(journalLock("attendance", finalSet)).toMatchObject({
      code: "final",
      reason: expect.stringContaining("посещаемость"),
    });
    expect(journalLock("assignment", finalSet)).toMatchObject({
      code: "final",
      reason: expect.stringContaining("задания"),
    });
    // REC-6: a late certificate is entered although the final is set (the period is not closed).
    expect(journalLock("hospital", finalSet).open).toBe(true);
  });

  it("closes everything of a closed period, with the date and the order in the reason (REC-1)", () => {
    const closed = { ...open, closedPeriod };
    expect(Object.values(verdicts(closed)).some(Boolean)).toBe(false);
    expect(journalLock("lesson", closed)).toEqual({
      open: false,
      code: "period",
      reason: "Период закрыт 28.12.2026 (приказ № 112 от 28.12.2026): 2 четверть",
    });
  });

  it("freezes a closed year for every kind, and no unlock opens it (REC-2)", () => {
    const year = { ...open, yearClosed: true, unlockedUntil: [new Date("2026-11-20T20:00:00Z")] };
    for (const kind of KINDS)
      expect(journalLock(kind, year)).toEqual({
        open: false,
        code: "year",
        reason: "Учебный год закрыт: записи журнала не меняются",
      });
  });

  it("opens the window, the final and the closed period for 12 hours after ADMIN's unlock — never the plan's binding nor the schedule", () => {
    const until = unlockEnd(new Date("2026-11-20T08:00:00Z"));
    expect(until.toISOString()).toBe("2026-11-20T20:00:00.000Z");
    const held = { ...open, date: d("2026-11-02"), closedPeriod, finalSet: true, unlockedUntil: [until] };
    expect(verdicts({ ...held, now: new Date("2026-11-20T19:59:00Z") })).toEqual({
      mark: true,
      attendance: true,
      lesson: true,
      assignment: true,
      final: true,
      hospital: true,
      reason: true,
      plan: false,
      schedule: false,
    });
    expect(journalLock("mark", { ...held, now: new Date("2026-11-20T19:59:00Z") })).toEqual({
      open: true,
      byUnlock: true,
    });
    expect(journalLock("mark", { ...held, now: until })).toMatchObject({ open: false, code: "period" });
  });

  it("never opens a lesson not yet held, even under an unlock", () => {
    expect(journalLock("mark", { ...open, date: d("2026-11-21"), unlockedUntil: [d("2026-12-01")] })).toMatchObject({
      code: "future",
    });
  });
});

describe("facts of a class × subject (lockFactsOf, finalLock)", () => {
  const ctx: LockContext = {
    timeZone: "Europe/Samara",
    lockDays: 7,
    yearClosed: false,
    closed: [{ ...closedPeriod, periodId: 1, name: "1 четверть", start: d("2026-09-01"), end: d("2026-10-24") }],
    unlocks: [{ from: d("2026-10-01"), to: d("2026-10-03"), until: new Date("2026-11-20T20:00:00Z") }],
    periods: [
      { id: 1, start: d("2026-09-01"), end: d("2026-10-24") },
      { id: 2, start: d("2026-11-05"), end: d("2026-12-28") },
    ],
    finals: new Map([[7, new Set([2])]]),
  };
  const o = { today: d("2026-11-20"), now: new Date("2026-11-20T08:00:00Z") };

  it("places a date in its period: the closing, the unlock's range and the finals of that period only", () => {
    expect(lockFactsOf(ctx, d("2026-10-02"), o)).toMatchObject({
      closedPeriod: { periodId: 1 },
      unlockedUntil: [ctx.unlocks[0].until],
    });
    expect(lockFactsOf(ctx, d("2026-10-04"), o)).toMatchObject({ closedPeriod: { periodId: 1 }, unlockedUntil: [] });
    expect(lockFactsOf(ctx, d("2026-10-30"), o)).toMatchObject({ closedPeriod: null }); // holidays: no period
    expect(lockFactsOf(ctx, d("2026-11-18"), { ...o, studentId: 7 }).finalSet).toBe(true);
    expect(lockFactsOf(ctx, d("2026-11-18"), { ...o, studentId: 8 }).finalSet).toBe(false);
    expect(lockFactsOf(ctx, d("2026-11-18"), { ...o, anyFinal: true }).finalSet).toBe(true);
    // ADMIN's range opens 01.10–03.10 of the closed quarter, not 04.10.
    expect(journalLock("mark", lockFactsOf(ctx, d("2026-10-03"), o))).toEqual({ open: true, byUnlock: true });
    expect(journalLock("mark", lockFactsOf(ctx, d("2026-10-04"), o))).toMatchObject({ open: false, code: "period" });
  });

  it("dates a period final at the period's last day; year finals follow the year only (seed 002 §4.5.1)", () => {
    expect(finalLock(ctx, 1, o)).toMatchObject({ open: false, code: "period" });
    expect(finalLock(ctx, 2, o)).toEqual({ open: true, byUnlock: false });
    expect(finalLock(ctx, null, o)).toEqual({ open: true, byUnlock: false });
    expect(finalLock({ ...ctx, yearClosed: true }, null, o)).toMatchObject({ open: false, code: "year" });
    const unlockedEnd = { ...ctx, unlocks: [{ from: d("2026-10-24"), to: d("2026-10-24"), until: o.now }] };
    expect(finalLock(unlockedEnd, 1, { ...o, now: new Date(o.now.getTime() - 1) })).toEqual({
      open: true,
      byUnlock: true,
    });
  });
});
