// Hand-computed fixtures for the figures of RPT-1 (year decision), RPT-5, RPT-6, RPT-7, RPT-10
// and the printed journal RPT-12.
import { describe, expect, it } from "vitest";
import { daysInMonth, hoursGrid, preliminary, ratingRows, vkrFigures } from "@/lib/reports/rating-rules";
import { currentPeriodId, decisionLabel } from "@/lib/reports/rules";
import { cap, countOf, parallelName, subjectTitle, vocabulary } from "@/lib/org/vocabulary";
import {
  chunk,
  dateHeader,
  journalCell,
  journalParts,
  markText,
  partSections,
  type JournalFacts,
} from "@/lib/reports/journal-rules";
import { assertModel, type ReportModel } from "@/lib/reports/model";
import { admitsAll, classPeriod, groupsOf, pickClasses } from "@/lib/reports/scope-rules";
import { isArchiveRequest, parseReportRequest } from "@/lib/reports/schema";

const g = (studentId: number, value: number, weight = 1) => ({ studentId, kind: "GRADE" as const, value, weight });
const scale = { minMark: 2, maxMark: 5, roundingThreshold: 0.6 };

describe("«Решение педсовета» (RPT-1)", () => {
  it("reads as the council's wording", () => {
    expect(decisionLabel({ decision: "PROMOTED", toGrade: 8 }, false)).toBe("переведён в 8 класс");
    expect(decisionLabel({ decision: "CONDITIONAL", toGrade: 8 }, false)).toBe("переведён в 8 класс условно");
    expect(decisionLabel({ decision: "PROMOTED", toGrade: 3 }, true)).toBe("переведён на 3 курс");
    expect(decisionLabel({ decision: "REPEAT", toGrade: 7 }, false)).toBe("оставлен на повторное обучение");
    expect(decisionLabel({ decision: "LEFT", toGrade: null }, false)).toBe("выбыл");
    expect(decisionLabel({ decision: "GRADUATED", toGrade: null }, false)).toBe("окончил");
    expect(decisionLabel(undefined, false)).toBe("");
  });
});

describe("«Рейтинг успешности» (RPT-5)", () => {
  it("ranks by the shown average, equal averages share a place, no marks no place", () => {
    // 1: (5·1 + 4·2) / 3 = 4.333 → 4.33; 2: (5 + 4 + 4) / 3 = 4.33 (same place);
    // 3: 5 → 5.00 (first); 4: no grades, a «зачёт» only.
    const marks = [
      g(1, 5),
      g(1, 4, 2),
      g(2, 5),
      g(2, 4),
      g(2, 4),
      g(3, 5),
      { studentId: 4, kind: "PASS" as const, value: null, weight: 1 },
    ];
    const rows = ratingRows([1, 2, 3, 4], marks, "WEIGHTED");
    expect(rows.map((r) => [r.studentId, r.place, r.average])).toEqual([
      [3, 1, 5],
      [1, 2, 4.33],
      [2, 2, 4.33],
      [4, null, null],
    ]);
    expect(rows[2]).toMatchObject({ marks: 3, fives: 1, fours: 2, threes: 0, twos: 0 });
  });

  it("ignores weights under the plain method", () => {
    // (5 + 3) / 2 = 4 although the 3 weighs 3.
    expect(ratingRows([1], [g(1, 5), g(1, 3, 3)], "PLAIN")[0].average).toBe(4);
  });
});

describe("«Ведомость предварительной аттестации» (RPT-6)", () => {
  it("gives the month's average and the period's recommended mark", () => {
    // Month: 4 and 5 → 4.50. Period: 3, 3, 4, 5 → 3.75 → threshold 0.60 → 4.
    const month = [g(1, 4), g(1, 5)];
    const period = [g(1, 3), g(1, 3), ...month];
    expect(preliminary(month, period, "WEIGHTED", scale)).toEqual({ average: 4.5, predicted: 4 });
  });

  it("has no average in a month without marks but still a forecast", () => {
    expect(preliminary([], [g(1, 2), g(1, 3)], "WEIGHTED", scale)).toEqual({ average: null, predicted: 2 });
  });
});

