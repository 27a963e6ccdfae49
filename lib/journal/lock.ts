// The ONE lock decision of the journal (JRN-6, REC-1, REC-2, REC-6): may a write touching a class ×
// subject × date happen now? Every action, route and API path that writes marks, attendance, a
// lesson's topic / content / homework, assignments (type, weight, due date, specification,
// protocol), finals, hospital marks or plan topics asks `journalLock`. Pure: the facts come from
// `lockFactsOf` (the one loader, lib/journal/data.ts `journalLockContext`, or the same SQL columns
// inside the cell save's context read) and `now` is passed in, so tests move the clock.
//
// API (stable — other domains build on it):
//   journalLock(kind, facts)        → { open: true, byUnlock } | { open: false, code, reason }
//   lockFactsOf(context, date, o)   → the facts of one date from a class × subject context
//   finalLock(context, periodId, o) → the lock of a final (a period final is dated at its last day)
//   unlockCovers(unlock, date)      → an ADMIN unlock's range holds the date
//   LockContext / LockFacts / WriteKind / Lock
//
// What each kind of write is held by (✓ = checked; «unlock» = ADMIN's 12-hour unlock opens it):
//
//   kind        closed year  future  unlock  closed period  student's final  any final  window
//   mark             ✓         ✓      opens        ✓              ✓                      ✓
//   attendance       ✓         ✓      opens        ✓              ✓                      ✓
//   lesson           ✓                opens        ✓                                     ✓   (topic, content, homework)
//   assignment       ✓                opens        ✓                              ✓      ✓   (type, weight, due date, spec, protocol)
//   final            ✓                opens        ✓                                         (a period final: dated at its last day)
//   hospital         ✓         ✓      opens        ✓                                         (REC-6: certificates arrive late)
//   reason           ✓                opens        ✓                                         (the class teacher's УП / НП / Б, JRN-4: documents arrive late)
//   plan             ✓                             ✓                                         (КТП binding never overwrites a closed record)
//   schedule         ✓                             ✓                                         (lesson generation, changes, substitutions)
//
// Nothing opens a closed year: ADMIN reopens the year itself (REC-2, «Открыть год для исправлений»).
import { formatDate } from "@/lib/org/time";
import { daysSince, UNLOCK_HOURS } from "./rules";

export type WriteKind =
  "mark" | "attendance" | "lesson" | "assignment" | "final" | "hospital" | "reason" | "plan" | "schedule";
export type LockCode = "year" | "future" | "period" | "final" | "window";
export type Lock = { open: true; byUnlock: boolean } | { open: false; code: LockCode; reason: string };

/** A period of the class closed by REC-1. `closedOn`: the calendar date of the closing (organisation's zone). */
export type ClosedPeriod = { periodId: number; name: string; start: Date; end: Date; closedOn: Date; basis: string };
/** An ADMIN unlock of class × subject × dates (JRN-6, REC-1): from–to inclusive, open until `until`. */
export type Unlock = { from: Date; to: Date; until: Date };

export type LockFacts = {
  /** The calendar date written (a lesson's date; a period final: the period's last day). */
  date: Date;
  /** Today in the organisation's time zone (calendar date, UTC midnight). */
  today: Date;
  now: Date;
  lockDays: number;
  yearClosed: boolean;
  closedPeriod: ClosedPeriod | null;
  /** mark / attendance: the student's final of the period holding `date`; assignment: any student's. */
  finalSet: boolean;
  /** The ends of ADMIN's unlocks whose range holds `date` (expired ones may be included). */
  unlockedUntil: readonly Date[];
};

const APPLIES: Record<WriteKind, { future: boolean; unlock: boolean; final: boolean; window: boolean }> = {
  mark: { future: true, unlock: true, final: true, window: true },
  attendance: { future: true, unlock: true, final: true, window: true },
  lesson: { future: false, unlock: true, final: false, window: true },
  assignment: { future: false, unlock: true, final: true, window: true },
  final: { future: false, unlock: true, final: false, window: false },
  hospital: { future: true, unlock: true, final: false, window: false },
  reason: { future: false, unlock: true, final: false, window: false },
  plan: { future: false, unlock: false, final: false, window: false },
  schedule: { future: false, unlock: false, final: false, window: false },
};

/** «1 дня», «2 дней», «21 дня» — the genitive after «больше». */
function daysWord(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? `${n} дня` : `${n} дней`;
}

export const YEAR_CLOSED_REASON = "Учебный год закрыт: записи журнала не меняются";
export const FUTURE_REASON = "Урок ещё не проведён";
/** The history's reason of a change made while ADMIN's unlock holds the date open. */
export const UNLOCKED_REASON = "Изменение в открытую администратором дату";

