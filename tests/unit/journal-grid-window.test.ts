// The grid's window of lessons (issue 22 item 4): the first view holds the lessons around the one in
// focus; what is outside is summed per student so the averages, the forecast and the absences stay
// those of the whole period; scroll steps added to the window give back the whole-period view.
import { describe, expect, it } from "vitest";
import {
  buildGridView,
  hiddenInputs,
  hiddenMarksCode,
  hiddenMarksCodeOf,
  studentAbsences,
  studentSummary,
  withoutLoaded,
  type GridAttendance,
  type GridMark,
  type GridView,
} from "@/lib/journal/grid";
import {
  WINDOW_AFTER,
  WINDOW_BEFORE,
  WINDOW_STEP,
  firstView,
  focusIndex,
  mergeWindow,
  sliceView,
  windowStep,
} from "@/lib/journal/grid-window";
import { packGridView, unpackGridView } from "@/lib/journal/grid-pack";
import { d, rows } from "../fixtures/grid-rows";
import { cellsOf, keyedCells } from "../support/grid-cells";

const built = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));

/** A period of `n` lessons (one or two assignments each) with marks of every kind and absences. */
function period(n: number, method: GridView["method"] = "WEIGHTED"): GridView {
  const base = built.lessons[0];
  const students = built.students;
  const lessons: GridView["lessons"] = [];
  const marks: Record<string, GridMark> = {};
  const attendance: Record<string, GridAttendance> = {};
  const kinds: GridMark["kind"][] = ["GRADE", "GRADE", "GRADE", "PASS", "DEBT", "GRADE", "NOT_ATTESTED", "FAIL"];
  for (let i = 0; i < n; i++) {
    const id = 5000 + i;
    const date = new Date(Date.UTC(2026, 8, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const assignments = Array.from({ length: 1 + (i % 2) }, (_, k) => ({
      ...base.assignments[0],
      id: 9000 + i * 2 + k,
      weight: [1, 2, 1.5, 0][(i + k) % 4],
    }));
    lessons.push({ ...base, id, date, assignments });
    students.forEach((s, r) => {
      assignments.forEach((a, k) => {
        if ((i + r + k) % 3 === 0) return;
        const kind = kinds[(i * 7 + r * 3 + k) % kinds.length];
        marks[`${a.id}:${s.id}`] = {
          kind,
          value: kind === "GRADE" ? 2 + ((i + r * 5 + k) % 4) : null,
          isHospital: (i + r) % 5 === 0,
          comment: null,
          version: 1,
        };
      });
      if ((i + r) % 4 === 0)
        attendance[`${id}:${s.id}`] = { code: (["N", "OP", "B"] as const)[i % 3], missedHours: i % 2, version: 1 };
    });
  }
  return {
    ...built,
    method,
    today: lessons[Math.min(n - 1, 60)]?.date ?? built.today,
    lessons,
    students: students.map((s) => ({ ...s, cells: "o".repeat(n) })),
    marks: cellsOf(marks),
    attendance: cellsOf(attendance),
  };
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e9) / 1e9);
function totals(v: GridView) {
  return v.students.map((s) => {
    const m = studentSummary(v, s.id);
    const { forecast, average, ...counts } = m;
    return {
      average: round(average),
      counts,
      forecast: { ...forecast, average: round(forecast.average) },
      absences: studentAbsences(v, s.id),
    };
  });
}

describe("the grid's first view is a window of lessons (issue 22 item 4)", () => {
  it("opens at the last lesson up to today, or at the asked lesson", () => {
    const v = period(94);
    expect(focusIndex(v.lessons, v.today)).toBe(60);
    expect(focusIndex(v.lessons, v.today, v.lessons[3].id)).toBe(3);
    expect(focusIndex(v.lessons, "2020-01-01")).toBe(0);
    const w = firstView(v);
    expect(w.lessons.map((l) => l.id)).toEqual(v.lessons.slice(61 - WINDOW_BEFORE, 61 + WINDOW_AFTER).map((l) => l.id));
    expect(w.hidden).toMatchObject({ before: 61 - WINDOW_BEFORE, after: 94 - 61 - WINDOW_AFTER });
    expect(firstView(v, v.lessons[2].id).lessons[0].id).toBe(v.lessons[0].id);
    // a short period is sent whole
    expect(firstView(period(WINDOW_BEFORE + WINDOW_AFTER))).not.toHaveProperty("hidden");
  });

  it("carries only the window's cells and the students' cell states of its lessons", () => {
    const v = period(94);
    const w = firstView(v);
    const ids = new Set(w.lessons.flatMap((l) => l.assignments.map((a) => a.id)));
    expect(Object.keys(keyedCells(w.marks)).every((k) => ids.has(Number(k.split(":")[0])))).toBe(true);
    expect(Object.keys(keyedCells(w.marks)).length).toBeLessThan(Object.keys(keyedCells(v.marks)).length / 2);
    expect(w.students.every((s) => s.cells.length === w.lessons.length)).toBe(true);
  });

  for (const method of ["WEIGHTED", "PLAIN"] as const)
    it(`keeps the averages, the forecast and the absences of the whole period (${method})`, () => {
      const v = period(94, method);
      const w = unpackGridView(packGridView(firstView(v)));
      expect(totals(w)).toEqual(totals(v));
    });

  it("scroll steps before and after give back the whole period, averages unchanged", () => {
    const v = period(94);
    let w = unpackGridView(packGridView(firstView(v)));
    for (const dir of ["before", "before", "after", "after"] as const) {
      const step = windowStep(v, w.lessons[0].id, w.lessons[w.lessons.length - 1].id, dir);
      expect(step).not.toBeNull();
      expect(step!.lessons.length).toBeLessThanOrEqual(WINDOW_STEP);
      w = mergeWindow(w, JSON.parse(JSON.stringify(step)), dir);
      expect(totals(w)).toEqual(totals(v));
    }
    expect(w.lessons.map((l) => l.id)).toEqual(v.lessons.map((l) => l.id));
    expect(w.marks).toEqual(v.marks);
    expect(w.attendance).toEqual(v.attendance);
    expect(w.students).toEqual(v.students);
    expect(w.hidden).toEqual({ before: 0, after: 0, sums: {} });
  });

  it("a step asked from lessons the period does not hold is refused (the journal changed)", () => {
    const v = period(40);
    expect(windowStep(v, 1, v.lessons[5].id, "before")).toBeNull();
    expect(windowStep(v, v.lessons[5].id, v.lessons[2].id, "after")).toBeNull();
    expect(sliceView(v, 0, 40).hidden.sums).toEqual({});
  });
});

describe("a scroll step's marks leave the sums the client holds (issue 22 item 4, round 8)", () => {
  const g = (value: number, weight = 1, isHospital = false) => ({ kind: "GRADE" as const, value, weight, isHospital });
  it("takes out exactly the loaded marks and absences; the same marks give the same code", () => {
    const held = [g(5, 2), g(5, 2), g(4, 1, true), { kind: "DEBT" as const, value: null, weight: 1 }, g(3)];
    expect(hiddenMarksCode(held)).toBe(hiddenMarksCode([...held].reverse()));
    const left = withoutLoaded([hiddenMarksCode(held), 3, 0.3], [g(5, 2), g(4, 1, true)], { count: 1, hours: 0.1 });
    expect(left).toEqual([hiddenMarksCode([g(5, 2), g(3), { kind: "DEBT", value: null, weight: 1 }]), 2, 0.2]);
    expect(hiddenInputs(left!)).toHaveLength(3);
  });

  it("gives the same code from marks grouped in SQL as from the marks one by one (round 15: GRID_WINDOW's aggregates)", () => {
    const debt = { kind: "DEBT" as const, value: null, weight: 1, isHospital: false };
    const groups = [
      [g(5, 2), 3],
      [g(4, 1, true), 1],
      [debt, 2],
      [g(3), 1],
      [g(5, 2), 2],
      [g(4), 0],
    ] as const;
    const oneByOne = groups.flatMap(([m, n]) => Array.from({ length: n }, () => m));
    expect(hiddenMarksCodeOf(groups)).toBe(hiddenMarksCode(oneByOne));
    expect(hiddenMarksCodeOf(groups)).toBe("3,4b,5*2x5,Dx2");
    expect(hiddenMarksCodeOf([])).toBe("");
  });

  it("is null when nothing is left, and ignores marks it never held (a journal changed meanwhile)", () => {
    expect(withoutLoaded(["5", 1, 1], [g(5)], { count: 1, hours: 1 })).toBeNull();
    expect(withoutLoaded(["5", 0, 0], [g(4), g(5), g(5)], { count: 2, hours: 3 })).toBeNull();
    expect(withoutLoaded(undefined, [g(5)], { count: 0, hours: 0 })).toBeNull();
  });
});
