// The journal grid's pure state (issue 19 item 4; JRN-1, JRN-5): columns, editability and hints,
// the UI reducer, what each key means, pasted columns, and how the server's answers change the view.
import { classSubjectGroups } from "@/components/journal/choice-fields";
import { describe, expect, it } from "vitest";
import { buildGridView, cellOf } from "@/lib/journal/grid";
import {
  applyAllPresent,
  applyConflict,
  applySaved,
  buildCols,
  cellHint,
  cellRefAt,
  cellText,
  cellVersion,
  editorKeyMove,
  gridKeyCommand,
  gridReducer,
  initialUi,
  isEditable,
  lastOpenCol,
  pastedColumn,
  resolvePlaceholder,
  statusesByStudent,
} from "@/components/journal/grid-state";
import { d, rows } from "../fixtures/grid-rows";

const view = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));
const cols = buildCols(view.lessons, view.marksAllowed, 1);
const key = (
  k: string,
  mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
// Rows: 0 Алексеева (joined 16.11, final set), 1 Борисов (subgroup 5), 2 Выбывший (left 10.11), 3 Домашний (home).
const BORISOV = 1;

describe("grid columns (JRN-1)", () => {
  it("gives each lesson an attendance column and one per assignment, a placeholder where none", () => {
    expect(cols.map((c) => c.id)).toEqual(["a10", "m1000", "a11", "m1001", "a12", "p12"]);
    expect(cols.filter((c) => c.first).map((c) => c.lesson.id)).toEqual([10, 11, 12]);
    expect(buildCols(view.lessons, false, 1).map((c) => c.id)).toEqual(["a10", "a11", "a12"]);
  });

  it("starts at the last lesson up to today", () => {
    expect(lastOpenCol(view, cols)).toBe(4);
    expect(initialUi({ today: "2026-11-01" }, cols).pos).toEqual({ row: 0, col: 0 });
  });
});

describe("cells: what can be typed and why not", () => {
  it("maps a position to its cell", () => {
    expect(cellRefAt(view, cols, BORISOV, 1)).toEqual({
      kind: "mark",
      lessonId: 10,
      studentId: 100,
      assignmentId: 1000,
      typeId: 2,
    });
    expect(cellRefAt(view, cols, BORISOV, 2)).toEqual({ kind: "attendance", lessonId: 11, studentId: 100 });
    expect(cellRefAt(view, cols, 9, 0)).toBeNull();
  });

  it("opens a member's cell, not outside membership, home education or after the final (JRN-6)", () => {
    expect(isEditable(view, cols, true, BORISOV, 3)).toBe(true);
    expect(isEditable(view, cols, false, BORISOV, 3)).toBe(false);
    expect(isEditable(view, cols, true, 0, 0)).toBe(false); // not yet in the class on 06.11
    expect(isEditable(view, cols, true, 0, 2)).toBe(false); // the final holds attendance too (REC-1)
    expect(isEditable(view, cols, true, 0, 3)).toBe(false); // marks after the period final
    expect(isEditable(view, cols, true, 3, 0)).toBe(false); // home education
  });

  it("explains a closed cell in Russian", () => {
    expect(cellHint(view, cols, BORISOV, 1, false)).toBe("Журнал открыт только для просмотра");
    expect(cellHint(view, cols, 0, 0, true)).toMatch(/не числится/);
    expect(cellHint(view, cols, 3, 0, true)).toMatch(/на дому/);
    expect(cellHint(view, cols, 0, 3, true)).toMatch(/Итоговая отметка/);
  });

  it("gives the editor the text that stores the same value", () => {
    expect(cellText(view, cols, BORISOV, 1)).toBe("5");
    expect(cellText(view, cols, 0, 2)).toBe("н");
    expect(cellText(view, cols, BORISOV, 5)).toBe("");
    expect(cellVersion(view, cellRefAt(view, cols, BORISOV, 3)!)).toBe(3);
  });
});

describe("the grid's UI reducer", () => {
  const start = initialUi(view, cols);

  it("moves within the grid and stops at its edges", () => {
    const moved = gridReducer(start, { type: "move", dr: 10, dc: 10, rows: 4, cols: 6 });
    expect(moved.pos).toEqual({ row: 3, col: 5 });
    expect(gridReducer(moved, { type: "move", dr: -9, dc: -9, rows: 4, cols: 6 }).pos).toEqual({ row: 0, col: 0 });
  });

  it("ignores a mouse pick while a cell is edited", () => {
    const editing = gridReducer(start, { type: "edit", text: "4" });
    expect(gridReducer(editing, { type: "pick", row: 2, col: 1 })).toBe(editing);
    const done = gridReducer(editing, { type: "stopEdit" });
    expect(gridReducer(done, { type: "pick", row: 2, col: 1 }).pos).toEqual({ row: 2, col: 1 });
  });

  it("drops a notice about the cell when the active cell moves, keeps a grid-wide one (DAY-3)", () => {
    const atCell = gridReducer(start, { type: "notice", text: "Дата закрыта", atCell: true });
    expect(atCell.noticeAtCell).toBe(true);
    const moved = gridReducer(atCell, { type: "move", dr: 1, dc: 0, rows: 4, cols: 6 });
    expect([moved.notice, moved.noticeAtCell]).toEqual([null, false]);
    expect(gridReducer(atCell, { type: "pick", row: 2, col: 1 }).notice).toBeNull();
    expect(gridReducer(atCell, { type: "goto", row: 2, col: 1 }).notice).toBeNull();
    const wide = gridReducer(start, { type: "notice", text: "Вставлено значений: 3" });
    expect(gridReducer(wide, { type: "move", dr: 1, dc: 0, rows: 4, cols: 6 }).notice).toBe("Вставлено значений: 3");
  });

  it("opens and closes the lesson panel and the notice", () => {
    const s = gridReducer(gridReducer(start, { type: "panel", lessonId: 11 }), { type: "notice", text: "x" });
    expect([s.panelLesson, s.notice]).toEqual([11, "x"]);
    expect(gridReducer(s, { type: "panel", lessonId: null }).panelLesson).toBeNull();
  });
});

describe("keys (JRN-5)", () => {
  it("moves with arrows, Tab and Enter (Shift reverses)", () => {
    expect(gridKeyCommand(key("ArrowDown"), "att")).toEqual({ type: "move", dr: 1, dc: 0 });
    expect(gridKeyCommand(key("Tab", { shiftKey: true }), "att")).toEqual({ type: "move", dr: 0, dc: -1 });
    expect(gridKeyCommand(key("Enter", { shiftKey: true }), "att")).toEqual({ type: "move", dr: -1, dc: 0 });
  });

  it("opens the lesson with Ctrl+Enter, clears with Delete, edits with F2 or a typed character", () => {
    expect(gridKeyCommand(key("Enter", { ctrlKey: true }), "mark")).toEqual({ type: "panel" });
    expect(gridKeyCommand(key("Backspace"), "mark")).toEqual({ type: "clear" });
    expect(gridKeyCommand(key("F2"), "mark")).toEqual({ type: "edit", initial: null });
    expect(gridKeyCommand(key("5"), "mark")).toEqual({ type: "edit", initial: "5" });
    expect(gridKeyCommand(key("н"), "att")).toEqual({ type: "edit", initial: "н" });
  });

  it("«+» means «все присутствуют» only on an attendance column", () => {
    expect(gridKeyCommand(key("+"), "att")).toEqual({ type: "allPresent" });
    expect(gridKeyCommand(key("+"), "mark")).toEqual({ type: "edit", initial: "+" });
  });

  it("leaves shortcuts, space and modifier keys to the browser", () => {
    expect(gridKeyCommand(key("c", { ctrlKey: true }), "mark")).toBeNull();
    expect(gridKeyCommand(key(" "), "mark")).toBeNull();
    expect(gridKeyCommand(key("Shift"), "mark")).toBeNull();
  });

  it("in the editor: Enter / Tab / arrows save and move, Esc cancels, letters type", () => {
    expect(editorKeyMove(key("Enter"))).toEqual({ dr: 1, dc: 0 });
    expect(editorKeyMove(key("Tab", { shiftKey: true }))).toEqual({ dr: 0, dc: -1 });
    expect(editorKeyMove(key("ArrowUp"))).toEqual({ dr: -1, dc: 0 });
    expect(editorKeyMove(key("Escape"))).toBe("cancel");
    expect(editorKeyMove(key("б"))).toBeNull();
  });

  it("splits a pasted spreadsheet column: first cell of each line, Windows line ends, no trailing blanks", () => {
    expect(pastedColumn("5\t4\r\n4\n\n3\n\n")).toEqual(["5", "4", "", "3"]);
  });
});

describe("server answers change the view", () => {
  const borisovPlaceholder = cellRefAt(view, cols, BORISOV, 5)!;

  it("a first mark in a placeholder column adds the created assignment and the mark", () => {
    const mark = { kind: "GRADE" as const, value: 4, isHospital: false, comment: null, version: 1 };
    const next = applySaved(view, borisovPlaceholder, { ok: true, version: 1, mark, assignmentId: 2000 });
    expect(next.lessons.find((l) => l.id === 12)!.assignments.map((a) => [a.id, a.typeName])).toEqual([
      [2000, "Ответ на уроке"],
    ]);
    expect(cellOf(next.marks, 2000, 100)).toEqual(mark);
    expect(resolvePlaceholder(next, borisovPlaceholder)).toMatchObject({ assignmentId: 2000 });
    expect(cellOf(view.marks, 2000, 100)).toBeUndefined(); // the old view is untouched
  });

  it("a cleared attendance cell disappears; a conflict shows the other user's value", () => {
    const att = cellRefAt(view, cols, 0, 2)!;
    expect(
      cellOf(applySaved(view, att, { ok: true, version: 2, attendance: null }).attendance, 11, 101),
    ).toBeUndefined();
    const mark = cellRefAt(view, cols, BORISOV, 3)!;
    const theirs = { kind: "GRADE" as const, value: 3, isHospital: false, comment: null, version: 4 };
    expect(cellOf(applyConflict(view, mark, { mark: theirs }).marks, 1001, 100)).toEqual(theirs);
  });

  it("records «все присутствуют» on the lesson only", () => {
    const next = applyAllPresent(view, 12);
    expect(next.lessons.map((l) => l.attendanceTaken)).toEqual([false, true, true]);
  });

  it("groups save states by student with a signature that changes with them", () => {
    const by = statusesByStudent({ "m:1001:100": { state: "saving", pending: "4" }, "a:11:101": { state: "saved" } });
    expect(by.get(100)!.sig).toBe("m:1001:100=saving:4|");
    expect(Object.keys(by.get(101)!.statuses)).toEqual(["a:11:101"]);
  });
});

describe("journal picker groups (DAY-3)", () => {
  const choices = [
    { className: "5А", label: "5А · Математика", mine: false },
    { className: "7А", label: "7А · Алгебра", mine: true },
    { className: "7А", label: "7А · Физика", mine: false },
    { className: "7Б", label: "7Б · Алгебра", mine: true },
  ];
  const option = (c: (typeof choices)[number]) => ({ value: c.label, label: c.label });

  it("puts the user's own journals first as «Мои классы», the rest under «Другие · класс»", () => {
    const groups = classSubjectGroups(choices, option, (c) => c.mine, false);
    expect(groups.map((g) => [g.label, g.options.map((o) => o.label)])).toEqual([
      ["Мои классы", ["7А · Алгебра", "7Б · Алгебра"]],
      ["Другие · 5А", ["5А · Математика"]],
      ["Другие · 7А", ["7А · Физика"]],
    ]);
    expect(classSubjectGroups(choices, option, (c) => c.mine, true)[0].label).toBe("Мои группы");
  });

  it("without own journals (a deputy) groups by class only", () => {
    expect(classSubjectGroups(choices, option, () => false, false).map((g) => g.label)).toEqual(["5А", "7А", "7Б"]);
    expect(classSubjectGroups(choices, option, undefined, false).map((g) => g.label)).toEqual(["5А", "7А", "7Б"]);
  });
});
