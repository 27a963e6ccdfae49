// The new forms of issue 18 (PRN-6, PRN-7) against a hand-computed fixture: a college department
// with two groups (different specialties), two disciplines, one month (October) of lessons with
// absences by reason and discipline, semester finals — and a group of another department whose
// absences must not count. Every figure below is counted by hand from the rows this file writes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import JSZip from "jszip";
import { buildModel, buildReport } from "@/lib/reports/build";
import type { ReportRequest } from "@/lib/reports/schema";

/** A request without its format (distributed over the union). */
type Ask = ReportRequest extends infer R ? (R extends ReportRequest ? Omit<R, "format"> : never) : never;

const NOW = new Date("2026-12-20T12:00:00Z");
const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const f: Record<string, number> = {};

beforeAll(async () => {
  const region = await db.region.create({ data: { name: "Регион форм" } });
  const municipality = await db.municipality.create({ data: { regionId: region.id, name: "Округ форм" } });
  const org = await db.organisation.create({
    data: {
      regionId: region.id,
      municipalityId: municipality.id,
      kind: "COLLEGE",
      name: "Колледж форм",
      shortName: "Колледж",
      director: "Директоров Иван Петрович",
    },
  });
  const organisationId = (f.org = org.id);
  const year = await db.academicYear.create({
    data: { organisationId, name: "2026/2027", startDate: d("2026-09-01"), endDate: d("2027-06-30"), isCurrent: true },
  });
  const s1 = await db.period.create({
    data: {
      organisationId,
      yearId: year.id,
      kind: "SEMESTER",
      number: 1,
      name: "1 семестр",
      startDate: d("2026-09-01"),
      endDate: d("2026-12-31"),
    },
  });
  f.s1 = s1.id;
  const teacher = await db.user.create({
    data: {
      organisationId,
      login: "t",
      passwordHash: "x",
      lastName: "Преподавателева",
      firstName: "Анна",
      middleName: "Сергеевна",
    },
  });
  f.teacher = teacher.id;
  const dept = await db.department.create({ data: { organisationId, name: "ИТ", headId: teacher.id } });
  const other = await db.department.create({ data: { organisationId, name: "Механическое" } });
  f.dept = dept.id;
  const group = (name: string, specialtyCode: string, specialty: string, departmentId: number) =>
    db.classGroup.create({
      data: {
        organisationId,
        yearId: year.id,
        name,
        grade: 1,
        periodKind: "SEMESTER",
        specialtyCode,
        specialty,
        departmentId,
      },
    });
  const g1 = await group("ИС-11", "09.02.07", "Информационные системы и программирование", dept.id);
  const g2 = await group("СА-11", "09.02.06", "Сетевое и системное администрирование", dept.id);
  const g3 = await group("ТМ-11", "15.02.16", "Технология машиностроения", other.id);
  f.g1 = g1.id;
  const subject = (name: string, code: string) =>
    db.subject.create({ data: { organisationId, name, shortName: name.slice(0, 6), code, kind: "DISCIPLINE" } });
  const d1 = await subject("Информатика", "ОП.01");
  const d2 = await subject("Математика", "ЕН.01");
  f.d1 = d1.id;
  await db.curriculumItem.create({
    data: { organisationId, classId: g1.id, subjectId: d1.id, periodId: s1.id, hours: 32 },
  });
  const student = async (lastName: string, classId: number) => {
    const s = await db.student.create({
      data: { organisationId, lastName, firstName: "Студент", birthDate: d("2009-01-01") },
    });
    await db.classMembership.create({ data: { organisationId, studentId: s.id, classId, startDate: d("2026-09-01") } });
    return s.id;
  };
  const A = await student("Антонов", g1.id);
  const B = await student("Борисов", g1.id);
  const C = await student("Васильев", g2.id);
  const D = await student("Григорьев", g3.id);
  const lesson = (classId: number, subjectId: number, date: string) =>
    db.lesson.create({
      data: { organisationId, classId, subjectId, teacherId: teacher.id, date: d(date), bellNumber: 1, hours: 2 },
    });
  const g1d1 = await lesson(g1.id, d1.id, "2026-10-05");
  const g1d2 = await lesson(g1.id, d2.id, "2026-10-06");
  const g2d1 = await lesson(g2.id, d1.id, "2026-10-05");
  const g2d2 = await lesson(g2.id, d2.id, "2026-10-07");
  const g3d1 = await lesson(g3.id, d1.id, "2026-10-05");
  const absent = (lessonId: number, studentId: number, code: "N" | "UP" | "NP" | "B" | "OP", missedHours?: number) =>
    db.attendance.create({ data: { organisationId, lessonId, studentId, code, missedHours, updatedById: teacher.id } });
  await absent(g1d1.id, A, "UP", 2);
  await absent(g1d2.id, A, "B"); // the lesson's 2 hours
  await absent(g1d1.id, B, "NP", 1); // came for the second hour
  await absent(g1d2.id, B, "OP"); // late: no absence
  await absent(g2d1.id, C, "N", 2);
  await absent(g2d2.id, C, "B", 2);
  await absent(g3d1.id, D, "UP", 2); // another department
  const final = (
    studentId: number,
    classId: number,
    subjectId: number,
    value: number | null,
    special?: "NOT_ATTESTED",
  ) =>
    db.finalMark.create({
      data: {
        organisationId,
        studentId,
        classId,
        subjectId,
        kind: "PERIOD",
        periodId: s1.id,
        value,
        special,
        setById: teacher.id,
      },
    });
  await final(A, g1.id, d1.id, 5);
  await final(B, g1.id, d1.id, 3);
  await final(C, g2.id, d1.id, null, "NOT_ATTESTED");
  await final(A, g1.id, d2.id, 4);
  await final(B, g1.id, d2.id, 2);
  await final(C, g2.id, d2.id, 4);
  await final(D, g3.id, d1.id, 2);
}, 60_000);

