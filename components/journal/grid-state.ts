// The journal grid's state as pure functions (issue 19 item 4): the columns of a period, the cell a
// position stands for, the UI reducer (active cell, editor, lesson panel, notice), what a key
// means, how a pasted column splits, and how a saved / conflicting / «все присутствуют» answer
// changes the view. journal-grid.tsx wires them to React; tests/unit/journal-grid-state.test.ts
// checks them without a browser.
import type { CellResponse } from "@/lib/journal/cells";
import {
  cellOf,
  withCell,
  type GridAssignment,
  type GridLesson,
  type GridMark,
  type GridAttendance,
  type GridView,
} from "@/lib/journal/grid";
import { ATTENDANCE_LABELS, markInputText } from "@/lib/journal/rules";
import type { CellRef, CellStatus } from "./use-cell-saver";

export type Col =
  | { id: string; lessonIdx: number; lesson: GridLesson; kind: "att"; first: boolean }
  | {
      id: string;
      lessonIdx: number;
      lesson: GridLesson;
      kind: "mark";
      assignment: GridAssignment | null;
      typeId: number;
      first: boolean;
    };

export type Pos = { row: number; col: number };

/** Each lesson: the attendance column, then one column per assignment (or a placeholder). */
export function buildCols(lessons: GridLesson[], marksAllowed: boolean, defaultTypeId: number | null): Col[] {
  const cols: Col[] = [];
  lessons.forEach((lesson, lessonIdx) => {
    cols.push({ id: `a${lesson.id}`, lessonIdx, lesson, kind: "att", first: true });
    if (!marksAllowed) return;
    if (lesson.assignments.length === 0) {
      if (defaultTypeId !== null)
        cols.push({
          id: `p${lesson.id}`,
          lessonIdx,
          lesson,
          kind: "mark",
          assignment: null,
          typeId: defaultTypeId,
          first: false,
        });
    } else {
      for (const a of lesson.assignments)
        cols.push({ id: `m${a.id}`, lessonIdx, lesson, kind: "mark", assignment: a, typeId: a.typeId, first: false });
    }
  });
  return cols;
}

/** The attendance column of the last lesson up to today (where the cursor starts). */
export function lastOpenCol(view: Pick<GridView, "today">, cols: Col[]): number {
  for (let i = cols.length - 1; i >= 0; i--) if (cols[i].lesson.date <= view.today && cols[i].first) return i;
  return 0;
}

export function ddmm(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
}

/** The cell a grid position stands for. */
export function cellRefAt(view: Pick<GridView, "students">, cols: Col[], row: number, col: number): CellRef | null {
  const c = cols[col];
  const s = view.students[row];
  if (!c || !s) return null;
  if (c.kind === "att") return { kind: "attendance", lessonId: c.lesson.id, studentId: s.id };
  return {
    kind: "mark",
    lessonId: c.lesson.id,
    studentId: s.id,
    assignmentId: c.assignment?.id ?? null,
    typeId: c.typeId,
  };
}

/** May this cell be typed into (open date, a member on the day, marks allowed and no final yet)? */
export function isEditable(
  view: Pick<GridView, "students" | "marksAllowed">,
  cols: Col[],
  canEdit: boolean,
  row: number,
  col: number,
): boolean {
  const c = cols[col];
  const s = view.students[row];
  if (!canEdit || !c || !s || !c.lesson.lock.open) return false;
  if (s.cells[c.lessonIdx] !== "o") return false;
  // The student's period final locks marks and attendance (JRN-6, REC-1) unless ADMIN unlocked the date.
  if (s.finalSet && !c.lesson.lock.byUnlock) return false;
  return c.kind === "att" || view.marksAllowed;
}

/** The text a teacher would type to get the cell's stored value back (the editor's start). */
export function cellText(view: GridView, cols: Col[], row: number, col: number): string {
  const ref = cellRefAt(view, cols, row, col);
  if (!ref) return "";
  if (ref.kind === "attendance") {
    const a = cellOf(view.attendance, ref.lessonId, ref.studentId);
    return a
      ? (a.code === "N" ? "н" : a.code === "OP" ? "оп" : ATTENDANCE_LABELS[a.code].toLowerCase()) +
          (a.missedHours !== null && view.orgKind === "COLLEGE" && a.missedHours !== cols[col].lesson.hours
            ? String(a.missedHours)
            : "")
      : "";
  }
  const m = ref.assignmentId === null ? undefined : cellOf(view.marks, ref.assignmentId, ref.studentId);
  return m ? markInputText(m) : "";
}

