// SCH-4, DAY-1: the journal's columns — one lesson per timetable entry and school day of the
// whole study year, with the timetable changes and the substitution applied. Past lessons carry a
// topic and homework due at the stream's next lesson (JRN-2); about 3 % deliberately lack one.
// Today's and future lessons are empty (the teacher fills them), so the diary shows the coming
// weeks with the homework due.
import type { Calendar } from "./calendar";
import { addDays, at, diffDays, isoWeekday } from "./dates";
import type { OrgPlan, SubjectDef } from "./plan";
import type { Rng } from "./random";
import { homeworkText, lessonTopic, topicsFor, type TopicStyle } from "./topics";

export interface EntryRow {
  id: number;
  classId: number;
  className: string;
  grade: number;
  subgroupId: number | null;
  subgroup?: number;
  subjectKey: string;
  subjectId: number;
  teacherKey: string;
  teacherId: number;
  roomId: number | null;
  weekday: number;
  bell: number;
}

export interface LessonSpec {
  entry: EntryRow;
  date: Date;
  /** Index among the held lessons of its stream (class × subject × subgroup); −1 if cancelled. */
  n: number;
  stream: string;
  cancelled: boolean;
  teacherId: number;
  substituteId: number | null;
  substitutionId: number | null;
  roomId: number | null;
  topic: string | null;
  planTopicId: number | null;
  filledAt: Date | null;
  /** Days after the lesson on which the journal was filled (CTL-1 «позднее заполнение»). */
  lateDays: number;
  control: string | null;
  homework: { text: string; dueDate: Date; fromPlan: boolean } | null;
  id?: number;
}

export interface Changes {
  substitution?: { originalId: number; substituteId: number; dates: Date[]; id: number };
  cancel?: { entryId: number; date: Date };
  room?: { entryId: number; date: Date; roomId: number };
}

export interface PlanBinding {
  classId: number;
  subjectId: number;
  topics: Array<{ id: number; title: string; homework: string | null }>;
}

export const streamKey = (e: { classId: number; subjectId: number; subgroupId: number | null }): string =>
  `${e.classId}|${e.subjectId}|${e.subgroupId ?? 0}`;

/** Every 8th lesson of a stream is a control work (JRN-8) of the subject's kinds in turn. */
export function controlOf(subject: SubjectDef, n: number): string | null {
  if (n < 0 || n % 8 !== 7 || subject.controlTypes.length === 0) return null;
  return subject.controlTypes[Math.floor(n / 8) % subject.controlTypes.length];
}

const CONTROL_TITLE: Record<string, string> = {
  Проект: "Защита проекта",
  Зачёт: "Зачёт",
  "Практическая работа": "Практическая работа",
};

export function topicOf(
  plan: OrgPlan,
  subject: SubjectDef,
  grade: number,
  perWeek: number,
  n: number,
  college: boolean,
): string {
  const control = !college && grade === 1 ? null : controlOf(subject, n); // JRN-10: no marked works in the first grade
  const grades = plan.classes.filter((c) => c.subjects[subject.key]).map((c) => c.grade);
  const list = topicsFor(subject.key, grade, college, grades);
  const style: TopicStyle =
    subject.homework === "math"
      ? "math"
      : subject.homework === "pe"
        ? "pe"
        : subject.homework === "art"
          ? "art"
          : subject.humanities
            ? "humanities"
            : "general";
  return lessonTopic(list, n, perWeek * plan.weeks, control ? (CONTROL_TITLE[control] ?? control) : null, style);
}

export function buildLessons(
  plan: OrgPlan,
  cal: Calendar,
  today: Date,
  entries: EntryRow[],
  changes: Changes,
  rng: Rng,
  o: { college: boolean; binding?: PlanBinding; noTopic?: { entryId: number; date: Date } },
): LessonSpec[] {
  const subject = (key: string): SubjectDef => plan.subjects.find((s) => s.key === key)!;
  const byClass = new Map<number, EntryRow[]>();
  for (const e of entries) {
    const list = byClass.get(e.classId) ?? [];
    list.push(e);
    byClass.set(e.classId, list);
  }
  const all: Array<{ entry: EntryRow; date: Date }> = [];
  for (const [, list] of byClass) {
    for (const date of cal.schoolDays(list[0].grade)) {
      const wd = isoWeekday(date);
      for (const entry of list) if (entry.weekday === wd) all.push({ entry, date });
    }
  }
  all.sort(
    (a, b) =>
      a.date.getTime() - b.date.getTime() ||
      a.entry.bell - b.entry.bell ||
      a.entry.classId - b.entry.classId ||
      (a.entry.subgroupId ?? 0) - (b.entry.subgroupId ?? 0),
  );

  const same = (x: { entryId: number; date: Date } | undefined, e: EntryRow, d: Date): boolean =>
    !!x && x.entryId === e.id && x.date.getTime() === d.getTime();
  const counters = new Map<string, number>();
  const streamDates = new Map<string, Date[]>();
  const planned = all.map(({ entry, date }) => {
    const stream = streamKey(entry);
    const cancelled = same(changes.cancel, entry, date);
    let n = -1;
    if (!cancelled) {
      n = counters.get(stream) ?? 0;
      counters.set(stream, n + 1);
      const dates = streamDates.get(stream) ?? [];
      dates.push(date);
      streamDates.set(stream, dates);
    }
    return { entry, date, stream, cancelled, n };
  });

  const out: LessonSpec[] = [];
  for (const { entry, date, stream, cancelled, n } of planned) {
    const sub = changes.substitution;
    const substituted =
      !!sub && entry.teacherId === sub.originalId && sub.dates.some((d) => d.getTime() === date.getTime());
    const lesson: LessonSpec = {
      entry,
      date,
      n,
      stream,
      cancelled,
      teacherId: entry.teacherId,
      substituteId: substituted ? sub!.substituteId : null,
      substitutionId: substituted ? sub!.id : null,
      roomId: same(changes.room, entry, date) ? changes.room!.roomId : entry.roomId,
      topic: null,
      planTopicId: null,
      filledAt: null,
      lateDays: 0,
      control: null,
      homework: null,
    };
    out.push(lesson);
    if (cancelled || date.getTime() >= today.getTime()) continue;
    const s = subject(entry.subjectKey);
    const perWeek = plan.classes.find((c) => c.name === entry.className)!.subjects[entry.subjectKey];
    lesson.control = !o.college && entry.grade === 1 ? null : controlOf(s, n);
    const bound =
      o.binding && o.binding.classId === entry.classId && o.binding.subjectId === entry.subjectId
        ? o.binding.topics[n]
        : undefined;
    const forced = same(o.noTopic, entry, date);
    const late = rng.chance(0.02) && diffDays(date, today) > 10;
    lesson.lateDays = late ? rng.int(8, 10) : 0;
    if (!forced && (bound || !rng.chance(0.02))) {
      lesson.topic = bound?.title ?? topicOf(plan, s, entry.grade, perWeek, n, o.college);
      lesson.planTopicId = bound?.id ?? null;
      lesson.filledAt = at(addDays(date, lesson.lateDays), rng.int(13, 17), rng.int(0, 59));
    }
    const noHomework = forced || (entry.grade === 1 && !o.college) || rng.chance(lesson.topic ? 0.035 : 0.5);
    if (!noHomework) {
      const dates = streamDates.get(stream)!;
      lesson.homework = {
        text: bound?.homework ?? homeworkText(s.homework, n, rng),
        dueDate: dates[n + 1] ?? addDays(date, 7),
        fromPlan: !!bound?.homework,
      };
    }
  }
  return out;
}