const october = { from: d("2026-10-01"), to: d("2026-10-31") };
const model = async (req: Ask) => (await buildModel(f.org, { ...req, format: "pdf" } as ReportRequest, NOW))!;

describe("PRN-6 attendance forms on the hand-computed department", () => {
  it("«Посещаемость групп»: roll, hours missed by reason, per student, late; the total", async () => {
    const m = await model({ report: "attendance-groups", departmentId: f.dept, ...october });
    // [group, roll, missed, УП, Б, НП, Н/ОТ, per student, ОП]
    expect(m.rows).toEqual([
      ["ИС-11", 2, 5, 2, 2, 1, 0, 2.5, 1],
      ["СА-11", 1, 4, 0, 2, 0, 2, 4, 0],
    ]);
    expect(m.totals).toEqual([["Итого", 3, 9, 2, 4, 1, 2, 3, 1]]);
    expect(m.title).toBe("Посещаемость групп");
    expect(m.signatures?.map((s) => s.role)).toContain("Заведующий отделением");
  });

  it("«Сводная ведомость учёта посещаемости» by discipline: per group and discipline, missed and excused", async () => {
    const m = await model({ report: "attendance-sheet", departmentId: f.dept, by: "subject", ...october });
    expect(JSON.stringify(m.header)).toContain("ОП.01");
    // [group, ОП.01 всего, уваж., ЕН.01 всего, уваж., итого всего, уваж., без уваж.] — subjects in name order.
    const order = m.header.slice(1, 3).map((h) => h.label);
    const byName = (row: (string | number | null)[]) =>
      order[0].startsWith("ЕН") ? [row[0], row[3], row[4], row[1], row[2], ...row.slice(5)] : row;
    expect(m.rows.map(byName)).toEqual([
      ["ИС-11", 3, 2, 2, 2, 5, 4, 1],
      ["СА-11", 2, 0, 2, 2, 4, 2, 2],
    ]);
    expect(byName(m.totals[0])).toEqual(["Итого", 5, 2, 4, 4, 9, 6, 3]);
  });

  it("«Сводная ведомость» by month for one group: its students", async () => {
    const m = await model({ report: "attendance-sheet", classId: f.g1, by: "month", ...october });
    expect(m.rows).toEqual([
      [1, "Антонов Студент", 4, 4, 4, 4, 0],
      [2, "Борисов Студент", 1, 0, 1, 0, 1],
    ]);
    expect(m.totals).toEqual([[null, "Итого", 5, 4, 5, 4, 1]]);
  });

  it("«Итоги посещаемости по специальностям»: one row per specialty of the department", async () => {
    const m = await model({ report: "attendance-specialties", departmentId: f.dept, ...october });
    expect(m.rows).toEqual([
      ["09.02.06 Сетевое и системное администрирование", 1, 4, 0, 2, 0, 2, 4, 0],
      ["09.02.07 Информационные системы и программирование", 2, 5, 2, 2, 1, 0, 2.5, 1],
    ]);
    expect(m.totals[0].slice(1)).toEqual([3, 9, 2, 4, 1, 2, 3, 1]);
  });
});

