// SCH-4: the lesson planner — from the weekly timetable, the date-specific changes, the
// substitutions and the holidays to the lessons a period should have (the journal's
// columns). Pure: the mutation in lessons/mutations.ts diffs this against the database.
import { addDays, isoDate, isoWeekday } from "@/lib/org/time";
import { datesBetween, within } from "./week";

export type PlanEntry = {
  id: number;
  classId: number;
  subgroupId: number | null;
  subjectId: number;
  teacherId: number;
  roomId: number | null;
  weekday: number;
  bellNumber: number;
  hours: number;
  validFrom: Date;
  validTo: Date;
};

export type ChangeKind = "REPLACE" | "CANCEL" | "MOVE" | "ADD";

export type PlanChange = {
  id: number;
  kind: ChangeKind;
  date: Date;
  classId: number;
  entryId: number | null;
  subjectId: number | null;
  teacherId: number | null;
  roomId: number | null;
  bellNumber: number | null;
  toDate: Date | null;
};

export type PlanSubstitution = {
  id: number;
  originalId: number;
  substituteId: number;
  classId: number | null;
  subjectId: number | null;
  dateFrom: Date;
  dateTo: Date;
};

/** A holiday; `grade` null = the whole organisation. */
export type PlanHoliday = { startDate: Date; endDate: Date; grade: number | null };

export type DesiredLesson = {
  classId: number;
  subgroupId: number | null;
  subjectId: number;
  teacherId: number;
  substituteId: number | null;
  substitutionId: number | null;
  entryId: number | null;
  roomId: number | null;
  date: Date;
  bellNumber: number;
  hours: number;
  status: "SCHEDULED" | "CANCELLED";
};

export type PlanInput = {
  from: Date;
  to: Date;
  entries: readonly PlanEntry[];
  changes: readonly PlanChange[];
  substitutions: readonly PlanSubstitution[];
  holidays: readonly PlanHoliday[];
  /** Grade of each class (holidays of one grade only). */
  gradeOf: ReadonlyMap<number, number>;
  /** Hours of a lesson added by a change (1 at school, 2 for a college pair). */
  defaultHours: number;
};

/** The identity of a lesson: one per class, date, bell, subject and subgroup (the unique key of Lesson). */
export function lessonKey(l: {
  classId: number;
  date: Date;
  bellNumber: number;
  subjectId: number;
  subgroupId: number | null;
}): string {
  return `${l.classId}|${isoDate(l.date)}|${l.bellNumber}|${l.subjectId}|${l.subgroupId ?? 0}`;
}

export function isHoliday(holidays: readonly PlanHoliday[], date: Date, grade: number | undefined): boolean {
  return holidays.some((h) => within(date, h.startDate, h.endDate) && (h.grade === null || h.grade === grade));
}

/** The substitution that covers a teacher's lesson, if any (SCH-3). */
export function substitutionFor(
  subs: readonly PlanSubstitution[],
  l: { teacherId: number; classId: number; subjectId: number; date: Date },
): PlanSubstitution | undefined {
  return subs.find(
    (s) =>
      s.originalId === l.teacherId &&
      within(l.date, s.dateFrom, s.dateTo) &&
      (s.classId === null || s.classId === l.classId) &&
      (s.subjectId === null || s.subjectId === l.subjectId),
  );
}

function fromEntry(e: PlanEntry, date: Date, bellNumber: number): DesiredLesson {
  return {
    classId: e.classId,
    subgroupId: e.subgroupId,
    subjectId: e.subjectId,
    teacherId: e.teacherId,
    substituteId: null,
    substitutionId: null,
    entryId: e.id,
    roomId: e.roomId,
    date,
    bellNumber,
    hours: e.hours,
    status: "SCHEDULED",
  };
}

/** Applies a REPLACE: new subject, teacher or room. A teacher named by the change who is the substitute of a substitution for the entry's teacher stays a substitute, not the lesson's teacher. */
function applyReplace(l: DesiredLesson, c: PlanChange, subs: readonly PlanSubstitution[]): void {
  if (c.subjectId !== null) l.subjectId = c.subjectId;
  if (c.roomId !== null) l.roomId = c.roomId;
  if (c.teacherId !== null) {
    const sub = substitutionFor(subs, l);
    if (!(sub && sub.substituteId === c.teacherId)) l.teacherId = c.teacherId;
  }
}

function entryChanges(changes: readonly PlanChange[], entry: PlanEntry, date: Date): PlanChange[] {
  return changes.filter(
    (c) =>
      c.classId === entry.classId &&
      c.date.getTime() === date.getTime() &&
      (c.entryId === entry.id || (c.entryId === null && c.bellNumber === entry.bellNumber && c.kind === "CANCEL")),
  );
}

