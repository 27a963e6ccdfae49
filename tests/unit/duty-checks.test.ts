// Pure rules of issue 17: journal checks' due dates, levels and visibility (DUT-2) and the expected
// absence an empty attendance cell shows (DUT-4).
import { describe, expect, it } from "vitest";
import { addInterval, checkDue, levelsFor, sortDue, visibleDue } from "@/lib/control/checks/rules";
import { expectedOn, type ExpectedCell } from "@/lib/journal/grid";
import { settingsSchema } from "@/lib/org/schema";
import { fillRiskTemplate, RISK_TEMPLATE, riskReasons, type RiskSubject } from "@/lib/risk/rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("check intervals (DUT-2)", () => {
  it("adds a week, a month, a quarter and a half-year; a month's end falls to the shorter month's last day", () => {
    expect(iso(addInterval(day("2026-11-20"), "WEEK"))).toBe("2026-11-27");
    expect(iso(addInterval(day("2026-09-01"), "MONTH"))).toBe("2026-10-01");
    expect(iso(addInterval(day("2027-01-31"), "MONTH"))).toBe("2027-02-28");
    expect(iso(addInterval(day("2026-09-01"), "QUARTER"))).toBe("2026-12-01");
    expect(iso(addInterval(day("2026-09-01"), "HALF_YEAR"))).toBe("2027-03-01");
  });

  it("is due one interval after the last check or the year's start; overdue counts the days past", () => {
    const never = checkDue("CLASS_TEACHER", 1, null, day("2026-09-01"), "WEEK", day("2026-09-10"));
    expect(iso(never.due)).toBe("2026-09-08");
    expect(never.overdueDays).toBe(2);
    const checked = checkDue("CLASS_TEACHER", 1, day("2026-09-07"), day("2026-09-01"), "WEEK", day("2026-09-10"));
    expect(iso(checked.due)).toBe("2026-09-14");
    expect(checked.overdueDays).toBe(0);
  });

  it("sorts the most overdue first, then by the due date", () => {
    const rows = [
      checkDue("DEPUTY", 1, null, day("2026-09-01"), "HALF_YEAR", day("2026-11-20")),
      checkDue("CLASS_TEACHER", 2, null, day("2026-09-01"), "WEEK", day("2026-11-20")),
      checkDue("HEAD_OF_DEPT", 3, null, day("2026-09-01"), "MONTH", day("2026-11-20")),
    ];
    expect(sortDue(rows).map((r) => r.classId)).toEqual([2, 3, 1]);
  });
});

describe("who checks at which level (DUT-2)", () => {
  const ct = { roles: ["TEACHER"], classTeacherOf: [7], departmentClassIds: [] };
  const head = { roles: ["HEAD_OF_DEPT"], classTeacherOf: [], departmentClassIds: [7, 8] };
  const deputy = { roles: ["DEPUTY"], classTeacherOf: [], departmentClassIds: [] };
  const classes = [
    { id: 7, departmentId: 1, hasClassTeacher: true, hasHead: true },
    { id: 9, departmentId: null, hasClassTeacher: false, hasHead: false },
  ];

  it("records at the levels the actor holds for the class", () => {
    expect(levelsFor(ct, 7)).toEqual(["CLASS_TEACHER"]);
    expect(levelsFor(ct, 8)).toEqual([]);
    expect(levelsFor(head, 8)).toEqual(["HEAD_OF_DEPT"]);
    expect(levelsFor(deputy, 9)).toEqual(["DEPUTY"]);
  });

  it("sees their own level and the levels below, never above", () => {
    expect(visibleDue(ct, classes)).toEqual([{ level: "CLASS_TEACHER", classId: 7 }]);
    expect(visibleDue(head, classes)).toEqual([
      { level: "HEAD_OF_DEPT", classId: 7 },
      { level: "CLASS_TEACHER", classId: 7 },
    ]);
    expect(visibleDue(deputy, classes)).toEqual([
      { level: "DEPUTY", classId: 7 },
      { level: "HEAD_OF_DEPT", classId: 7 },
      { level: "CLASS_TEACHER", classId: 7 },
      { level: "DEPUTY", classId: 9 },
    ]);
  });
});