export function periodClosedReason(p: Pick<ClosedPeriod, "closedOn" | "basis" | "name">): string {
  return `Период закрыт ${formatDate(p.closedOn)} (${p.basis}): ${p.name}`;
}

export function windowReason(lockDays: number): string {
  return `Дата закрыта для изменений: прошло больше ${daysWord(lockDays)}. Запросите открытие даты у администратора`;
}

const FINAL_REASON: Record<"cell" | "assignment", string> = {
  cell: "Итоговая отметка за период выставлена — текущие отметки и посещаемость периода не меняются",
  assignment: "Итоговые отметки за период уже выставлены — задания уроков периода не меняются",
};

export function journalLock(kind: WriteKind, f: LockFacts): Lock {
  const rules = APPLIES[kind];
  if (f.yearClosed) return { open: false, code: "year", reason: YEAR_CLOSED_REASON };
  if (rules.future && f.date.getTime() > f.today.getTime())
    return { open: false, code: "future", reason: FUTURE_REASON };
  if (rules.unlock && f.unlockedUntil.some((u) => u.getTime() > f.now.getTime())) return { open: true, byUnlock: true };
  if (f.closedPeriod) return { open: false, code: "period", reason: periodClosedReason(f.closedPeriod) };
  if (rules.final && f.finalSet)
    return { open: false, code: "final", reason: FINAL_REASON[kind === "assignment" ? "assignment" : "cell"] };
  if (rules.window && daysSince(f.date, f.today) > f.lockDays)
    return { open: false, code: "window", reason: windowReason(f.lockDays) };
  return { open: true, byUnlock: false };
}

export function unlockCovers(u: Pick<Unlock, "from" | "to">, date: Date): boolean {
  const t = date.getTime();
  return u.from.getTime() <= t && u.to.getTime() >= t;
}

/**
 * What the lock needs to know about one class × subject: the year, the window, the class's closed
 * periods, ADMIN's unlocks of the subject and the period finals (student → periods with a final).
 */
export type LockContext = {
  timeZone: string;
  lockDays: number;
  yearClosed: boolean;
  closed: readonly ClosedPeriod[];
  unlocks: readonly Unlock[];
  /** The class's periods (of its own kind), to place a date in its period. */
  periods: readonly { id: number; start: Date; end: Date }[];
  /** studentId → ids of the periods whose final (PERIOD kind) is set for this subject. */
  finals: ReadonlyMap<number, ReadonlySet<number>>;
};

/** The period holding a date, if any. */
export function periodOf<P extends { start: Date; end: Date }>(periods: readonly P[], date: Date): P | null {
  const t = date.getTime();
  return periods.find((p) => p.start.getTime() <= t && p.end.getTime() >= t) ?? null;
}

/**
 * The facts of one date from a context. `student`: the student's final decides (marks,
 * attendance); `anyFinal`: any student's final of the date's period decides (assignments).
 */
export function lockFactsOf(
  ctx: LockContext,
  date: Date,
  o: { today: Date; now: Date; studentId?: number; anyFinal?: boolean },
): LockFacts {
  const period = periodOf(ctx.periods, date);
  const closed = period ? (ctx.closed.find((c) => c.periodId === period.id) ?? null) : null;
  let finalSet = false;
  if (period && o.studentId !== undefined) finalSet = ctx.finals.get(o.studentId)?.has(period.id) ?? false;
  if (period && o.anyFinal) for (const set of ctx.finals.values()) if (set.has(period.id)) finalSet = true;
  return {
    date,
    today: o.today,
    now: o.now,
    lockDays: ctx.lockDays,
    yearClosed: ctx.yearClosed,
    closedPeriod: closed,
    finalSet,
    unlockedUntil: ctx.unlocks.filter((u) => unlockCovers(u, date)).map((u) => u.until),
  };
}

/**
 * The lock of a final (FIN-1, REC-1, REC-2): a period final is dated at its period's last day (so
 * the period's closing and an unlock covering that day decide); year, exam and final marks
 * (periodId null) are held by the closed year only.
 */
export function finalLock(ctx: LockContext, periodId: number | null, o: { today: Date; now: Date }): Lock {
  const period = periodId === null ? null : (ctx.periods.find((p) => p.id === periodId) ?? null);
  if (period) return journalLock("final", lockFactsOf(ctx, period.end, o));
  return journalLock("final", {
    date: o.today,
    today: o.today,
    now: o.now,
    lockDays: ctx.lockDays,
    yearClosed: ctx.yearClosed,
    closedPeriod: null,
    finalSet: false,
    unlockedUntil: [],
  });
}

export { UNLOCK_HOURS };
