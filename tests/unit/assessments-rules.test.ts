// PRG-4 pure rules: control works of approved КТП on their planned dates (placement over the
// stream's lessons), the one-a-day and 10 % warnings, and the changes since publication.
import { describe, expect, it } from "vitest";
import {
  allowedCount,
  assessmentsOfStream,
  buildSchedule,
  byWeek,
  changeText,
  hoursBySubject,
  parsePublished,
  publishedItems,
  withChanges,
  type PlanStream,
} from "@/lib/assessments/rules";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const period = { start: d("2026-09-01"), end: d("2026-10-31") };

/** A stream of one-hour lessons on the given dates. */
const lessons = (dates: string[], cancelled: string[] = []) =>
  dates.map((s, i) => ({ id: i + 1, date: d(s), hours: 1, cancelled: cancelled.includes(s) }));

const topic = (id: number, position: number, hours: number, controlKind: string | null = null) => ({
  id,
  position,
  title: `Тема ${id}`,
  hours,
  controlKind,
});

const stream = (over: Partial<PlanStream>): PlanStream => ({
  planId: 1,
  subjectId: 1,
  subjectName: "Алгебра",
  teacherName: "Иванова А. А.",
  topics: [],
  lessons: [],
  ...over,
});

describe("planned dates of control works (PRG-4)", () => {
  it("dates a control work by the lesson its topic falls on, skipping cancelled lessons", () => {
    const s = stream({
      topics: [topic(10, 1, 2), topic(11, 2, 1, "Контрольная работа"), topic(12, 3, 1, "Тест")],
      lessons: lessons(["2026-09-01", "2026-09-02", "2026-09-03", "2026-09-04", "2026-09-07"], ["2026-09-03"]),
    });
    const items = assessmentsOfStream(s);
    expect(items.map((i) => [i.topicId, i.kind, i.date?.toISOString().slice(0, 10)])).toEqual([
      [11, "Контрольная работа", "2026-09-04"],
      [12, "Тест", "2026-09-07"],
    ]);
  });

  it("moving the control work in the КТП moves its date", () => {
    const base = { lessons: lessons(["2026-09-01", "2026-09-02", "2026-09-03"]) };
    const before = assessmentsOfStream(stream({ ...base, topics: [topic(1, 1, 2), topic(2, 2, 1, "КР")] }));
    const after = assessmentsOfStream(stream({ ...base, topics: [topic(1, 2, 2), topic(2, 1, 1, "КР")] }));
    expect(before[0].date).toEqual(d("2026-09-03"));
    expect(after[0].date).toEqual(d("2026-09-01"));
  });

  it("a control work beyond the last lesson has no date and is warned about", () => {
    const s = stream({ topics: [topic(1, 1, 3), topic(2, 2, 1, "КР")], lessons: lessons(["2026-09-01"]) });
    const schedule = buildSchedule([s], new Map([[1, 1]]), period);
    expect(schedule.items).toEqual([]);
    expect(schedule.undated.map((u) => u.topicId)).toEqual([2]);
    expect(schedule.warnings.map((w) => w.kind)).toEqual(["undated"]);
  });
});

