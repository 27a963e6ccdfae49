// Issue 22 item 4: a save re-renders one row of the grid, not the table — the memoised row's
// comparison (grid-row.tsx rowPropsEqual) against the pure state changes of journal-grid.tsx.
import { describe, expect, it } from "vitest";
import { buildGridView } from "@/lib/journal/grid";
import { applyConflict, applySaved, buildCols, cellRefAt } from "@/components/journal/grid-state";
import { rowPropsEqual, type RowProps } from "@/components/journal/grid-row";
import { d, rows } from "../fixtures/grid-rows";

const view = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));
const cols = buildCols(view.lessons, view.marksAllowed, 1);
const editable = () => true;
const noop = () => {};
const props = (v: typeof view, row: number, rev: number): RowProps => ({
  row,
  view: v,
  rev,
  cols,
  activeCol: -1,
  editing: null,
  statuses: {},
  statusSig: "",
  editable,
  onPick: noop,
  onEditorKey: noop,
  onEditorBlur: noop,
  message: null,
});
const BORISOV = 1;

describe("grid rows re-render on their own change only (issue 22 item 4)", () => {
  it("a saved mark changes the saver's row; the other rows keep their render", () => {
    const ref = cellRefAt(view, cols, BORISOV, 3)!;
    const mark = { kind: "GRADE" as const, value: 5, isHospital: false, comment: null, version: 2 };
    const next = applySaved(view, ref, { ok: true, version: 2, mark });
    expect(next).not.toBe(view);
    // the row's revision goes up with the save (journal-grid.tsx touchRow)
    expect(rowPropsEqual(props(view, BORISOV, 0), props(next, BORISOV, 1))).toBe(false);
    for (const row of [0, 2, 3]) expect(rowPropsEqual(props(view, row, 0), props(next, row, 0))).toBe(true);
  });

  it("a conflict changes one row too; a refresh from the server re-renders every row", () => {
    const ref = cellRefAt(view, cols, BORISOV, 3)!;
    const theirs = { kind: "GRADE" as const, value: 3, isHospital: false, comment: null, version: 4 };
    const next = applyConflict(view, ref, { mark: theirs });
    expect(rowPropsEqual(props(view, 0, 0), props(next, 0, 0))).toBe(true);
    const refreshed = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));
    for (const row of [0, 1, 2, 3]) expect(rowPropsEqual(props(view, row, 0), props(refreshed, row, 0))).toBe(false);
  });

  it("a first mark in a placeholder column (a new assignment) redraws the columns of every row", () => {
    const ref = cellRefAt(view, cols, BORISOV, 5)!;
    expect(ref).toMatchObject({ kind: "mark", assignmentId: null });
    const mark = { kind: "GRADE" as const, value: 4, isHospital: false, comment: null, version: 1 };
    const next = applySaved(view, ref, { ok: true, version: 1, mark, assignmentId: 2000 });
    expect(rowPropsEqual(props(view, 0, 0), props(next, 0, 0))).toBe(false);
  });
});
