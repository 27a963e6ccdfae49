// SCH-2: conflicts of a timetable entry, as Russian messages naming the clash. Pure. Two
// entries meet when their weekday is the same, their validity ranges overlap and their
// bells overlap in time (classes on different bell schedules — shifts — are compared by
// the clock, not by the bell number).
import { bellLabel, WEEKDAY_NAMES } from "../week";

/** A timetable entry's place in the week with the names the pages show (slots and approval snapshots). */
export type NamedEntry = {
  classId: number;
  className: string;
  subgroupId: number | null;
  subgroupName: string | null;
  subjectId: number;
  subjectName: string;
  teacherId: number;
  teacherName: string;
  roomId: number | null;
  roomName: string | null;
  weekday: number;
  bellNumber: number;
};

export type SlotEntry = NamedEntry & {
  id: number | null;
  /** Minutes since midnight of the bell's start and end. */
  start: number;
  end: number;
  validFrom: Date;
  validTo: Date;
};

export type LoadRef = { teacherId: number; classId: number; subjectId: number; subgroupId: number | null };

function meets(a: SlotEntry, b: SlotEntry): boolean {
  return (
    a.weekday === b.weekday &&
    a.start < b.end &&
    b.start < a.end &&
    a.validFrom.getTime() <= b.validTo.getTime() &&
    b.validFrom.getTime() <= a.validTo.getTime()
  );
}

function when(e: SlotEntry, college: boolean): string {
  return `${WEEKDAY_NAMES[e.weekday]}, ${bellLabel(e.bellNumber, college)}`;
}

function classLabel(e: SlotEntry): string {
  return e.subgroupName ? `${e.className} (${e.subgroupName})` : e.className;
}

/** Does the teacher's load cover the class, subject and subgroup? A whole-class load covers its subgroups. */
export function loadCovers(
  loads: readonly LoadRef[],
  e: Pick<SlotEntry, "teacherId" | "classId" | "subjectId" | "subgroupId">,
): boolean {
  return loads.some(
    (l) =>
      l.teacherId === e.teacherId &&
      l.classId === e.classId &&
      l.subjectId === e.subjectId &&
      (l.subgroupId === null || l.subgroupId === e.subgroupId),
  );
}

/**
 * Every conflict of `candidate` with the other entries, first the teacher, then the room,
 * then the class, then the load: a teacher or a room in two places at once, a class with
 * two lessons in one slot (unless they are different subgroups), a teacher without load.
 */
export function entryConflicts(
  candidate: SlotEntry,
  others: readonly SlotEntry[],
  loads: readonly LoadRef[],
  college = false,
): string[] {
  const out: string[] = [];
  const rivals = others.filter((o) => o.id === null || o.id !== candidate.id).filter((o) => meets(candidate, o));
  for (const o of rivals) {
    if (o.teacherId === candidate.teacherId) {
      out.push(
        `Учитель ${candidate.teacherName} в это время ведёт урок в ${classLabel(o)} (${when(o, college)}) и не может вести урок в ${classLabel(candidate)}`,
      );
    }
  }
  for (const o of rivals) {
    if (candidate.roomId !== null && o.roomId === candidate.roomId) {
      out.push(
        `Кабинет ${candidate.roomName ?? ""} в это время занят: урок ${o.subjectName} в ${classLabel(o)} (${when(o, college)})`,
      );
    }
  }
  for (const o of rivals) {
    if (o.classId !== candidate.classId) continue;
    const differentSubgroups =
      o.subgroupId !== null && candidate.subgroupId !== null && o.subgroupId !== candidate.subgroupId;
    if (!differentSubgroups) {
      out.push(
        `У ${classLabel(candidate)} в это время уже есть урок: ${o.subjectName}${o.subgroupName ? ` (${o.subgroupName})` : ""} (${when(o, college)})`,
      );
    }
  }
  if (!loadCovers(loads, candidate)) {
    out.push(
      `У учителя ${candidate.teacherName} нет нагрузки (тарификации) по предмету «${candidate.subjectName}» в ${classLabel(candidate)}`,
    );
  }
  return out;
}

type Range = { from: Date; to: Date };

/**
 * DAY-1: the days whose journal lessons a saved entry changes — its old and new validity joined,
 * clipped to the study year (null: nothing inside the year).
 */
export function regenerationRange(ranges: readonly Range[], year: Range): Range | null {
  if (ranges.length === 0) return null;
  const from = Math.max(Math.min(...ranges.map((r) => r.from.getTime())), year.from.getTime());
  const to = Math.min(Math.max(...ranges.map((r) => r.to.getTime())), year.to.getTime());
  return from <= to ? { from: new Date(from), to: new Date(to) } : null;
}

/**
 * DAY-11: a new entry starts at the start of the study period that holds `today` (a scheduler
 * entering the timetable mid-quarter means it from the quarter's start); before the year or in a
 * gap between periods, the next period's start; after the last, the year's start.
 */
export function defaultValidFrom(
  today: Date,
  year: Range,
  periods: readonly { startDate: Date; endDate: Date }[],
): Date {
  const t = today.getTime();
  const current = periods.find((p) => p.startDate.getTime() <= t && t <= p.endDate.getTime());
  if (current) return current.startDate;
  const next = periods.find((p) => p.startDate.getTime() > t);
  if (next) return next.startDate;
  return year.from;
}