describe("«Учёт часов» (RPT-7)", () => {
  it("sums hours per row and day", () => {
    const d = (day: number) => new Date(Date.UTC(2026, 9, day));
    const grid = hoursGrid(
      [
        { key: "7А", date: d(1), hours: 1 },
        { key: "7А", date: d(1), hours: 1 },
        { key: "7А", date: d(31), hours: 1.5 },
        { key: "8Б", date: d(2), hours: 2 },
      ],
      31,
    );
    expect(grid.get("7А")!.perDay[0]).toBe(2);
    expect(grid.get("7А")!.perDay[30]).toBe(1.5);
    expect(grid.get("7А")!.total).toBe(3.5);
    expect(grid.get("8Б")!.total).toBe(2);
  });

  it("knows the length of months", () => {
    expect(daysInMonth(new Date(Date.UTC(2026, 1, 1)))).toBe(28);
    expect(daysInMonth(new Date(Date.UTC(2028, 1, 1)))).toBe(29);
    expect(daysInMonth(new Date(Date.UTC(2026, 9, 1)))).toBe(31);
  });
});

describe("«Результаты защиты ВКР» (RPT-10)", () => {
  it("counts the defence figures", () => {
    // 5, 5, 4, 3, 2, н/а: defended 4 of 6 = 66.7 %; quality (5, 5, 4) 3 of 6 = 50 %; mean 19/5 = 3.8.
    const v = (value: number) => ({ value, special: null });
    expect(vkrFigures([v(5), v(5), v(4), v(3), v(2), { value: null, special: "NOT_ATTESTED" }])).toEqual({
      defended: 4,
      fives: 2,
      fours: 1,
      threes: 1,
      twos: 1,
      notAdmitted: 1,
      average: 3.8,
      qualityPercent: 50,
      successPercent: 66.7,
    });
  });
});

const day = (d: number) => new Date(Date.UTC(2026, 8, d));
const person = (lastName: string) => ({ lastName, firstName: "Иван", middleName: null });

function facts(lessons: number): JournalFacts {
  return {
    lessons: Array.from({ length: lessons }, (_, i) => ({
      id: i + 1,
      date: day(1 + i),
      bellNumber: 1,
      subjectId: 10,
      subgroupId: null,
      subgroupName: null,
      hours: 1,
      topic: `Тема ${i + 1}`,
      homework: i === 0 ? "§ 1" : "",
      teacher: person("Соколова"),
    })),
    marks: [
      { lessonId: 1, studentId: 1, kind: "GRADE", value: 5, isHospital: false },
      { lessonId: 1, studentId: 1, kind: "GRADE", value: 4, isHospital: true },
    ],
    attendance: [{ lessonId: 2, studentId: 2, code: "B" }],
    members: [
      { studentId: 1, start: day(1), end: null, name: person("Андреев") },
      // Came on the 3rd: the first two lessons are off the roll.
      { studentId: 2, start: day(3), end: null, name: person("Борисов") },
    ],
    subgroupMembers: [],
    subjects: [{ id: 10, name: "Алгебра", shortName: "Алг." }],
  };
}