describe("warnings (PRG-4)", () => {
  // Algebra: 10 lessons in September, control works on the 2nd and 9th lesson; Russian: 30 lessons,
  // one control work on 2026-09-14 — the same day as algebra's second.
  const algebraDates = ["01", "02", "03", "04", "07", "08", "09", "10", "14", "15"].map((x) => `2026-09-${x}`);
  const algebra = stream({
    topics: [topic(1, 1, 1), topic(2, 2, 1, "КР"), topic(3, 3, 6), topic(4, 4, 1, "КР"), topic(5, 5, 1)],
    lessons: lessons(algebraDates),
  });
  const russianDates = Array.from({ length: 30 }, (_, i) => `2026-09-${String(i + 1).padStart(2, "0")}`);
  const russian = stream({
    planId: 2,
    subjectId: 2,
    subjectName: "Русский язык",
    topics: [topic(20, 1, 13), topic(21, 2, 1, "Диктант"), topic(22, 3, 16)],
    lessons: lessons(russianDates),
  });

  it("lists the assessments on their dates and flags two on one day and a subject above 10 %", () => {
    const hours = new Map([
      [1, 10],
      [2, 30],
    ]);
    const s = buildSchedule([algebra, russian], hours, period);
    expect(s.items.map((i) => [i.subjectName, i.date!.toISOString().slice(0, 10)])).toEqual([
      ["Алгебра", "2026-09-02"],
      ["Алгебра", "2026-09-14"],
      ["Русский язык", "2026-09-14"],
    ]);
    const day = s.warnings.filter((w) => w.kind === "day");
    expect(day).toHaveLength(1);
    expect(day[0].text).toContain("14.09.2026");
    const share = s.warnings.filter((w) => w.kind === "share");
    expect(share.map((w) => w.kind === "share" && [w.subject, w.count, w.hours])).toEqual([["Алгебра", 2, 10]]);
    expect(s.subjects).toEqual([
      { subjectId: 1, subject: "Алгебра", hours: 10, count: 2, allowed: 1 },
      { subjectId: 2, subject: "Русский язык", hours: 30, count: 1, allowed: 3 },
    ]);
  });

  it("within 10 % and one a day: no warnings", () => {
    const s = buildSchedule([algebra], new Map([[1, 20]]), period);
    expect(s.warnings).toEqual([]);
  });

  it("allows floor(10 %) of the hours", () => {
    expect([allowedCount(9), allowedCount(10), allowedCount(19.5), allowedCount(20), allowedCount(0)]).toEqual([
      0, 1, 1, 2, 0,
    ]);
  });

  it("subgroups' works of one subject on one day are one assessment", () => {
    const group2 = { ...algebra, planId: 3, topics: algebra.topics.map((t) => ({ ...t, id: t.id + 100 })) };
    const s = buildSchedule([algebra, group2], new Map([[1, 20]]), period);
    expect(s.items).toHaveLength(4);
    expect(s.subjects[0].count).toBe(2);
    expect(s.warnings).toEqual([]);
  });

  it("a period leaves out the works outside it", () => {
    const s = buildSchedule([algebra], new Map([[1, 10]]), { start: d("2026-09-10"), end: d("2026-09-30") });
    expect(s.items.map((i) => i.topicId)).toEqual([4]);
  });

  it("counts a subject's hours in the period once per date and bell, without cancelled lessons", () => {
    const h = hoursBySubject(
      [
        { subjectId: 1, date: d("2026-09-01"), bellNumber: 1, hours: 1, cancelled: false },
        { subjectId: 1, date: d("2026-09-01"), bellNumber: 1, hours: 1, cancelled: false },
        { subjectId: 1, date: d("2026-09-02"), bellNumber: 1, hours: 1, cancelled: true },
        { subjectId: 1, date: d("2026-11-02"), bellNumber: 1, hours: 1, cancelled: false },
        { subjectId: 2, date: d("2026-09-02"), bellNumber: 3, hours: 2, cancelled: false },
      ],
      period,
    );
    expect([...h.entries()]).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});

describe("publication (PRG-4)", () => {
  const s = stream({
    topics: [topic(1, 1, 1, "КР"), topic(2, 2, 1, "Тест")],
    lessons: lessons(["2026-09-01", "2026-09-02", "2026-09-03"]),
  });
  const items = assessmentsOfStream(s);

  it("without a publication nothing is marked", () => {
    expect(withChanges(items, null).map((i) => i.change)).toEqual([null, null]);
  });

  it("marks moved, added and removed works against the published version", () => {
    const published = publishedItems(items);
    const moved = assessmentsOfStream({ ...s, topics: [topic(9, 1, 1), topic(1, 2, 1, "КР"), topic(3, 3, 1, "КР")] });
    const shown = withChanges(moved, parsePublished(JSON.parse(JSON.stringify(published))));
    expect(shown.map((i) => [i.topicId, changeText(i.change)])).toEqual([
      [1, "перенесена с 01.09.2026"],
      [2, "отменена"],
      [3, "добавлена после публикации"],
    ]);
  });

  it("an unchanged schedule shows no changes; a malformed snapshot reads as empty", () => {
    expect(withChanges(items, publishedItems(items)).every((i) => i.change === null)).toBe(true);
    expect(parsePublished({ not: "a list" })).toEqual([]);
    expect(parsePublished([{ topicId: "x" }])).toEqual([]);
  });

  it("groups the calendar by week", () => {
    const weeks = byWeek([{ date: d("2026-09-07") }, { date: d("2026-09-01") }, { date: d("2026-09-01") }]);
    expect(weeks.map((w) => [w.monday.toISOString().slice(0, 10), w.days.map((x) => x.items.length)])).toEqual([
      ["2026-08-31", [2]],
      ["2026-09-07", [1]],
    ]);
  });
});
