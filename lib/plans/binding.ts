// PLAN-3: topics of an approved plan fill the journal's lessons in order. Pure: which topic(s)
// each lesson gets, and what that changes in the lesson (topic text, homework) — the data layer
// writes it and records every change in the journal's history (JRN-7).
//
// A topic of h hours takes lessons until their hours reach h (a 2-hour topic spans two school
// lessons, one college pair); topics of half an hour share a lesson (its topic text joins them
// with «; »). Cancelled lessons get no topic. A lesson's topic is written only where it is empty
// or still the text the plan put there before; a topic the teacher typed is kept and reported.

export type BindTopic = { id: number; position: number; title: string; hours: number; homework: string | null };
export type BindLesson = {
  id: number;
  date: Date;
  hours: number;
  cancelled: boolean;
  topic: string | null;
  planTopicId: number | null;
  hasHomework: boolean;
};

/** What a binding did, for the teacher: lessons changed, homework added, own topics kept, closed lessons left. */
export type BindReport = {
  changed: number;
  homework: number;
  keptTyped: { lessonId: number; date: Date; topic: string }[];
  /** Lessons of a closed period or year (lib/journal/lock.ts, kind «plan»): left as they are (REC-1, REC-2). */
  locked?: { lessonId: number; date: Date; reason: string }[];
};

export type Placement = { lessonId: number; topicIds: number[] };

/** Lessons in date order (the caller sorts by date, bell) ↔ topics in position order. */
export function placeTopics(topics: readonly BindTopic[], lessons: readonly BindLesson[]): Placement[] {
  const ordered = [...topics].sort((a, b) => a.position - b.position);
  const out: Placement[] = [];
  let i = 0;
  let left = ordered[0]?.hours ?? 0;
  for (const lesson of lessons) {
    const ids: number[] = [];
    if (!lesson.cancelled) {
      let room = lesson.hours;
      while (room > 1e-9 && i < ordered.length) {
        if (!ids.includes(ordered[i].id)) ids.push(ordered[i].id);
        const take = Math.min(room, left);
        room -= take;
        left -= take;
        if (left <= 1e-9) {
          i++;
          left = ordered[i]?.hours ?? 0;
        }
      }
    }
    out.push({ lessonId: lesson.id, topicIds: ids });
  }
  return out;
}

export type LessonChange = {
  lessonId: number;
  planTopicId: number | null;
  /** New topic text, or undefined to keep the lesson's text. */
  topic: string | null | undefined;
  /** The teacher's own text kept although the plan says otherwise (reported to the teacher). */
  keptTyped: string | null;
  /** Homework from the plan to add (autoHomework, lesson without homework), else null. */
  homework: string | null;
};

export function titleOf(topicIds: readonly number[], byId: ReadonlyMap<number, BindTopic>): string | null {
  const titles = topicIds.map((id) => byId.get(id)?.title).filter((t): t is string => !!t);
  return titles.length ? titles.join("; ") : null;
}

function homeworkOf(topicIds: readonly number[], byId: ReadonlyMap<number, BindTopic>): string | null {
  const texts = [...new Set(topicIds.map((id) => byId.get(id)?.homework).filter((t): t is string => !!t))];
  return texts.length ? texts.join("; ") : null;
}

/**
 * What a placement changes in each lesson. `previousTitle(lesson)` is the text the plan had put
 * into the lesson before (its currently bound topic's title), so a re-binding replaces plan text
 * but never the teacher's own. Lessons whose binding and text stay the same are left out.
 */
export function lessonChanges(
  lessons: readonly BindLesson[],
  placements: readonly Placement[],
  topics: readonly BindTopic[],
  opts: { autoHomework: boolean; previousTitle: (lesson: BindLesson) => string | null },
): LessonChange[] {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const byLesson = new Map(lessons.map((l) => [l.id, l]));
  const out: LessonChange[] = [];
  for (const p of placements) {
    const lesson = byLesson.get(p.lessonId);
    if (!lesson) continue;
    const planTopicId = p.topicIds[0] ?? null;
    const title = titleOf(p.topicIds, byId);
    const current = lesson.topic?.trim() ? lesson.topic : null;
    const fromPlan = current === null || current === opts.previousTitle(lesson);
    let topic: string | null | undefined;
    let keptTyped: string | null = null;
    if (fromPlan) topic = current === title ? undefined : title;
    else if (current !== title) keptTyped = current;
    const homework =
      opts.autoHomework && !lesson.hasHomework && planTopicId !== null ? homeworkOf(p.topicIds, byId) : null;
    if (planTopicId === lesson.planTopicId && topic === undefined && homework === null && keptTyped === null) continue;
    out.push({ lessonId: lesson.id, planTopicId, topic, keptTyped, homework });
  }
  return out;
}

/** The due date of plan homework: the next lesson of the stream that is not cancelled, else none. */
export function nextLessonDate(lessons: readonly BindLesson[], lessonId: number): Date | null {
  const at = lessons.findIndex((l) => l.id === lessonId);
  for (let k = at + 1; at >= 0 && k < lessons.length; k++) if (!lessons[k].cancelled) return lessons[k].date;
  return null;
}