describe("The printed journal (RPT-12)", () => {
  it("writes marks and attendance as the paper journal does", () => {
    expect(markText({ kind: "GRADE", value: 5, isHospital: true })).toBe("5б");
    expect(markText({ kind: "NOT_ATTESTED", value: null, isHospital: false })).toBe("н/а");
    expect(journalCell("N", ["3"])).toBe("н 3");
    expect(journalCell(undefined, [])).toBe("");
  });

  it("pages 30 lessons as 25 + 5 and heads dates by month", () => {
    expect(
      chunk(
        Array.from({ length: 30 }, (_, i) => i),
        25,
      ).map((c) => c.length),
    ).toEqual([25, 5]);
    expect(dateHeader([day(29), day(30), new Date(Date.UTC(2026, 9, 1))])).toEqual([
      { label: "сентябрь", children: [{ label: "29" }, { label: "30" }] },
      { label: "октябрь", children: [{ label: "01" }] },
    ]);
  });

  it("gives each page a grid and the lessons' topics, off-roll cells «—»", () => {
    const f = facts(3);
    const [part] = journalParts(f);
    expect(part).toMatchObject({ title: "Алгебра", teachers: "Соколова И.", hours: 3 });
    const [grid, topics] = partSections(part, f, 0);
    expect(grid.rows).toEqual([
      [1, "Андреев Иван", "5 4б", "", ""],
      [2, "Борисов Иван", "—", "—", ""],
    ]);
    expect(topics.rows[0]).toEqual(["01.09.2026", 1, 1, "Тема 1", "§ 1"]);
    const model = {
      header: [{ label: "x" }],
      columns: [{ kind: "text" }],
      rows: [],
      totals: [],
      sections: [grid, topics],
    } as unknown as ReportModel;
    expect(() => assertModel(model)).not.toThrow();
  });

  it("splits a long subject into pages of 25 lessons", () => {
    const f = facts(30);
    const sections = partSections(journalParts(f)[0], f, 0);
    expect(sections).toHaveLength(4);
    expect(sections[2].title).toContain("стр. 2 из 2");
    expect(sections[2].rows[0]).toHaveLength(2 + 5);
  });
});

describe("The printed journal's finals (RPT-12)", () => {
  const withFinals = (lessons: number): JournalFacts => ({
    ...facts(lessons),
    finals: [
      { studentId: 1, subjectId: 10, label: "1 четверть", order: "QUARTER:01", value: 5, special: null },
      { studentId: 2, subjectId: 10, label: "1 четверть", order: "QUARTER:01", value: null, special: "NOT_ATTESTED" },
      { studentId: 1, subjectId: 10, label: "Год", order: "~", value: 4, special: null },
    ],
  });

  it("end the last grid page with the period and year finals", () => {
    const f = withFinals(3);
    const [grid] = partSections(journalParts(f)[0], f, 0);
    expect(grid.header.slice(-2)).toEqual([{ label: "1 четверть" }, { label: "Год" }]);
    expect(grid.rows.map((r) => r.slice(-2))).toEqual([
      [5, 4],
      ["н/а", null],
    ]);
  });

  it("leave room for the finals: 25 lessons and two finals make pages of 24 and 1 (a final never stands alone)", () => {
    const f = withFinals(25);
    const grids = partSections(journalParts(f)[0], f, 0).filter((s) => s.title.includes("отметки"));
    expect(grids.map((g) => g.rows[0].length - 2)).toEqual([24, 1 + 2]);
  });

  it("place a period's final right after the period's last lesson, not at the end (PRN-9)", () => {
    const f = withFinals(6);
    f.finals = f.finals!.map((x) => (x.order === "QUARTER:01" ? { ...x, end: day(3) } : { ...x, end: null }));
    const [grid] = partSections(journalParts(f)[0], f, 0);
    const heads = grid.header.slice(2).map((h) => h.children?.map((c) => c.label).join(",") ?? h.label);
    expect(heads).toEqual(["01,02,03", "1 четверть", "04,05,06", "Год"]);
    expect(grid.rows[0].slice(2)).toEqual(["5 4б", "", "", 5, "", "", "", 4]);
  });
});

