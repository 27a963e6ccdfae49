// REG-2 (+ REG-3's indicator) against PostgreSQL: three organisations of a territory and a fourth
// outside the list, each a journal fixture with its own finals, absences, journal fill, movement and
// ВПР results. Acceptance: every organisation's row of the territory report equals the figures the
// EXISTING organisation reports compute (RPT-2 buildProgressReport, RPT-3 buildAttendanceReport per
// class, CTL-1 journalFill and DUT-1 deadlineFigures, RPT-9 buildContingentReport, REG-3
// compareWithYearMarks), the territory's total is their sum with the shares recomputed, the
// organisation outside the list is never counted, and no person's name is anywhere in the model.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildTerritoryReport } from "@/lib/region/report";
import { territoryReportRequest } from "@/lib/region/schema";
import { buildAttendanceReport } from "@/lib/reports/attendance";
import { buildContingentReport } from "@/lib/reports/contingent";
import { reportScope } from "@/lib/reports/data";
import type { CellValue, ReportModel } from "@/lib/reports/model";
import { buildProgressReport } from "@/lib/reports/progress";
import { renderModel } from "@/lib/reports/build";
import { progressFigures, type FinalFact, type StudentFinals } from "@/lib/reports/rules";
import { signPlanOf } from "@/lib/reports/scope-rules";
import { journalFill } from "@/lib/control/report";
import { deadlineFigures } from "@/lib/control/deadline/report";
import { compareWithYearMarks } from "@/lib/external/rules";
import { resultsOf, yearMarksOf } from "@/lib/external/data";
import { addFinal, createJournalFixture, day, fillLesson, NOW, type JournalFixture } from "./journal-fixture";

type Final = number | FinalFact["special"];
const fact = (f: Final): FinalFact =>
  typeof f === "number" ? { value: f, special: null } : { value: null, special: f };

type Org = {
  f: JournalFixture;
  name: string;
  subjects: number[];
  /** The period whose finals the organisation's RPT-2 of the range reads (its classes' last period ending in it). */
  periodId: number;
  finals: StudentFinals[];
};

const inList: Org[] = [];
let outside: Org;

/** Finals of the 7А's roll at the period's end: s0…s4, «Выбывший» (left 10.11), «Надомник»; a list per student, one final per subject. */
const PLANS: Final[][][] = [
  [[5, 5, "PASS"], [5, 4, 4], [3, 4, 5], [2, 4, 4], ["NOT_ATTESTED", 3, 3], [4, 4, "EXEMPT"], []],
  [[3, 3, 4], [5, 5, 5], ["FAIL", 5, 5], [4, 4, 4], [], [5, 4, 3], [3, 3, 3]],
  [[4, 4, 4], [4, 5, 5], [2, 2, 3], [5, 5, 5], [3, 4, 4], [], ["NOT_ATTESTED", "NOT_ATTESTED", 5]],
  [
    [5, 5, 5],
    [5, 5, 5],
    [5, 5, 5],
    [5, 5, 5],
    [5, 5, 5],
    [5, 5, 5],
    [5, 5, 5],
  ],
];