/** The lessons a period should hold, sorted by date, class and bell. */
export function planLessons(input: PlanInput): DesiredLesson[] {
  const { from, to, entries, changes, substitutions: subs, holidays, gradeOf } = input;
  const out: DesiredLesson[] = [];
  const byWeekday = new Map<number, PlanEntry[]>();
  for (const e of entries) byWeekday.set(e.weekday, [...(byWeekday.get(e.weekday) ?? []), e]);

  for (const date of datesBetween(from, to)) {
    for (const entry of byWeekday.get(isoWeekday(date)) ?? []) {
      if (!within(date, entry.validFrom, entry.validTo)) continue;
      if (isHoliday(holidays, date, gradeOf.get(entry.classId))) continue;
      const own = entryChanges(changes, entry, date);
      if (own.some((c) => c.kind === "MOVE")) continue; // the lesson happens on its new date
      const lesson = fromEntry(entry, date, entry.bellNumber);
      for (const c of own) {
        if (c.kind === "CANCEL") lesson.status = "CANCELLED";
        if (c.kind === "REPLACE") applyReplace(lesson, c, subs);
      }
      out.push(lesson);
    }
  }
  const entryById = new Map(entries.map((e) => [e.id, e]));
  for (const c of changes) {
    if (c.kind === "MOVE" && c.entryId !== null) {
      const entry = entryById.get(c.entryId);
      const target = c.toDate ?? c.date;
      if (!entry || !within(target, from, to)) continue;
      const lesson = fromEntry(entry, target, c.bellNumber ?? entry.bellNumber);
      if (c.roomId !== null) lesson.roomId = c.roomId;
      if (c.teacherId !== null) applyReplace(lesson, { ...c, subjectId: null, roomId: null }, subs);
      out.push(lesson);
    }
    if (
      c.kind === "ADD" &&
      c.subjectId !== null &&
      c.teacherId !== null &&
      c.bellNumber !== null &&
      within(c.date, from, to)
    ) {
      out.push({
        classId: c.classId,
        subgroupId: null,
        subjectId: c.subjectId,
        teacherId: c.teacherId,
        substituteId: null,
        substitutionId: null,
        entryId: null,
        roomId: c.roomId,
        date: c.date,
        bellNumber: c.bellNumber,
        hours: input.defaultHours,
        status: "SCHEDULED",
      });
    }
  }
  for (const l of out) {
    const sub = l.status === "SCHEDULED" ? substitutionFor(subs, l) : undefined;
    l.substituteId = sub?.substituteId ?? null;
    l.substitutionId = sub?.id ?? null;
  }
  // One lesson per key: a later change wins over the template.
  const unique = new Map<string, DesiredLesson>();
  for (const l of out) unique.set(lessonKey(l), l);
  return [...unique.values()].sort(
    (a, b) =>
      a.date.getTime() - b.date.getTime() ||
      a.classId - b.classId ||
      a.bellNumber - b.bellNumber ||
      (a.subgroupId ?? 0) - (b.subgroupId ?? 0),
  );
}

export type ExistingLesson = Omit<DesiredLesson, "status"> & { id: number; status: string; holdsData: boolean };

export type LessonDiff = {
  create: DesiredLesson[];
  update: { id: number; data: DesiredLesson }[];
  remove: number[];
  /** Lessons that hold marks, attendance, a topic or homework and differ from the plan: kept as they are. */
  kept: { lesson: ExistingLesson; reason: "removed" | "changed" }[];
  unchanged: number;
};

const PLACEMENT: (keyof DesiredLesson)[] = ["teacherId", "entryId", "roomId", "hours", "status"];

function sameField(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/** Diffs desired lessons against the existing ones. Never deletes or changes the placement of a lesson that holds data (SCH-4); its substitute is still kept in step (SCH-3). */
export function diffLessons(desired: readonly DesiredLesson[], existing: readonly ExistingLesson[]): LessonDiff {
  const diff: LessonDiff = { create: [], update: [], remove: [], kept: [], unchanged: 0 };
  const byKey = new Map(existing.map((l) => [lessonKey(l), l]));
  for (const want of desired) {
    const have = byKey.get(lessonKey(want));
    if (!have) {
      diff.create.push(want);
      continue;
    }
    byKey.delete(lessonKey(want));
    const placementSame = PLACEMENT.every((f) => sameField(have[f as keyof ExistingLesson], want[f]));
    const subSame = have.substituteId === want.substituteId && have.substitutionId === want.substitutionId;
    if (placementSame && subSame) diff.unchanged += 1;
    else if (!have.holdsData) diff.update.push({ id: have.id, data: want });
    else {
      if (!subSame)
        diff.update.push({
          id: have.id,
          data: { ...desiredLesson(have), substituteId: want.substituteId, substitutionId: want.substitutionId },
        });
      if (!placementSame) diff.kept.push({ lesson: have, reason: "changed" });
      else diff.unchanged += subSame ? 1 : 0;
    }
  }
  for (const have of byKey.values()) {
    if (have.holdsData) diff.kept.push({ lesson: have, reason: "removed" });
    else diff.remove.push(have.id);
  }
  return diff;
}

/**
 * A lesson's own fields as the plan and the store hold them, nothing else (a stored lesson's id and
 * data flags dropped); a status other than CANCELLED reads as SCHEDULED.
 */
export function desiredLesson(l: Omit<DesiredLesson, "status"> & { status: string }): DesiredLesson {
  return {
    classId: l.classId,
    subgroupId: l.subgroupId,
    subjectId: l.subjectId,
    teacherId: l.teacherId,
    substituteId: l.substituteId,
    substitutionId: l.substitutionId,
    entryId: l.entryId,
    roomId: l.roomId,
    date: l.date,
    bellNumber: l.bellNumber,
    hours: l.hours,
    status: l.status === "CANCELLED" ? "CANCELLED" : "SCHEDULED",
  };
}

/** The week (Monday…Sunday) around a date. */
export function weekOf(monday: Date): { from: Date; to: Date } {
  return { from: monday, to: addDays(monday, 6) };
}