describe("PRN-7 progress forms on the hand-computed department", () => {
  it("«Итоги успеваемости по учебной дисциплине»: per group the finals by mark and the figures", async () => {
    const m = await model({ report: "subject-progress", departmentId: f.dept, periodId: f.s1, subjectId: f.d1 });
    // [group, teacher, finals, 5, 4, 3, 2, н/а, зачёт, успев. %, кач. %, ср. балл]
    expect(m.rows).toEqual([
      ["ИС-11", "—", 2, 1, 0, 1, 0, 0, 0, 100, 50, 4],
      ["СА-11", "—", 1, 0, 0, 0, 0, 1, 0, 0, null, null],
    ]);
    expect(m.totals).toEqual([["Итого", "", 3, 1, 0, 1, 0, 1, 0, 66.7, 50, 4]]);
    expect(m.parameters[0].value).toBe("ОП.01 Информатика");
    // DAY-6, PRN-10: the form's name in the organisation's words, and in its file's name
    expect(m.title).toBe("Итоги успеваемости по дисциплине");
    expect(m.fileName).toMatch(/^Итоги успеваемости /);
  });

  it("«Итоги успеваемости по специальностям»: each student once by all finals", async () => {
    const m = await model({ report: "progress-specialties", departmentId: f.dept, periodId: f.s1 });
    // [specialty, roll, отл, хор, одна 3, неусп, н/а, без итоговых, успев. %, кач. %, ср.]
    expect(m.rows).toEqual([
      ["09.02.06 Сетевое и системное администрирование", 1, 0, 0, 0, 0, 1, 0, 0, 0, 4],
      ["09.02.07 Информационные системы и программирование", 2, 0, 1, 0, 1, 0, 0, 50, 50, 3.5],
    ]);
    expect(m.totals[0].slice(1)).toEqual([3, 0, 1, 0, 1, 1, 0, 33.3, 33.3, 3.6]);
  });

  it("«Отчёт преподавателя дисциплины»: hours planned and given, students, finals, hours missed", async () => {
    const m = await model({ report: "teacher-report", teacherId: f.teacher, periodId: f.s1 });
    const row = (name: string, subject: string) =>
      m.rows.find((r) => r[0] === name && String(r[1]).startsWith(subject));
    // [group, discipline, planned, given, students, finals, 5, 4, 3, 2, н/а, зачёт, успев., кач., ср., missed]
    expect(row("ИС-11", "ОП.01")).toEqual(["ИС-11", "ОП.01 Информатика", 32, 2, 2, 2, 1, 0, 1, 0, 0, 0, 100, 50, 4, 3]);
    expect(row("СА-11", "ЕН.01")).toEqual([
      "СА-11",
      "ЕН.01 Математика",
      null,
      2,
      1,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      100,
      100,
      4,
      2,
    ]);
    expect(m.rows).toHaveLength(5); // every group × discipline she gave: 2 + 2 + 1
    expect(m.signatures?.[0]).toEqual({ role: "Преподаватель", name: "Преподавателева А. С." });
  });
});

describe("PRN-8 many classes as one file per class", () => {
  it("RPT-3 for the department is a ZIP with one file per group under short names", async () => {
    const file = await buildReport(
      f.org,
      { report: "attendance", departmentId: f.dept, ...october, format: "pdf" },
      NOW,
    );
    expect(file!.contentType).toBe("application/zip");
    // PRN-10: file names drop quotes like every other report's (reportFileName).
    expect(file!.fileName).toBe("Посещаемость отделение ИТ.zip");
    const zip = await JSZip.loadAsync(file!.bytes);
    expect(Object.keys(zip.files).sort()).toEqual([
      "Посещаемость ИС-11 01.10.2026–31.10.2026 2026-27.pdf",
      "Посещаемость СА-11 01.10.2026–31.10.2026 2026-27.pdf",
    ]);
  });
});
