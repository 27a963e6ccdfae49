// PRG-4: the assessment schedule («единый график оценочных процедур») of a class for a period —
// pure rules, no I/O; `now` and the inputs come from the caller.
//
// Decisions:
// * An assessment is a topic of an APPROVED КТП (LessonPlan status APPROVED) whose «вид контроля»
//   is filled in (PRG-1's «Создать КТП» writes «Контрольная работа» there for each control work of
//   the programme; a teacher may type another kind: «Тест», «Диктант» …). Its type is that text.
// * Its planned date is the date of the first lesson the topic falls on when the КТП's topics are
//   laid over the plan's stream of lessons (the teacher's lessons of the subject in the class, in
//   date and bell order, cancelled ones skipped) — the same placement as the plan's binding
//   (lib/plans/binding.ts placeTopics). So moving a control work in the КТП (its position or the
//   hours before it) or a change of the timetable moves its date, and the schedule follows at once.
//   A topic beyond the last lesson has no date: listed as «без даты» and warned about.
// * A subject's hours in the period = the hours of the class's lessons of that subject in the
//   period that are not cancelled (a lesson split into subgroups counts once: one date and bell).
// * Warnings: a date with assessments of more than one subject in the class (two subgroups writing
//   the same subject's work on one day are one assessment for the class); a subject whose number
//   of assessments in the period is above 10 % of its hours there (20 hours allow 2, a third is
//   warned); an assessment without a date.
// * Publication: the deputy publishes a version (a snapshot of the items). Families see the
//   schedule only once a version is published, and then always the CURRENT dates from the КТП with
//   every difference from the published version marked («перенесена с …», «добавлена», «отменена»),
//   so a КТП date change reaches the families without waiting for a re-publication. The deputy sees
//   the same differences and «Опубликовать заново» to record a new version; re-publication is for
//   the record, not to make the change visible.

import { placeTopics } from "@/lib/plans/binding";
import { compareRu } from "@/lib/org/collation";
import { dateOnly, formatDate, isoDate, mondayOf } from "@/lib/org/time";

export const MAX_SHARE = 0.1;

export type StreamTopic = { id: number; position: number; title: string; hours: number; controlKind: string | null };
export type StreamLesson = { id: number; date: Date; hours: number; cancelled: boolean };

/** One approved КТП of the class: its topics and its stream of lessons (ordered by date, bell). */
export type PlanStream = {
  planId: number;
  subjectId: number;
  subjectName: string;
  teacherName: string;
  topics: readonly StreamTopic[];
  lessons: readonly StreamLesson[];
};

export type AssessmentItem = {
  topicId: number;
  planId: number;
  subjectId: number;
  subjectName: string;
  teacherName: string;
  title: string;
  kind: string;
  /** Null: the topic falls after the last lesson of the stream. */
  date: Date | null;
};

export const isAssessment = (t: { controlKind: string | null }): boolean => !!t.controlKind?.trim();

/** The control works of one approved КТП with their planned dates (the first lesson each falls on). */
export function assessmentsOfStream(stream: PlanStream): AssessmentItem[] {
  const placements = placeTopics(
    stream.topics.map((t) => ({ id: t.id, position: t.position, title: t.title, hours: t.hours, homework: null })),
    stream.lessons.map((l) => ({ ...l, topic: null, planTopicId: null, hasHomework: false })),
  );
  const firstDate = new Map<number, Date>();
  const dateOf = new Map(stream.lessons.map((l) => [l.id, l.date]));
  for (const p of placements)
    for (const id of p.topicIds) if (!firstDate.has(id)) firstDate.set(id, dateOf.get(p.lessonId)!);
  return [...stream.topics]
    .sort((a, b) => a.position - b.position)
    .filter(isAssessment)
    .map((t) => ({
      topicId: t.id,
      planId: stream.planId,
      subjectId: stream.subjectId,
      subjectName: stream.subjectName,
      teacherName: stream.teacherName,
      title: t.title,
      kind: t.controlKind!.trim(),
      date: firstDate.get(t.id) ?? null,
    }));
}

