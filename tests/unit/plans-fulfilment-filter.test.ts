// PLAN-5's page (issue 22 item 7): a line's teachers from the loads, the filter by class, subject,
// teacher and «only lagging», the order by the lag, and the GET parameters' Russian refusals.
import { describe, expect, it } from "vitest";
import {
  filterFulfilment,
  lineTeachers,
  teachersOfLine,
  type FulfilmentLine,
  type LineTeacher,
} from "@/lib/plans/rules";
import { createChoiceQuery, fulfilmentQuery, sectionsQuery } from "@/lib/plans/schema";

const line = (classId: number, subjectId: number, subgroupId: number | null, difference: number): FulfilmentLine => ({
  classId,
  className: `${classId}А`,
  subjectId,
  subjectName: `предмет ${subjectId}`,
  subgroupId,
  subgroupName: subgroupId === null ? null : `группа ${subgroupId}`,
  yearHours: 102,
  planned: 30,
  given: 30 + difference,
  difference,
  lagging: difference < -3,
});

const LOADS: LineTeacher[] = [
  { classId: 1, subjectId: 10, subgroupId: null, teacherId: 7, teacherName: "Петрова А. А." },
  { classId: 1, subjectId: 11, subgroupId: 101, teacherId: 8, teacherName: "Смирнов Б. Б." },
  { classId: 1, subjectId: 11, subgroupId: 102, teacherId: 9, teacherName: "Ёлкина В. В." },
  { classId: 2, subjectId: 10, subgroupId: null, teacherId: 8, teacherName: "Смирнов Б. Б." },
  { classId: 2, subjectId: 10, subgroupId: 201, teacherId: 8, teacherName: "Смирнов Б. Б." },
];

const LINES = [
  line(1, 10, null, 0),
  line(1, 11, 101, -5),
  line(1, 11, 102, -1),
  line(2, 10, null, -8),
  line(2, 12, null, -5),
];

describe("a fulfilment line's teachers", () => {
  it("a subgroup's stream: that subgroup's teacher; a whole-class line: every load of the pair, each once, by name", () => {
    expect(teachersOfLine(LINES[1], LOADS)).toEqual([{ id: 8, name: "Смирнов Б. Б." }]);
    expect(teachersOfLine(LINES[2], LOADS)).toEqual([{ id: 9, name: "Ёлкина В. В." }]);
    expect(teachersOfLine(line(1, 11, null, 0), LOADS)).toEqual([
      { id: 9, name: "Ёлкина В. В." },
      { id: 8, name: "Смирнов Б. Б." },
    ]);
    expect(teachersOfLine(LINES[3], LOADS)).toEqual([{ id: 8, name: "Смирнов Б. Б." }]);
    // A load of the whole class covers its subgroups' streams.
    expect(teachersOfLine(line(1, 10, 103, 0), LOADS)).toEqual([{ id: 7, name: "Петрова А. А." }]);
    expect(teachersOfLine(LINES[4], LOADS)).toEqual([]);
  });
  it("indexed for many lines: the same teachers as the scan, line by line", () => {
    const of = lineTeachers(LOADS);
    for (const l of [...LINES, line(1, 11, null, 0), line(1, 10, 103, 0), line(3, 10, null, 0)])
      expect(of(l)).toEqual(teachersOfLine(l, LOADS));
  });
});

describe("the fulfilment filter", () => {
  const teachers = (l: FulfilmentLine) => teachersOfLine(l, LOADS);
  const keys = (ls: FulfilmentLine[]) => ls.map((l) => `${l.classId}:${l.subjectId}:${l.subgroupId ?? "-"}`);

  it("no filter: every line in the report's order", () => {
    expect(filterFulfilment(LINES, {}, teachers)).toEqual(LINES);
  });
  it("by class, subject, teacher and «only lagging», together", () => {
    expect(keys(filterFulfilment(LINES, { classId: 1 }, teachers))).toEqual(["1:10:-", "1:11:101", "1:11:102"]);
    expect(keys(filterFulfilment(LINES, { subjectId: 10 }, teachers))).toEqual(["1:10:-", "2:10:-"]);
    expect(keys(filterFulfilment(LINES, { teacherId: 8 }, teachers))).toEqual(["1:11:101", "2:10:-"]);
    expect(keys(filterFulfilment(LINES, { onlyLagging: true }, teachers))).toEqual(["1:11:101", "2:10:-", "2:12:-"]);
    expect(keys(filterFulfilment(LINES, { classId: 1, onlyLagging: true, teacherId: 8 }, teachers))).toEqual([
      "1:11:101",
    ]);
    expect(filterFulfilment(LINES, { classId: 3 }, teachers)).toEqual([]);
  });
  it("by the lag: the furthest behind first, equal lags in the report's order", () => {
    expect(keys(filterFulfilment(LINES, { sort: "lag" }, teachers))).toEqual([
      "2:10:-",
      "1:11:101",
      "2:12:-",
      "1:11:102",
      "1:10:-",
    ]);
    expect(keys(filterFulfilment(LINES, { sort: "class" }, teachers))).toEqual(keys(LINES));
  });
});

describe("the pages' GET parameters", () => {
  it("blank is «any»; good values pass as numbers", () => {
    expect(fulfilmentQuery.parse({})).toEqual({});
    expect(fulfilmentQuery.parse({ class: "", subject: "", teacher: "", lagging: "", sort: "" })).toEqual({});
    expect(fulfilmentQuery.parse({ class: "5", subject: "7", teacher: "9", lagging: "1", sort: "lag" })).toEqual({
      class: 5,
      subject: 7,
      teacher: 9,
      lagging: "1",
      sort: "lag",
    });
    expect(createChoiceQuery.parse({ class: "12" })).toEqual({ class: 12 });
  });
  it("a bad value is refused with a Russian message naming the field", () => {
    const message = (raw: Record<string, string>) => {
      const r = fulfilmentQuery.safeParse(raw);
      return r.success ? null : r.error.issues.map((i) => i.message);
    };
    expect(message({ class: "abc" })).toEqual(["Класс в фильтре указан неверно"]);
    expect(message({ subject: "-3" })).toEqual(["Предмет в фильтре указан неверно"]);
    expect(message({ teacher: "1.5" })).toEqual(["Учитель в фильтре указан неверно"]);
    expect(message({ lagging: "yes" })).toEqual(["Отметка «только отстающие» указана неверно"]);
    expect(message({ sort: "name" })).toEqual(["Порядок строк указан неверно: по классам или по отставанию"]);
    expect(createChoiceQuery.safeParse({ class: "x" }).error?.issues[0].message).toBe("Класс указан неверно");
    expect(sectionsQuery.safeParse({ class: "1", subject: null }).error?.issues[0].message).toBe(
      "Предмет указан неверно",
    );
  });
});