describe("an expected absence in an empty attendance cell (DUT-4)", () => {
  const list: ExpectedCell[] = [
    { studentId: 1, from: "2026-11-23", to: "2026-11-25", code: "UP", note: "родитель сообщил", pending: true },
    { studentId: 1, from: "2026-11-24", to: "2026-11-24", code: "B", note: "справка № 5", pending: false },
    { studentId: 2, from: "2026-11-20", to: "2026-11-20", code: "B", note: "справка № 6", pending: false },
  ];

  it("shows a recorded absence before a waiting notice, within the dates, for that student only", () => {
    expect(expectedOn(list, 1, "2026-11-23")?.code).toBe("UP");
    expect(expectedOn(list, 1, "2026-11-24")).toMatchObject({ code: "B", pending: false });
    expect(expectedOn(list, 1, "2026-11-25")).toMatchObject({ code: "UP", pending: true });
    expect(expectedOn(list, 1, "2026-11-26")).toBeNull();
    expect(expectedOn(list, 1, "2026-11-20")).toBeNull();
    expect(expectedOn(list, 2, "2026-11-20")?.note).toBe("справка № 6");
  });
});

describe("the duty settings of the organisation (DUT-1, DUT-2, DUT-5)", () => {
  const base = {
    minMark: "2",
    maxMark: "5",
    averagingMethod: "WEIGHTED",
    roundingThreshold: "0,5",
    lockDays: "7",
    finalsWarningDays: "3",
  };

  it("reads the deadline as a time of day, the check frequencies and the risk threshold", () => {
    const r = settingsSchema.parse({
      ...base,
      fillDeadlineMinutes: "15:30",
      checkEveryClassTeacher: "MONTH",
      checkEveryHeadOfDept: "MONTH",
      checkEveryDeputy: "QUARTER",
      riskAbsencePercent: "25",
    });
    expect(r).toMatchObject({
      fillDeadlineMinutes: 930,
      checkEveryClassTeacher: "MONTH",
      checkEveryDeputy: "QUARTER",
      riskAbsencePercent: 25,
    });
    // A form without these fields leaves them unchanged.
    const unchanged = settingsSchema.parse(base);
    expect(unchanged.fillDeadlineMinutes).toBeUndefined();
    expect(unchanged.checkEveryDeputy).toBeUndefined();
    expect(unchanged.riskAbsencePercent).toBeUndefined();
  });

  it("refuses a time that is not one and an unknown frequency, in Russian", () => {
    for (const bad of ["25:00", "16", "вечером", "05:00"]) {
      const r = settingsSchema.safeParse({ ...base, fillDeadlineMinutes: bad });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toMatch(/^Срок заполнения журнала/);
    }
    const f = settingsSchema.safeParse({ ...base, checkEveryDeputy: "DAILY" });
    expect(f.error?.issues[0].message).toBe("Периодичность проверки администрации: выберите из списка");
  });

  it("names the rounding threshold's bounds with a decimal comma, as the administrator types them (ORG-2)", () => {
    const r = settingsSchema.safeParse({ ...base, roundingThreshold: "1,5" });
    expect(r.error?.issues[0].message).toBe("Порог округления: от 0,01 до 0,99");
  });
});

describe("students at risk (DUT-5)", () => {
  const subject = (name: string, o: Partial<RiskSubject> = {}): RiskSubject => ({
    subjectName: name,
    riskFail: false,
    riskNotAttested: false,
    absences: 0,
    lessonsHeld: 10,
    ...o,
  });

  it("names the subjects with a forecast «2», the risk of «н/а» and absences from the threshold", () => {
    expect(riskReasons([subject("Алгебра"), subject("Физика")], 30)).toEqual([]);
    expect(
      riskReasons(
        [
          subject("Алгебра", { riskFail: true }),
          subject("Физика", { riskNotAttested: true }),
          subject("Химия", { riskFail: true, riskNotAttested: true }),
        ],
        30,
      ),
    ).toEqual(["прогноз «2» — Алгебра, Химия", "риск «н/а» — Физика"]);
    // 6 of 20 lessons = 30 %: at the threshold; 5 of 20 is below it.
    expect(riskReasons([subject("Алгебра", { absences: 3 }), subject("Физика", { absences: 3 })], 30)).toEqual([
      "пропущено 30 % уроков (6 из 20)",
    ]);
    expect(riskReasons([subject("Алгебра", { absences: 3 }), subject("Физика", { absences: 2 })], 30)).toEqual([]);
  });

  it("fills the editable template per student", () => {
    const text = fillRiskTemplate(RISK_TEMPLATE, "Иванов Иван", ["прогноз «2» — Алгебра", "риск «н/а» — Физика"]);
    expect(text).toContain("обучающегося Иванов Иван!");
    expect(text).toContain("результатов: прогноз «2» — Алгебра; риск «н/а» — Физика.");
    expect(fillRiskTemplate("Ученик {ученик}: {причины}", "Петров", [])).toBe("Ученик Петров: —");
  });
});
