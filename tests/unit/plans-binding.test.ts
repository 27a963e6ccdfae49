// PLAN-3: topics fill the journal's lessons in order; typed topics are kept; plan homework only
// where a lesson has none.
import { describe, expect, it } from "vitest";
import { lessonChanges, nextLessonDate, placeTopics, type BindLesson, type BindTopic } from "@/lib/plans/binding";

const d = (n: number) => new Date(Date.UTC(2026, 8, n));
const lesson = (id: number, extra: Partial<BindLesson> = {}): BindLesson => ({
  id,
  date: d(id),
  hours: 1,
  cancelled: false,
  topic: null,
  planTopicId: null,
  hasHomework: false,
  ...extra,
});
const topic = (id: number, hours = 1, homework: string | null = null): BindTopic => ({
  id,
  position: id,
  title: `Тема ${id}`,
  hours,
  homework,
});

describe("placing topics (PLAN-3)", () => {
  it("puts topics on lessons in order and skips cancelled lessons", () => {
    const p = placeTopics([topic(1), topic(2)], [lesson(1), lesson(2, { cancelled: true }), lesson(3), lesson(4)]);
    expect(p).toEqual([
      { lessonId: 1, topicIds: [1] },
      { lessonId: 2, topicIds: [] },
      { lessonId: 3, topicIds: [2] },
      { lessonId: 4, topicIds: [] },
    ]);
  });
  it("spreads a 2-hour topic over two lessons and merges two half-hour topics into one", () => {
    const p = placeTopics(
      [topic(1, 2), topic(2, 0.5), topic(3, 0.5), topic(4)],
      [lesson(1), lesson(2), lesson(3), lesson(4)],
    );
    expect(p.map((x) => x.topicIds)).toEqual([[1], [1], [2, 3], [4]]);
  });
  it("gives one college pair (2 hours) two 1-hour topics", () => {
    expect(placeTopics([topic(1), topic(2)], [lesson(1, { hours: 2 })])[0].topicIds).toEqual([1, 2]);
  });
});

describe("lesson changes (PLAN-3, JRN-7)", () => {
  const topics = [topic(1, 1, "№ 1"), topic(2, 1, "№ 2")];
  const none = () => null;
  it("writes the plan's title into empty lessons and keeps a topic the teacher typed", () => {
    const lessons = [lesson(1), lesson(2, { topic: "Своя тема" })];
    const changes = lessonChanges(lessons, placeTopics(topics, lessons), topics, {
      autoHomework: false,
      previousTitle: none,
    });
    expect(changes).toEqual([
      { lessonId: 1, planTopicId: 1, topic: "Тема 1", keptTyped: null, homework: null },
      { lessonId: 2, planTopicId: 2, topic: undefined, keptTyped: "Своя тема", homework: null },
    ]);
  });
  it("replaces text the plan put there before when the binding moves", () => {
    const lessons = [lesson(1, { topic: "Старая тема", planTopicId: 9 })];
    const changes = lessonChanges(lessons, [{ lessonId: 1, topicIds: [2] }], topics, {
      autoHomework: false,
      previousTitle: () => "Старая тема",
    });
    expect(changes[0]).toMatchObject({ planTopicId: 2, topic: "Тема 2", keptTyped: null });
  });
  it("adds plan homework only with autoHomework and only to lessons without homework", () => {
    const lessons = [lesson(1), lesson(2, { hasHomework: true })];
    const on = lessonChanges(lessons, placeTopics(topics, lessons), topics, {
      autoHomework: true,
      previousTitle: none,
    });
    expect(on.map((c) => c.homework)).toEqual(["№ 1", null]);
    const off = lessonChanges(lessons, placeTopics(topics, lessons), topics, {
      autoHomework: false,
      previousTitle: none,
    });
    expect(off.map((c) => c.homework)).toEqual([null, null]);
  });
  it("leaves out lessons already bound the same way", () => {
    const lessons = [lesson(1, { topic: "Тема 1", planTopicId: 1 })];
    expect(
      lessonChanges(lessons, placeTopics(topics, lessons), topics, {
        autoHomework: false,
        previousTitle: () => "Тема 1",
      }),
    ).toEqual([]);
  });
  it("dates plan homework to the next lesson that is not cancelled", () => {
    const lessons = [lesson(1), lesson(2, { cancelled: true }), lesson(3)];
    expect(nextLessonDate(lessons, 1)).toEqual(d(3));
    expect(nextLessonDate(lessons, 3)).toBeNull();
  });
});