const iso = isoDate;
const inPeriod = (d: Date, p: { start: Date; end: Date }) => d.getTime() >= p.start.getTime() && d <= p.end;

/** The class's lessons in the period: hours per subject, a subgroup-split lesson (same date and bell) once. */
export function hoursBySubject(
  lessons: readonly { subjectId: number; date: Date; bellNumber: number; hours: number; cancelled: boolean }[],
  period: { start: Date; end: Date },
): Map<number, number> {
  const seen = new Set<string>();
  const out = new Map<number, number>();
  for (const l of lessons) {
    if (l.cancelled || !inPeriod(l.date, period)) continue;
    const key = `${l.subjectId}:${iso(l.date)}:${l.bellNumber}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.set(l.subjectId, Math.round(((out.get(l.subjectId) ?? 0) + l.hours) * 10) / 10);
  }
  return out;
}

export type ScheduleWarning =
  | { kind: "day"; date: Date; subjects: string[]; text: string }
  | { kind: "share"; subjectId: number; subject: string; count: number; hours: number; text: string }
  | { kind: "undated"; topicId: number; text: string };

export type SubjectLoad = { subjectId: number; subject: string; hours: number; count: number; allowed: number };

export type Schedule = {
  /** Dated items of the period, by date then subject. */
  items: AssessmentItem[];
  /** Items of the class's КТП that fall after the last lesson (no date). */
  undated: AssessmentItem[];
  subjects: SubjectLoad[];
  warnings: ScheduleWarning[];
};

const ddmmyyyy = formatDate;

/** How many assessments the subject's hours in the period allow (no more than 10 %). */
export const allowedCount = (hours: number): number => Math.floor(Math.round(hours * MAX_SHARE * 1000) / 1000);

/** PRG-4: the period's schedule of the class and its warnings. */
export function buildSchedule(
  streams: readonly PlanStream[],
  hours: ReadonlyMap<number, number>,
  period: { start: Date; end: Date },
): Schedule {
  const all = streams.flatMap(assessmentsOfStream);
  const items = all
    .filter((i): i is AssessmentItem & { date: Date } => i.date !== null && inPeriod(i.date, period))
    .sort((a, b) => a.date.getTime() - b.date.getTime() || compareRu(a.subjectName, b.subjectName));
  const undated = all.filter((i) => i.date === null);
  const warnings: ScheduleWarning[] = [];

  const byDay = new Map<string, { date: Date; subjects: Map<number, string> }>();
  for (const i of items) {
    const day = byDay.get(iso(i.date!)) ?? { date: i.date!, subjects: new Map<number, string>() };
    day.subjects.set(i.subjectId, i.subjectName);
    byDay.set(iso(i.date!), day);
  }
  for (const day of byDay.values())
    if (day.subjects.size > 1) {
      const subjects = [...day.subjects.values()];
      warnings.push({
        kind: "day",
        date: day.date,
        subjects,
        text: `${ddmmyyyy(day.date)}: ${subjects.length} оценочные процедуры в один день (${subjects.join(", ")}) — не больше одной в день`,
      });
    }

  const subjects = new Map<number, SubjectLoad>();
  for (const i of items) {
    // Subgroups' works of one subject on one day are one assessment of the class.
    const load = subjects.get(i.subjectId) ?? {
      subjectId: i.subjectId,
      subject: i.subjectName,
      hours: hours.get(i.subjectId) ?? 0,
      count: 0,
      allowed: allowedCount(hours.get(i.subjectId) ?? 0),
    };
    subjects.set(i.subjectId, load);
  }
  for (const load of subjects.values())
    load.count = new Set(items.filter((i) => i.subjectId === load.subjectId).map((i) => iso(i.date!))).size;
  const loads = [...subjects.values()].sort((a, b) => compareRu(a.subject, b.subject));
  for (const l of loads)
    if (l.count > l.allowed)
      warnings.push({
        kind: "share",
        subjectId: l.subjectId,
        subject: l.subject,
        count: l.count,
        hours: l.hours,
        text:
          l.hours > 0
            ? `${l.subject}: оценочных процедур — ${l.count} на ${l.hours} ч в периоде, больше 10 % (допустимо ${l.allowed})`
            : `${l.subject}: оценочных процедур — ${l.count}, а уроков в периоде нет`,
      });
  for (const u of undated)
    warnings.push({
      kind: "undated",
      topicId: u.topicId,
      text: `${u.subjectName}: «${u.title}» — не хватает уроков в расписании, дата не определена`,
    });
  return { items, undated, subjects: loads, warnings };
}

// ───────────────────────── publication ─────────────────────────

/** An item as stored in a published version (AssessmentPublication.items). */
export type PublishedItem = { topicId: number; subject: string; title: string; kind: string; date: string };

export function publishedItems(items: readonly AssessmentItem[]): PublishedItem[] {
  return items
    .filter((i) => i.date !== null)
    .map((i) => ({ topicId: i.topicId, subject: i.subjectName, title: i.title, kind: i.kind, date: iso(i.date!) }));
}

/** Reads a stored snapshot defensively (JSON from the database). */
export function parsePublished(json: unknown): PublishedItem[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (x): x is PublishedItem =>
      !!x &&
      typeof x === "object" &&
      typeof (x as PublishedItem).topicId === "number" &&
      typeof (x as PublishedItem).date === "string" &&
      typeof (x as PublishedItem).title === "string",
  );
}

export type ShownItem = {
  topicId: number;
  date: Date;
  subject: string;
  title: string;
  kind: string;
  teacherName: string | null;
  /** Against the published version: moved (from date), added after it, or removed from the КТП. */
  change: { kind: "moved"; from: Date } | { kind: "added" } | { kind: "removed" } | null;
};

/**
 * The current items with every difference from the published version marked; items removed from
 * the КТП since publication stay listed as «отменена». Without a publication nothing is marked.
 */
export function withChanges(items: readonly AssessmentItem[], published: readonly PublishedItem[] | null): ShownItem[] {
  const before = new Map((published ?? []).map((p) => [p.topicId, p]));
  const current = new Set(items.map((i) => i.topicId));
  const shown: ShownItem[] = items
    .filter((i) => i.date !== null)
    .map((i) => {
      const was = before.get(i.topicId);
      const change: ShownItem["change"] =
        published === null
          ? null
          : !was
            ? { kind: "added" }
            : was.date !== iso(i.date!)
              ? { kind: "moved", from: dateOnly(was.date) }
              : null;
      return {
        topicId: i.topicId,
        date: i.date!,
        subject: i.subjectName,
        title: i.title,
        kind: i.kind,
        teacherName: i.teacherName,
        change,
      };
    });
  for (const p of published ?? [])
    if (!current.has(p.topicId))
      shown.push({
        topicId: p.topicId,
        date: dateOnly(p.date),
        subject: p.subject,
        title: p.title,
        kind: p.kind,
        teacherName: null,
        change: { kind: "removed" },
      });
  return shown.sort((a, b) => a.date.getTime() - b.date.getTime() || compareRu(a.subject, b.subject));
}

export function changeText(change: ShownItem["change"]): string {
  if (!change) return "";
  if (change.kind === "moved") return `перенесена с ${ddmmyyyy(change.from)}`;
  return change.kind === "added" ? "добавлена после публикации" : "отменена";
}

/** The items grouped by ISO week's Monday, for the calendar view (weeks in order, days in order). */
export function byWeek<T extends { date: Date }>(
  items: readonly T[],
): { monday: Date; days: { date: Date; items: T[] }[] }[] {
  const weeks = new Map<string, { monday: Date; days: Map<string, { date: Date; items: T[] }> }>();
  for (const i of items) {
    const monday = mondayOf(i.date);
    const week = weeks.get(iso(monday)) ?? { monday, days: new Map() };
    const day = week.days.get(iso(i.date)) ?? { date: i.date, items: [] };
    day.items.push(i);
    week.days.set(iso(i.date), day);
    weeks.set(iso(monday), week);
  }
  return [...weeks.values()]
    .sort((a, b) => a.monday.getTime() - b.monday.getTime())
    .map((w) => ({ monday: w.monday, days: [...w.days.values()].sort((a, b) => a.date.getTime() - b.date.getTime()) }));
}
