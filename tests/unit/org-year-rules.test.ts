import { describe, expect, it } from "vitest";
import { graduatesByDefault, nextYearName, planStudents, plusYear, promotedName } from "@/lib/org/year/rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

describe("year transition rules (ORG-3, PPL-4)", () => {
  it("names the next year and shifts dates by a year, 29 February to 28 February", () => {
    expect(nextYearName("2026/2027")).toBe("2027/2028");
    expect(plusYear(d("2026-09-01"))).toEqual(d("2027-09-01"));
    expect(plusYear(d("2028-02-29"))).toEqual(d("2029-02-28"));
  });

  it("promotes 5А → 6А, 10Б → 11Б and a college group a course up (ИС-11 → ИС-21)", () => {
    expect(promotedName("5А", 5)).toBe("6А");
    expect(promotedName("10Б", 10)).toBe("11Б");
    expect(promotedName("9А", 9)).toBe("10А");
    expect(promotedName("ИС-11", 1)).toBe("ИС-21");
    expect(promotedName("Группа мастеров", 2)).toBe("Группа мастеров");
  });

  it("graduates the 11th grade of a school and the 4th course of a college by default", () => {
    expect(graduatesByDefault("SCHOOL", 11)).toBe(true);
    expect(graduatesByDefault("SCHOOL", 9)).toBe(false);
    expect(graduatesByDefault("COLLEGE", 4)).toBe(true);
  });

  it("decides per student: promotion, conditional promotion, repeat in the same class name, graduation", () => {
    const classes = [
      { classId: 1, name: "4А", grade: 4, graduates: false, nextName: "5А" },
      { classId: 2, name: "5А", grade: 5, graduates: false, nextName: "6А" },
      { classId: 3, name: "11А", grade: 11, graduates: true, nextName: null },
    ];
    const members = [
      { studentId: 10, membershipId: 100, classId: 2 },
      { studentId: 11, membershipId: 101, classId: 2 },
      { studentId: 12, membershipId: 102, classId: 2 },
      { studentId: 13, membershipId: 103, classId: 3 },
    ];
    const r = planStudents(
      classes,
      members,
      new Map([
        [11, "REPEAT"],
        [12, "CONDITIONAL"],
      ] as const),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.students.map((s) => [s.studentId, s.decision, s.toClassName])).toEqual([
      [10, "PROMOTED", "6А"],
      [11, "REPEAT", "5А"],
      [12, "CONDITIONAL", "6А"],
      [13, "GRADUATED", null],
    ]);
    expect(planStudents(classes, members, new Map([[13, "CONDITIONAL"]] as const))).toMatchObject({ ok: false });
    expect(planStudents(classes, members, new Map([[99, "REPEAT"]] as const))).toMatchObject({ ok: false });
  });
});
