import { describe, expect, it } from "vitest";
import {
  cellState,
  marksAllowed,
  parseAttendanceInput,
  parseMarkInput,
  reasonApplies,
  teacherMayChangeAttendance,
  type MembershipSpan,
} from "@/lib/journal/rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const numeric = { minMark: 2, maxMark: 5, passFail: false };

describe("typed mark input (JRN-3)", () => {
  it("accepts the organisation's scale and refuses marks outside it", () => {
    expect(parseMarkInput("5", numeric)).toEqual({ ok: true, value: { kind: "GRADE", value: 5, isHospital: false } });
    expect(parseMarkInput("1", numeric).ok).toBe(false);
    expect(parseMarkInput("1", { ...numeric, minMark: 1 }).ok).toBe(true);
    expect(parseMarkInput("6", numeric).ok).toBe(false);
    expect(parseMarkInput("пять", numeric).ok).toBe(false);
  });

  it("reads a hospital mark, the debt marker and н/а", () => {
    expect(parseMarkInput("4б", numeric)).toEqual({ ok: true, value: { kind: "GRADE", value: 4, isHospital: true } });
    expect(parseMarkInput("д", numeric)).toEqual({ ok: true, value: { kind: "DEBT", value: null, isHospital: false } });
    expect(parseMarkInput("l", numeric)).toEqual({ ok: true, value: { kind: "DEBT", value: null, isHospital: false } });
    expect(parseMarkInput("н/а", numeric)).toEqual({
      ok: true,
      value: { kind: "NOT_ATTESTED", value: null, isHospital: false },
    });
  });

  it("takes «зачёт/незачёт» only where the subject uses it", () => {
    const pf = { ...numeric, passFail: true };
    expect(parseMarkInput("з", pf)).toEqual({ ok: true, value: { kind: "PASS", value: null, isHospital: false } });
    expect(parseMarkInput("нз", pf)).toEqual({ ok: true, value: { kind: "FAIL", value: null, isHospital: false } });
    expect(parseMarkInput("5", pf).ok).toBe(false);
    expect(parseMarkInput("з", numeric).ok).toBe(false);
  });

  it("reads an empty cell as removing the mark", () => {
    expect(parseMarkInput("  ", numeric)).toEqual({ ok: true, value: null });
  });
});

describe("typed attendance input (JRN-4)", () => {
  const school = { college: false, lessonHours: 1 };
  it("accepts Н and ОП from the teacher, on either keyboard layout", () => {
    expect(parseAttendanceInput("н", school)).toEqual({ ok: true, value: { code: "N", missedHours: null } });
    expect(parseAttendanceInput("y", school)).toEqual({ ok: true, value: { code: "N", missedHours: null } });
    expect(parseAttendanceInput("оп", school)).toEqual({ ok: true, value: { code: "OP", missedHours: null } });
    expect(parseAttendanceInput("", school)).toEqual({ ok: true, value: null });
  });

  it("refuses reasons and any other code («осв» included)", () => {
    for (const code of ["уп", "нп", "б", "от", "осв", "x"]) expect(parseAttendanceInput(code, school).ok).toBe(false);
  });

  it("counts missed academic hours in a college", () => {
    const college = { college: true, lessonHours: 2 };
    expect(parseAttendanceInput("н", college)).toEqual({ ok: true, value: { code: "N", missedHours: 2 } });
    expect(parseAttendanceInput("н1", college)).toEqual({ ok: true, value: { code: "N", missedHours: 1 } });
    expect(parseAttendanceInput("н3", college).ok).toBe(false);
    expect(parseAttendanceInput("н1", school).ok).toBe(false);
  });

  it("lets the teacher set Н/ОП but never a reason; the class teacher's reason is not overwritten by «н»", () => {
    expect(teacherMayChangeAttendance(null, "N")).toBe(true);
    expect(teacherMayChangeAttendance("N", null)).toBe(true);
    expect(teacherMayChangeAttendance(null, "B")).toBe(false);
    expect(teacherMayChangeAttendance("B", "N")).toBe(false);
    expect(reasonApplies("N", "UP")).toBe(true);
    expect(reasonApplies("OP", "UP")).toBe(false);
    expect(reasonApplies("N", "OP")).toBe(false);
  });
});

describe("who has a cell (JRN-1, PPL-2, PPL-3)", () => {
  const spans: MembershipSpan[] = [
    { studentId: 1, startDate: d("2026-09-01"), endDate: d("2026-10-15"), educationForm: "FULL_TIME" },
    { studentId: 1, startDate: d("2026-10-16"), endDate: null, educationForm: "HOME" },
  ];
  it("gives a cell only inside the membership and not on home or family education", () => {
    expect(cellState(spans, d("2026-08-31"), null, new Set())).toBe("outside");
    expect(cellState(spans, d("2026-10-15"), null, new Set())).toBe("open");
    expect(cellState(spans, d("2026-10-16"), null, new Set())).toBe("form");
  });
  it("gives a subgroup lesson's cell only to the subgroup's members", () => {
    expect(cellState(spans, d("2026-09-10"), 7, new Set([8]))).toBe("outside");
    expect(cellState(spans, d("2026-09-10"), 7, new Set([7]))).toBe("open");
  });
  it("has no marks in the first grade of a school (JRN-10)", () => {
    expect(marksAllowed("SCHOOL", 1)).toBe(false);
    expect(marksAllowed("SCHOOL", 2)).toBe(true);
    expect(marksAllowed("COLLEGE", 1)).toBe(true);
  });
});