async function makeOrg(i: number): Promise<Org> {
  const f = await createJournalFixture({ students: 5 });
  const organisationId = f.organisationId;
  const name = `Школа № ${i + 1}`;
  await db.organisation.update({ where: { id: organisationId }, data: { shortName: name } });
  const subjects = [f.subjectId];
  for (const s of ["Русский язык", "История"])
    subjects.push((await db.subject.create({ data: { organisationId, name: s, shortName: s.slice(0, 3) } })).id);
  // The second organisation keeps half-years: its period is the first half-year, ending 31.10.
  let periodId = f.q1;
  if (i === 1) {
    await db.classGroup.updateMany({ where: { organisationId }, data: { periodKind: "HALF_YEAR" } });
    const h1 = await db.period.create({
      data: {
        organisationId,
        yearId: f.yearId,
        kind: "HALF_YEAR",
        number: 1,
        name: "1 полугодие",
        startDate: day("2026-09-01"),
        endDate: day("2026-10-31"),
      },
    });
    periodId = h1.id;
  }
  // The third organisation is larger: three more pupils with «5» only (the rolls differ, so a mean of
  // the organisations' percentages would differ from the territory's share).
  const extra: number[] = [];
  for (let k = 0; i === 2 && k < 3; k++) {
    const s = await db.student.create({
      data: { organisationId, lastName: `Отличник${k}`, firstName: "Ян", birthDate: day("2013-01-01") },
    });
    await db.classMembership.create({
      data: { organisationId, studentId: s.id, classId: f.classId, startDate: day("2026-09-01") },
    });
    extra.push(s.id);
  }
  const roll = [...f.students, f.left, f.home, ...extra];
  const finals: StudentFinals[] = [];
  for (const [k, studentId] of roll.entries()) {
    const plan = PLANS[i][k] ?? [5, 5, 5];
    for (const [j, final] of plan.entries()) {
      const x = fact(final);
      await db.finalMark.create({
        data: {
          organisationId,
          studentId,
          classId: f.classId,
          subjectId: subjects[j],
          kind: "PERIOD",
          periodId,
          value: x.value,
          special: x.special,
          setById: f.users.teacher,
        },
      });
    }
    finals.push({ studentId, finals: plan.map(fact) });
  }
  // A final of the first grade (taught without marks) is left out of RPT-2.
  await db.finalMark.create({
    data: {
      organisationId,
      studentId: f.firstGrader,
      classId: f.firstClassId,
      subjectId: f.subjectId,
      kind: "PERIOD",
      periodId: f.q1,
      value: 2,
      setById: f.users.teacher,
    },
  });
  // Absences (RPT-3): codes by student; «Выбывший» is off the roll on the last day — not counted.
  const codes = [
    ["N", "UP", "B", "NP", "OP"],
    ["B", "B", "UP", "OT", "NP"],
    ["NP", "NP", "OP", "UP", "B"],
    ["B", "B", "B", "B", "B"],
  ][i] as ("N" | "UP" | "NP" | "B" | "OT" | "OP")[];
  const dates = ["2026-11-05", "2026-11-06", "2026-11-09", "2026-11-10", "2026-11-11"];
  for (const [k, code] of codes.entries())
    await db.attendance.create({
      data: {
        organisationId,
        lessonId: f.lesson(dates[k]),
        studentId: f.students[k],
        code,
        updatedById: f.users.teacher,
        updatedAt: new Date(`${dates[k]}T07:00:00Z`),
      },
    });
  await db.attendance.create({
    data: {
      organisationId,
      lessonId: f.lesson("2026-11-09"),
      studentId: f.left,
      code: "UP",
      updatedById: f.users.teacher,
    },
  });
  await db.attendance.create({
    data: {
      organisationId,
      lessonId: f.lesson("2026-11-17"),
      studentId: f.joined,
      code: "NP",
      missedHours: 1,
      updatedById: f.users.teacher,
    },
  });
  // Journal fill (CTL-1, DUT-1): lessons filled by 16:00 Samara (12:00 UTC) of their day or later.
  for (const [k, iso] of ["2026-11-05", "2026-11-06", "2026-11-09", "2026-11-10"].slice(0, 4 - i).entries()) {
    const lessonId = f.lesson(iso);
    const at = new Date(`${iso}T${k % 2 ? "15" : "09"}:00:00Z`);
    await fillLesson(f, lessonId, at, f.students.slice(0, 2 + i));
    if (!(await db.attendance.findFirst({ where: { organisationId, lessonId } })))
      await db.attendance.create({
        data: { organisationId, lessonId, studentId: f.home, code: "UP", updatedById: f.users.teacher, updatedAt: at },
      });
  }
  // Assignments without marks (DUT-1): due on a later lesson they leave that lesson unfilled (the
  // first organisation's 09.11, filled on time otherwise), not their own (05.11 stays on time); due
  // on their own lesson they leave it unfilled (the second organisation's 05.11).
  const due = async (setOn: string, dueOn: string) =>
    db.assignment.create({
      data: { organisationId, lessonId: f.lesson(setOn), typeId: f.types.test, dueDate: day(dueOn) },
    });
  if (i === 0) await Promise.all([due("2026-11-06", "2026-11-09"), due("2026-11-05", "2026-11-12")]);
  if (i === 1) await due("2026-11-05", "2026-11-05");
  // Movement (RPT-9): a transfer from 7А to 1А on 02.11, sexes for the roll.
  const moved = await db.student.create({
    data: { organisationId, lastName: "Переведённый", firstName: "Олег", birthDate: day("2013-01-01"), sex: "MALE" },
  });
  await db.classMembership.create({
    data: {
      organisationId,
      studentId: moved.id,
      classId: f.classId,
      startDate: day("2026-09-01"),
      endDate: day("2026-11-01"),
    },
  });
  await db.classMembership.create({
    data: { organisationId, studentId: moved.id, classId: f.firstClassId, startDate: day("2026-11-02") },
  });
  finals.push({ studentId: moved.id, finals: [] }); // on the 7А's roll at the period's end, without finals
  await db.student.updateMany({
    where: { organisationId, id: { in: f.students.slice(0, 2 + i) } },
    data: { sex: "FEMALE" },
  });
  // ВПР results (REG-3) against year marks of 4: marks 5, 4, 3, 2 and one without a year mark.
  for (const studentId of f.students.slice(0, 4)) await addFinal(f, studentId, "YEAR");
  for (const [k, studentId] of f.students.entries())
    await db.externalResult.create({
      data: {
        organisationId,
        yearId: f.yearId,
        exam: "VPR",
        subjectId: f.subjectId,
        studentId,
        classId: f.classId,
        primaryScore: 10,
        mark: [5, 4, 3 - (i % 2), 4, 3][k],
        taskScores: [],
        taskMax: [],
        importedById: f.users.deputy,
      },
    });
  return { f, name, subjects, periodId, finals };
}