/** Why a cell cannot be typed into (shown as the grid's notice). */
export function cellHint(view: GridView, cols: Col[], row: number, col: number, canEdit: boolean): string {
  const c = cols[col];
  const s = view.students[row];
  if (!c || !s) return "";
  if (!canEdit) return "Журнал открыт только для просмотра";
  if (s.cells[c.lessonIdx] === "x") return "Ученик не числится в классе (подгруппе) на дату урока";
  if (s.cells[c.lessonIdx] === "f") return "Обучение на дому / семейное: отметки и посещаемость не ведутся";
  if (!c.lesson.lock.open) {
    return c.lesson.lock.code === "window" || c.lesson.lock.code === "period"
      ? `${c.lesson.lock.reason}. Откройте урок (Ctrl+Enter), чтобы запросить открытие даты`
      : c.lesson.lock.reason;
  }
  if (s.finalSet && !c.lesson.lock.byUnlock)
    return "Итоговая отметка за период выставлена — текущие отметки и посещаемость периода не меняются";
  return "";
}

// ───────────── the UI reducer ─────────────

export type GridUi = {
  pos: Pos;
  editing: string | null;
  panelLesson: number | null;
  notice: string | null;
  /** DAY-3: the notice is about the active cell (shown at the cell, gone when the cell changes). */
  noticeAtCell?: boolean;
};

export type GridAction =
  | { type: "move"; dr: number; dc: number; rows: number; cols: number }
  | { type: "goto"; row: number; col: number }
  /** A mouse pick: ignored while a cell is being edited (its blur saves first). */
  | { type: "pick"; row: number; col: number }
  | { type: "edit"; text: string }
  | { type: "stopEdit" }
  | { type: "panel"; lessonId: number | null }
  | { type: "notice"; text: string | null; atCell?: boolean };

export function initialUi(view: Pick<GridView, "today">, cols: Col[]): GridUi {
  return { pos: { row: 0, col: Math.max(0, lastOpenCol(view, cols)) }, editing: null, panelLesson: null, notice: null };
}

/** A notice about the cell one leaves goes with it; a grid-wide notice stays. */
function leaveCell(state: GridUi): GridUi {
  return state.noticeAtCell ? { ...state, notice: null, noticeAtCell: false } : state;
}

export function gridReducer(state: GridUi, action: GridAction): GridUi {
  switch (action.type) {
    case "move":
      return {
        ...leaveCell(state),
        pos: {
          row: Math.min(action.rows - 1, Math.max(0, state.pos.row + action.dr)),
          col: Math.min(action.cols - 1, Math.max(0, state.pos.col + action.dc)),
        },
      };
    case "goto":
      return { ...leaveCell(state), pos: { row: action.row, col: action.col } };
    case "pick":
      return state.editing !== null ? state : { ...leaveCell(state), pos: { row: action.row, col: action.col } };
    case "edit":
      return { ...state, editing: action.text };
    case "stopEdit":
      return { ...state, editing: null };
    case "panel":
      return { ...state, panelLesson: action.lessonId };
    case "notice":
      return { ...state, notice: action.text, noticeAtCell: action.text !== null && !!action.atCell };
  }
}

// ───────────── keys and paste ─────────────

export type KeyInput = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

/** What a key pressed on the grid (no editor open) asks for; null = not the grid's key. */
export type KeyCommand =
  | { type: "move"; dr: number; dc: number }
  | { type: "home" }
  | { type: "end" }
  | { type: "panel" }
  | { type: "edit"; initial: string | null }
  | { type: "clear" }
  | { type: "allPresent" };

export function gridKeyCommand(e: KeyInput, colKind: Col["kind"] | undefined): KeyCommand | null {
  switch (e.key) {
    case "ArrowDown":
      return { type: "move", dr: 1, dc: 0 };
    case "ArrowUp":
      return { type: "move", dr: -1, dc: 0 };
    case "ArrowRight":
      return { type: "move", dr: 0, dc: 1 };
    case "ArrowLeft":
      return { type: "move", dr: 0, dc: -1 };
    case "Tab":
      return { type: "move", dr: 0, dc: e.shiftKey ? -1 : 1 };
    case "Enter":
      return e.ctrlKey || e.metaKey ? { type: "panel" } : { type: "move", dr: e.shiftKey ? -1 : 1, dc: 0 };
    case "F2":
      return { type: "edit", initial: null };
    case "Delete":
    case "Backspace":
      return { type: "clear" };
    case "Home":
      return { type: "home" };
    case "End":
      return { type: "end" };
  }
  if (e.key === "+" && colKind === "att") return { type: "allPresent" };
  if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== " ")
    return { type: "edit", initial: e.key };
  return null;
}

