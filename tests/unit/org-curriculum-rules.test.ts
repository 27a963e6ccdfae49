// Curriculum totals and the comparison with тарификация (ORG-6), by hand-computed fixtures.
import { describe, expect, it } from "vitest";
import { compareWithLoad, curriculumGrid, studyWeeks, type LoadItem, type PlanItem } from "@/lib/org/curriculum/rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

describe("curriculum totals per class and per period (ORG-6)", () => {
  it("sums hours per class × period, per class, per period and overall; rows without a period count as «год»", () => {
    const items: PlanItem[] = [
      { classId: 1, subjectId: 10, periodId: 100, hours: 80 },
      { classId: 1, subjectId: 11, periodId: 100, hours: 32.5 },
      { classId: 1, subjectId: 10, periodId: 101, hours: 96 },
      { classId: 2, subjectId: 10, periodId: null, hours: 170 },
    ];
    const g = curriculumGrid(items);
    expect(g.rows.get(1)?.byPeriod.get(100)).toBe(112.5);
    expect(g.rows.get(1)?.byPeriod.get(101)).toBe(96);
    expect(g.rows.get(1)?.total).toBe(208.5);
    expect(g.rows.get(2)?.byPeriod.get("year")).toBe(170);
    expect(g.byPeriod.get(100)).toBe(112.5);
    expect(g.byPeriod.get("year")).toBe(170);
    expect(g.total).toBe(378.5);
  });

  it("counts study weeks as calendar days outside holidays", () => {
    // 01.09–26.10 = 56 days, minus the 7 days 20.10–26.10 = 49 days = 7 weeks.
    expect(
      studyWeeks(
        [{ startDate: d("2026-09-01"), endDate: d("2026-10-26") }],
        [{ startDate: d("2026-10-20"), endDate: d("2026-10-26") }],
      ),
    ).toBe(7);
    expect(studyWeeks([], [])).toBe(0);
  });
});

describe("curriculum against the teacher load (ORG-6)", () => {
  const plan: PlanItem[] = [
    { classId: 1, subjectId: 10, periodId: null, hours: 170 }, // 5 h × 34 weeks
    { classId: 1, subjectId: 11, periodId: null, hours: 68 }, // 2 h × 34
    { classId: 1, subjectId: 12, periodId: null, hours: 102 }, // English in two subgroups, 3 h each
    { classId: 1, subjectId: 13, periodId: null, hours: 34 },
  ];
  const weeks = () => 34;

  it("flags unassigned, under- and over-assigned subjects and load outside the plan; equal hours are fine", () => {
    const loads: LoadItem[] = [
      { classId: 1, subjectId: 10, subgroupId: null, hoursPerWeek: 5, hoursPerYear: null },
      { classId: 1, subjectId: 11, subgroupId: null, hoursPerWeek: 1, hoursPerYear: null },
      { classId: 1, subjectId: 12, subgroupId: 7, hoursPerWeek: 3, hoursPerYear: 102 },
      { classId: 1, subjectId: 12, subgroupId: 8, hoursPerWeek: 3, hoursPerYear: 102 },
      { classId: 1, subjectId: 14, subgroupId: null, hoursPerWeek: 1, hoursPerYear: 40 },
    ];
    const rows = compareWithLoad(plan, loads, weeks);
    expect(rows).toEqual([
      { classId: 1, subjectId: 10, planned: 170, assigned: 170, difference: 0, status: "ok" },
      { classId: 1, subjectId: 11, planned: 68, assigned: 34, difference: -34, status: "under" },
      { classId: 1, subjectId: 12, planned: 102, assigned: 102, difference: 0, status: "ok" },
      { classId: 1, subjectId: 13, planned: 34, assigned: 0, difference: -34, status: "unassigned" },
      { classId: 1, subjectId: 14, planned: 0, assigned: 40, difference: 40, status: "notInPlan" },
    ]);
  });

  it("takes the least covered subgroup, so a subgroup with fewer hours is a gap", () => {
    const loads: LoadItem[] = [
      { classId: 1, subjectId: 12, subgroupId: 7, hoursPerWeek: 3, hoursPerYear: null },
      { classId: 1, subjectId: 12, subgroupId: 8, hoursPerWeek: 2, hoursPerYear: null },
    ];
    expect(compareWithLoad(plan, loads, weeks).find((r) => r.subjectId === 12)).toMatchObject({
      assigned: 68,
      status: "under",
    });
  });

  it("flags more hours than planned and ignores a rounding difference under an hour", () => {
    const loads: LoadItem[] = [
      { classId: 1, subjectId: 10, subgroupId: null, hoursPerWeek: 6, hoursPerYear: null },
      { classId: 1, subjectId: 11, subgroupId: null, hoursPerWeek: 2, hoursPerYear: 68.5 },
    ];
    const rows = compareWithLoad(plan, loads, weeks);
    expect(rows.find((r) => r.subjectId === 10)).toMatchObject({ assigned: 204, difference: 34, status: "over" });
    expect(rows.find((r) => r.subjectId === 11)).toMatchObject({ difference: 0.5, status: "ok" });
  });
});

describe("one class's curriculum by subject (ORG-6)", () => {
  it("groups rows by subject when asked, with totals per subject and per period", () => {
    const items: PlanItem[] = [
      { classId: 1, subjectId: 10, periodId: 100, hours: 80 },
      { classId: 1, subjectId: 10, periodId: 101, hours: 96 },
      { classId: 1, subjectId: 11, periodId: 101, hours: 48 },
    ];
    const g = curriculumGrid(items, (it) => it.subjectId);
    expect(g.rows.get(10)?.total).toBe(176);
    expect(g.rows.get(11)?.byPeriod.get(101)).toBe(48);
    expect(g.byPeriod.get(101)).toBe(144);
    expect(g.total).toBe(224);
  });
});