const FROM_PROGRESS = day("2026-09-01");
const TO_PROGRESS = day("2026-11-20");
const FROM = day("2026-11-01");
const TO = day("2026-11-20");
const TERRITORY = "Городской округ Тестовый";

const report = (kind: "progress" | "attendance" | "fill" | "contingent", from = FROM, to = TO) =>
  buildTerritoryReport({
    territoryName: TERRITORY,
    organisationIds: inList.map((o) => o.f.organisationId),
    kind,
    from,
    to,
    now: NOW,
  });

/** An organisation's row of the model (by its name), without № and name. */
function rowOf(model: ReportModel, org: Org): CellValue[] {
  const row = model.rows.find((r) => r[1] === org.name);
  if (!row) throw new Error(`no row for ${org.name}`);
  return row.slice(2);
}
const totalOf = (model: ReportModel) => {
  expect(model.totals).toHaveLength(1);
  expect(model.totals[0][1]).toBe("Итого по территории");
  return model.totals[0].slice(2);
};
const num = (v: CellValue) => (typeof v === "number" ? v : 0);
const sumAt = (rows: CellValue[][], col: number) => rows.reduce((n, r) => n + num(r[col]), 0);

beforeAll(async () => {
  for (let i = 0; i < 3; i++) inList.push(await makeOrg(i));
  outside = await makeOrg(3);
}, 300_000);