describe("Classes of a report over many classes (RPT-2, RPT-4, RPT-9, RPT-10)", () => {
  const cls = (id: number, grade: number, departmentId: number | null) => ({
    id,
    name: `${grade}-${id}`,
    grade,
    periodKind: "QUARTER",
    departmentId,
    specialty: null,
    specialtyCode: null,
  });
  const classes = [cls(1, 7, null), cls(2, 7, null), cls(3, 8, 5)];
  const departments = [{ id: 5, name: "ИТ" }];

  it("picks a class, a parallel, a department or everything", () => {
    expect(pickClasses(classes, { classId: 2 }, departments, false).classes.map((c) => c.id)).toEqual([2]);
    expect(pickClasses(classes, { grade: 7 }, departments, false)).toMatchObject({ label: "параллель 7-х классов" });
    expect(pickClasses(classes, { grade: 7 }, departments, false).classes.map((c) => c.id)).toEqual([1, 2]);
    expect(pickClasses(classes, { departmentId: 5 }, departments, true).label).toBe("отделение «ИТ»");
    expect(pickClasses(classes, {}, departments, false).classes).toHaveLength(3);
    expect(pickClasses(classes, { grade: 11 }, departments, false).classes).toHaveLength(0);
  });

  it("admits a set only when every class of it is in scope", () => {
    expect(admitsAll([1, 2], null)).toBe(true);
    expect(admitsAll([1, 2], new Set([1, 2, 3]))).toBe(true);
    expect(admitsAll([1, 2], new Set([1]))).toBe(false);
    expect(admitsAll([], null)).toBe(false);
  });

  it("reads the form's «grade:7» / «dept:5» and refuses two scopes at once", () => {
    const a = parseReportRequest("progress", new URLSearchParams("format=pdf&periodId=3&classId=grade:7"));
    expect(a.ok && a.data).toMatchObject({ grade: 7 });
    const b = parseReportRequest("occupancy", new URLSearchParams("format=pdf&date=2026-11-20&classId=dept:5"));
    expect(b.ok && b.data).toMatchObject({ departmentId: 5 });
    const c = parseReportRequest("progress", new URLSearchParams("format=pdf&periodId=3&classId=4&grade=7"));
    expect(c.ok).toBe(false);
    expect(parseReportRequest("toString", new URLSearchParams("format=pdf"))).toEqual({
      ok: false,
      message: "Неизвестный отчёт",
    });
    const d = parseReportRequest("preliminary", new URLSearchParams("format=pdf&classId=4&month=2026-13"));
    expect(d.ok ? "" : d.message).toContain("ГГГГ-ММ");
  });
});

describe("Each class's own period and the subtotal groups (PRN-8, PRN-10)", () => {
  const p = (id: number, kind: string, start: string, end: string) => ({
    id,
    name: `${kind} ${id}`,
    kind,
    startDate: new Date(`${start}T00:00:00Z`),
    endDate: new Date(`${end}T00:00:00Z`),
  });
  const periods = [
    p(1, "QUARTER", "2026-09-01", "2026-10-24"),
    p(2, "QUARTER", "2026-11-05", "2026-12-28"),
    p(3, "HALF_YEAR", "2026-09-01", "2026-12-28"),
    p(4, "HALF_YEAR", "2027-01-12", "2027-05-25"),
  ];

  it("gives a half-year class the half-year that holds the chosen quarter's end", () => {
    expect(classPeriod({ periodKind: "QUARTER" }, periods[1], periods)?.id).toBe(2);
    expect(classPeriod({ periodKind: "HALF_YEAR" }, periods[0], periods)?.id).toBe(3);
    expect(classPeriod({ periodKind: "HALF_YEAR" }, periods[1], periods)?.id).toBe(3);
    expect(classPeriod({ periodKind: "SEMESTER" }, periods[1], periods)).toBeNull();
  });

  it("preselects the period of the organisation's today, of the kind most classes use (PRN-10)", () => {
    const classes = [{ periodKind: "QUARTER" }, { periodKind: "QUARTER" }, { periodKind: "HALF_YEAR" }];
    expect(currentPeriodId(periods, classes, new Date("2026-12-10T00:00:00Z"))).toBe(2);
    // In the autumn holidays: the quarter that has just ended.
    expect(currentPeriodId(periods, classes, new Date("2026-10-30T00:00:00Z"))).toBe(1);
    expect(currentPeriodId([], classes, new Date("2026-12-10T00:00:00Z"))).toBeNull();
  });

  it("groups school classes by level and college groups by specialty; picks a specialty", () => {
    const c = (id: number, grade: number, specialtyCode: string | null = null) => ({
      id,
      name: `${grade}-${id}`,
      grade,
      periodKind: "QUARTER",
      departmentId: null,
      specialty: specialtyCode ? `Специальность ${specialtyCode}` : null,
      specialtyCode,
    });
    expect(groupsOf([c(1, 1), c(2, 4), c(3, 7), c(4, 11)], false).map((g) => [g.label, g.classes.length])).toEqual([
      ["1–4 классы", 2],
      ["5–9 классы", 1],
      ["10–11 классы", 1],
    ]);
    const college = [c(5, 1, "09.02.07"), c(6, 2, "09.02.07"), c(7, 1, "15.02.16")];
    expect(groupsOf(college, true).map((g) => g.classes.map((x) => x.id))).toEqual([[5, 6], [7]]);
    expect(pickClasses(college, { specialty: "09.02.07" }, [], true)).toMatchObject({
      label: "специальность 09.02.07 Специальность 09.02.07",
    });
    const parsed = parseReportRequest("progress", new URLSearchParams("format=pdf&periodId=3&classId=spec:09.02.07"));
    expect(parsed.ok && parsed.data).toMatchObject({ specialty: "09.02.07" });
  });
});