/** What a key in the cell editor does: save and move, or cancel; null = typing. */
export function editorKeyMove(e: Pick<KeyInput, "key" | "shiftKey">): { dr: number; dc: number } | "cancel" | null {
  if (e.key === "Enter") return { dr: e.shiftKey ? -1 : 1, dc: 0 };
  if (e.key === "Tab") return { dr: 0, dc: e.shiftKey ? -1 : 1 };
  if (e.key === "ArrowDown") return { dr: 1, dc: 0 };
  if (e.key === "ArrowUp") return { dr: -1, dc: 0 };
  if (e.key === "Escape") return "cancel";
  return null;
}

/** A pasted spreadsheet column: one value per line (the first cell of each), trailing blank lines dropped. */
export function pastedColumn(text: string): string[] {
  const lines = text.replace(/\r/g, "").split("\n");
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => line.split("\t")[0] ?? "");
}

// ───────────── server answers → view ─────────────

type Saved = Extract<CellResponse, { ok: true }>;

/** A saved cell: its stored value; a first mark of a placeholder column adds the created assignment. */
export function applySaved(v: GridView, ref: CellRef, body: Saved): GridView {
  if (ref.kind === "attendance")
    return { ...v, attendance: withCell(v.attendance, ref.lessonId, ref.studentId, body.attendance) };
  const assignmentId = ref.assignmentId ?? body.assignmentId ?? null;
  if (assignmentId === null) return v;
  let lessons = v.lessons;
  if (ref.assignmentId === null && body.assignmentId) {
    const type = v.types.find((t) => t.id === ref.typeId);
    const created: GridAssignment = {
      id: body.assignmentId,
      typeId: ref.typeId ?? 0,
      typeShort: type?.shortName ?? "?",
      typeName: type?.name ?? "Задание",
      weight: type?.weight ?? 1,
      description: null,
      dueDate: null,
      isControl: type?.isControl ?? false,
      hasSpecification: false,
    };
    lessons = v.lessons.map((l) =>
      l.id === ref.lessonId && !l.assignments.some((a) => a.id === body.assignmentId)
        ? { ...l, assignments: [...l.assignments, created] }
        : l,
    );
  }
  return { ...v, lessons, marks: withCell(v.marks, assignmentId, ref.studentId, body.mark) };
}

/** A conflict: the cell shows the value stored by the other user. */
export function applyConflict(
  v: GridView,
  ref: CellRef,
  current: { mark?: GridMark | null; attendance?: GridAttendance | null },
): GridView {
  if (ref.kind === "attendance")
    return {
      ...v,
      attendance: withCell(v.attendance, ref.lessonId, ref.studentId, current.attendance),
    };
  if (ref.assignmentId === null) return v;
  return { ...v, marks: withCell(v.marks, ref.assignmentId, ref.studentId, current.mark) };
}

/** The version a cell was loaded with (0: empty). */
export function cellVersion(v: GridView, ref: CellRef): number {
  if (ref.kind === "attendance") return cellOf(v.attendance, ref.lessonId, ref.studentId)?.version ?? 0;
  return ref.assignmentId === null ? 0 : (cellOf(v.marks, ref.assignmentId, ref.studentId)?.version ?? 0);
}

/** A placeholder column's cell, once its lesson has an assignment: that assignment's cell. */
export function resolvePlaceholder(v: GridView, ref: CellRef): CellRef {
  if (ref.kind !== "mark" || ref.assignmentId !== null) return ref;
  const a = v.lessons.find((l) => l.id === ref.lessonId)?.assignments[0];
  return a ? { ...ref, assignmentId: a.id } : ref;
}

/** Save states grouped by student (a memoised row re-renders only when its own signature changes). */
export function statusesByStudent(
  statuses: Record<string, CellStatus>,
): Map<number, { statuses: Record<string, CellStatus>; sig: string }> {
  const byStudent = new Map<number, { statuses: Record<string, CellStatus>; sig: string }>();
  for (const [key, status] of Object.entries(statuses)) {
    const studentId = Number(key.slice(key.lastIndexOf(":") + 1));
    const entry = byStudent.get(studentId) ?? { statuses: {}, sig: "" };
    entry.statuses[key] = status;
    entry.sig += `${key}=${status.state}:${status.pending ?? ""}|`;
    byStudent.set(studentId, entry);
  }
  return byStudent;
}

/** «Все присутствуют» recorded for a lesson. */
export function applyAllPresent(v: GridView, lessonId: number): GridView {
  return { ...v, lessons: v.lessons.map((l) => (l.id === lessonId ? { ...l, attendanceTaken: true } : l)) };
}
