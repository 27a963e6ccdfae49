import { describe, expect, it } from "vitest";
import {
  buildGridView,
  cellCount,
  cellOf,
  mergeCells,
  studentAbsences,
  studentSummary,
  withCell,
  type GridView,
} from "@/lib/journal/grid";
import { d, rows } from "../fixtures/grid-rows";
import { cellsOf } from "../support/grid-cells";

describe("the grid view (JRN-1, JRN-9)", () => {
  const view = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));

  it("sorts students by name and gives cells only inside membership, subgroup and form", () => {
    expect(view.students.map((s) => [s.name, s.cells])).toEqual([
      ["Алексеева Вера", "xox"],
      ["Борисов Антон", "ooo"],
      ["Выбывший Пётр", "oxx"],
      ["Домашний Иван", "ffx"],
    ]);
    expect(view.students.find((s) => s.id === 102)).toMatchObject({ left: true });
    expect(view.students.find((s) => s.id === 101)).toMatchObject({ joinedLate: true, finalSet: true });
  });

  it("opens a date past the window while ADMIN's unlock lasts", () => {
    expect(view.lessons.map((l) => l.lock)).toEqual([
      { open: true, byUnlock: true },
      { open: true, byUnlock: false },
      { open: true, byUnlock: false },
    ]);
    expect(view.lessons[1].attendanceTaken).toBe(true);
  });

  it("locks assignments of a period with finals set, and everything once the period is closed (REC-1)", () => {
    expect(view.lessons.map((l) => l.assignmentLock.open)).toEqual([true, false, false]);
    expect(view.lessons[0].assignmentLock).toEqual({ open: true, byUnlock: true });
    expect(view.closed).toBeNull();
    const closed = rows();
    closed.lock = {
      ...closed.lock,
      closed: [
        {
          periodId: 7,
          name: "2 четверть",
          start: d("2026-11-05"),
          end: d("2026-12-28"),
          closedOn: d("2026-11-20"),
          basis: "приказ № 5",
        },
      ],
    };
    const v = buildGridView(closed, new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));
    expect(v.closed).toEqual({ code: "period", reason: "Период закрыт 20.11.2026 (приказ № 5): 2 четверть" });
    expect(v.lessons.map((l) => [l.lock.open, l.lessonLock.open])).toEqual([
      [true, true], // ADMIN's unlock of 06.11 still opens it
      [false, false],
      [false, false],
    ]);
  });

  it("computes the running average by assignment weights and counts absences", () => {
    expect(studentSummary(view, 100).average).toBe(4); // (5·2 + 2·1) / 3
    expect(studentAbsences(view, 101)).toEqual({ count: 1, hours: 1 });
  });

  it("sums a college student's missed hours in tenths, the hidden lessons' included (JRN-4)", () => {
    const lessons = [1, 2].map((id) => ({ id, hours: 2 })) as unknown as GridView["lessons"];
    const attendance: GridView["attendance"] = cellsOf({
      "1:7": { code: "N", missedHours: 0.1, version: 1 },
      "2:7": { code: "N", missedHours: 0.2, version: 1 },
    });
    expect(studentAbsences({ lessons, attendance }, 7)).toEqual({ count: 2, hours: 0.3 });
    const hidden = { before: 3, after: 0, sums: { 7: ["", 1, 0.7] } } as GridView["hidden"];
    expect(studentAbsences({ lessons, attendance, hidden }, 7)).toEqual({ count: 3, hours: 1 });
  });

  it("shows a substitute only the lesson they substitute", () => {
    const one = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"), 12);
    expect(one.lessons.map((l) => l.id)).toEqual([12]);
    expect(one.students.map((s) => s.id)).toEqual([100]);
  });

  it("keys the cells by column id, then student id: no string per cell (issue 22 item 2)", () => {
    expect([...view.marks.keys()]).toEqual([1000, 1001]);
    expect(view.marks.get(1001)?.get(100)).toMatchObject({ value: 2, version: 3 });
    expect(cellOf(view.attendance, 11, 101)).toEqual({ code: "N", missedHours: null, version: 1 });
    expect(cellCount(view.marks)).toBe(2);
  });

  it("changes a copy of the cells: a cleared column leaves no empty map, the newer cell wins a merge", () => {
    const mark = (value: number) => ({ kind: "GRADE" as const, value, isHospital: false, comment: null, version: 1 });
    const cleared = withCell(view.marks, 1000, 100, null);
    expect([...cleared.keys()]).toEqual([1001]); // equal to a view that never held the column
    expect(cellOf(view.marks, 1000, 100)?.value).toBe(5); // the old cells are untouched
    const set = withCell(view.marks, 1001, 101, mark(4));
    expect(cellOf(set, 1001, 101)?.value).toBe(4);
    expect(view.marks.get(1001)?.has(101)).toBe(false);
    const merged = mergeCells(set, cellsOf({ "1001:101": mark(3), "1002:100": mark(5) }));
    expect([
      cellOf(merged, 1001, 100)?.value,
      cellOf(merged, 1001, 101)?.value,
      cellOf(merged, 1002, 100)?.value,
    ]).toEqual([2, 3, 5]);
    expect(cellOf(set, 1001, 101)?.value).toBe(4);
  });
});