describe("territory report (REG-2)", () => {
  it("progress: each organisation's row equals its RPT-2 total; the territory total sums the counts and recomputes the shares", async () => {
    const model = await report("progress", FROM_PROGRESS, TO_PROGRESS);
    const own: CellValue[][] = [];
    for (const org of inList) {
      const scope = await reportScope(org.f.organisationId);
      const period = scope.periods.find((p) => p.id === org.periodId)!;
      const rpt2 = await buildProgressReport({
        organisationId: org.f.organisationId,
        orgName: scope.orgName,
        isCollege: false,
        timeZone: scope.timeZone,
        scopeLabel: "вся организация",
        classes: scope.classes,
        period,
        periods: scope.periods,
        year: scope.year!,
        sign: signPlanOf({}),
        now: NOW,
      });
      const total = rpt2.totals.find((t) => t[0] === "Всего")!.slice(2);
      expect(rowOf(model, org).slice(0, 10)).toEqual(total);
      own.push(total);
    }
    const total = totalOf(model);
    // Counts: the sums of the organisations' RPT-2 counts (roll … without finals).
    for (let c = 0; c < 7; c++) expect(total[c]).toBe(sumAt(own, c));
    expect(total[0]).toBe(27);
    // Shares and the mean recomputed from all the students' finals (not a mean of percentages).
    const all = progressFigures(inList.flatMap((o) => o.finals));
    expect(total.slice(7, 10)).toEqual([all.successPercent, all.qualityPercent, all.averageMark]);
    const meanOfPercents = Math.round((sumAt(own, 7) / own.length) * 10) / 10;
    expect(all.successPercent).not.toBe(meanOfPercents);
  });

  it("progress: REG-3's objectivity indicator per organisation equals lib/external's comparison, summed for the territory", async () => {
    const model = await report("progress", FROM_PROGRESS, TO_PROGRESS);
    let compared = 0;
    let differing = 0;
    for (const org of inList) {
      const results = await resultsOf(org.f.organisationId, org.f.yearId, "VPR", org.f.subjectId);
      const years = await yearMarksOf(
        org.f.organisationId,
        org.f.yearId,
        org.f.subjectId,
        results.map((r) => r.studentId),
      );
      const cmp = compareWithYearMarks([org.f.classId], results, years).at(-1)!;
      const row = rowOf(model, org);
      expect(row.slice(10, 14)).toEqual([cmp.results, cmp.compared, cmp.lower, cmp.higher]);
      expect(row[14]).toBe(Math.round(cmp.differing! * 1000) / 10);
      compared += cmp.compared;
      differing += cmp.lower + cmp.higher;
    }
    const total = totalOf(model);
    expect(total[11]).toBe(compared);
    expect(total[14]).toBe(Math.round((differing / compared) * 1000) / 10);
  });

  it("attendance: each organisation's row equals the sum of its classes' RPT-3 totals", async () => {
    const model = await report("attendance");
    const own: CellValue[][] = [];
    for (const org of inList) {
      const scope = await reportScope(org.f.organisationId);
      const perClass = await Promise.all(
        scope.classes.map((cls) =>
          buildAttendanceReport({
            organisationId: org.f.organisationId,
            orgName: scope.orgName,
            isCollege: false,
            timeZone: scope.timeZone,
            cls,
            from: FROM,
            to: TO,
            year: scope.year!,
            now: NOW,
          }),
        ),
      );
      const rollAtEnd = perClass.reduce((n, m) => n + m.rows.length, 0);
      const sums = [1, 2, 3, 4, 5, 6].map((c) =>
        sumAt(
          perClass.map((m) => m.totals[0]),
          c,
        ),
      );
      const row = rowOf(model, org);
      expect(row.slice(0, 7)).toEqual([rollAtEnd, ...sums]);
      expect(sums[0]).toBeGreaterThan(0);
      own.push(row);
    }
    const total = totalOf(model);
    for (let c = 0; c < 7; c++) expect(total[c]).toBe(sumAt(own, c));
    expect(total[7]).toBe(Math.round((num(total[1]) / num(total[0])) * 100) / 100);
  });

  it("journal fill: each organisation's row equals CTL-1's totals and DUT-1's month share", async () => {
    const model = await report("fill");
    const own: CellValue[][] = [];
    for (const org of inList) {
      const ctl1 = await journalFill(org.f.organisationId, { from: FROM, to: TO }, NOW);
      const dut1 = await deadlineFigures(org.f.organisationId, { day: TO, classIds: null }, NOW);
      const row = rowOf(model, org);
      const month = dut1.totals.month;
      expect(row).toEqual([
        ctl1.totals.lessons,
        month.due,
        month.onTime,
        month.due ? Math.round((month.onTime / month.due) * 100) : null,
        ctl1.totals.noTopic,
        ctl1.totals.marks,
        ctl1.totals.density,
      ]);
      own.push(row);
    }
    expect(sumAt(own, 2)).toBeGreaterThan(0);
    const total = totalOf(model);
    for (const c of [0, 1, 2, 4, 5]) expect(total[c]).toBe(sumAt(own, c));
    expect(total[3]).toBe(Math.round((num(total[2]) / num(total[1])) * 100));
  });

  it("contingent: each organisation's row equals its RPT-9 total over all classes", async () => {
    const model = await report("contingent");
    const own: CellValue[][] = [];
    for (const org of inList) {
      const scope = await reportScope(org.f.organisationId);
      const rpt9 = await buildContingentReport({
        organisationId: org.f.organisationId,
        orgName: scope.orgName,
        isCollege: false,
        timeZone: scope.timeZone,
        scopeLabel: "вся организация",
        classes: scope.classes,
        allClasses: scope.classes,
        period: { id: 0, name: "интервал", kind: "QUARTER", startDate: FROM, endDate: TO },
        year: scope.year!,
        sign: signPlanOf({}),
        now: NOW,
      });
      const row = rowOf(model, org);
      expect(row.slice(0, 8)).toEqual(rpt9.totals[0].slice(2));
      expect(row[8]).toBe(2);
      own.push(row);
    }
    const total = totalOf(model);
    for (let c = 0; c < 9; c++) expect(total[c]).toBe(sumAt(own, c));
    expect(total[2]).toBe(3); // one transfer in per organisation
    expect(total[9]).toBe(Math.round((num(total[5]) / num(total[8])) * 100) / 100);
  });

  it("never counts an organisation outside the list, and no person's name is anywhere in the model", async () => {
    const lastNames = new Set<string>();
    for (const org of [...inList, outside]) {
      const [students, users] = await Promise.all([
        db.student.findMany({ where: { organisationId: org.f.organisationId }, select: { lastName: true } }),
        db.user.findMany({ where: { organisationId: org.f.organisationId }, select: { lastName: true } }),
      ]);
      for (const p of [...students, ...users]) lastNames.add(p.lastName);
    }
    expect(lastNames.size).toBeGreaterThan(10);
    for (const kind of ["progress", "attendance", "fill", "contingent"] as const) {
      const model = await report(kind, FROM_PROGRESS, TO);
      expect(model.rows.map((r) => r[1])).toEqual(inList.map((o) => o.name));
      const withOutside = await buildTerritoryReport({
        territoryName: TERRITORY,
        organisationIds: [...inList, outside].map((o) => o.f.organisationId),
        kind,
        from: FROM_PROGRESS,
        to: TO,
        now: NOW,
      });
      expect(withOutside.rows).toHaveLength(4);
      // The outside organisation's figures change the total when (and only when) it is listed.
      expect(totalOf(withOutside)[0]).toBeGreaterThan(num(totalOf(model)[0]));
      const text = [
        model.title,
        model.organisationName,
        ...model.parameters.flatMap((p) => [p.label, p.value]),
        ...model.notes,
        ...(model.signatures ?? []).map((s) => s.name),
        ...[...model.rows, ...model.totals].flat().map((c) => String(c ?? "")),
      ].join("\n");
      for (const name of lastNames) expect(text, `${kind}: ${name}`).not.toContain(name);
    }
  });

  it("renders to PDF and XLSX through the shared renderers", async () => {
    const model = await report("progress", FROM_PROGRESS, TO_PROGRESS);
    const pdf = await renderModel(model, "pdf", "Europe/Samara");
    const xlsx = await renderModel(model, "xlsx", "Europe/Samara");
    expect(pdf.bytes.subarray(0, 4).toString()).toBe("%PDF");
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
    expect(pdf.fileName).toMatch(/^Итоги успеваемости по территории Городской округ Тестовый/);
  });

  it("an empty list gives a report with a zero total and reads nothing", async () => {
    const model = await buildTerritoryReport({
      territoryName: TERRITORY,
      organisationIds: [],
      kind: "fill",
      from: FROM,
      to: TO,
      now: NOW,
    });
    expect(model.rows).toEqual([]);
    expect(totalOf(model).slice(0, 3)).toEqual([0, 0, 0]);
  });
});

describe("territoryReportRequest (REG-2)", () => {
  it("accepts a kind and a range, refuses bad input with Russian messages", () => {
    const ok = territoryReportRequest.safeParse({ kind: "fill", from: "2026-11-01", to: "2026-11-20" });
    expect(ok.success && ok.data.from.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    const bad = (raw: object) => {
      const r = territoryReportRequest.safeParse(raw);
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => i.message).join("; ");
    };
    expect(bad({ kind: "grades", from: "2026-11-01", to: "2026-11-20" })).toMatch(/Выберите отчёт/);
    expect(bad({ kind: "fill", from: "01.11.2026", to: "2026-11-20" })).toMatch(/ГГГГ-ММ-ДД/);
    expect(bad({ kind: "fill", from: "2026-11-21", to: "2026-11-20" })).toMatch(/позже/);
    expect(bad({ kind: "fill", from: "2025-01-01", to: "2026-11-20" })).toMatch(/не длиннее/);
    expect(bad({ kind: "fill", to: "2026-11-20" })).toMatch(/Укажите начало периода/);
  });
});