describe("The vocabulary by organisation type (PRN-3)", () => {
  it("says группа, студент, преподаватель, куратор, занятие, дисциплина, семестр in a college", () => {
    const v = vocabulary("COLLEGE");
    expect([
      v.class.nom,
      v.student.nom,
      v.teacher.nom,
      v.classTeacher.nom,
      v.lesson.nom,
      v.subject.nom,
      v.period.nom,
    ]).toEqual(["группа", "студент", "преподаватель", "куратор", "занятие", "дисциплина", "семестр"]);
    expect(vocabulary(false).classTeacher.gen).toBe("классного руководителя");
    expect(subjectTitle(v, { name: "Операционные системы", code: "ОП.01" })).toBe("ОП.01 Операционные системы");
    expect(subjectTitle(vocabulary("SCHOOL"), { name: "Алгебра", code: "X" })).toBe("Алгебра");
    expect([1, 2, 5, 11, 21, 22].map((n) => countOf(n, v.lesson))).toEqual([
      "1 занятие",
      "2 занятия",
      "5 занятий",
      "11 занятий",
      "21 занятие",
      "22 занятия",
    ]);
    expect(parallelName(v, 2)).toBe("2 курс");
    expect(cap(vocabulary(true).unit.genPl)).toBe("Часов");
  });
});

describe("The new forms' parameters are checked before anything is read (NFR-4)", () => {
  const parse = (report: string, q: string) => parseReportRequest(report, new URLSearchParams(q));
  it("refuses a bad breakdown, a bad specialty, a period longer than a year, a reversed range", () => {
    const bad = [
      parse("attendance-sheet", "format=pdf&from=2026-10-01&to=2026-10-31&by=week"),
      parse("attendance-groups", "format=pdf&from=2026-10-01&to=2026-10-31&classId=spec:<script>"),
      parse("attendance-groups", "format=pdf&from=2025-01-01&to=2026-10-31"),
      parse("attendance-specialties", "format=pdf&from=2026-10-31&to=2026-10-01"),
      parse("subject-progress", "format=pdf&periodId=1"),
      parse("teacher-report", "format=pdf&periodId=x"),
    ];
    expect(bad.map((r) => r.ok)).toEqual([false, false, false, false, false, false]);
    expect(bad.map((r) => (r.ok ? "" : r.message))).toEqual([
      "Разрез: по месяцам или по дисциплинам",
      "Неверная специальность",
      "Период длиннее учебного года",
      "Начало периода позже его конца",
      expect.stringContaining("Неверный номер"),
      expect.stringContaining("Неверный номер"),
    ]);
  });

  it("takes RPT-1, RPT-3 and RPT-12 without a class as a ZIP request (PRN-8)", () => {
    const r = parse("journal", "format=pdf&classId=grade:7");
    expect(r.ok && isArchiveRequest(r.data)).toBe(true);
    const one = parse("journal", "format=pdf&classId=5");
    expect(one.ok && isArchiveRequest(one.data)).toBe(false);
  });
});
