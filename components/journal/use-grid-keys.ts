"use client";
// The journal grid's keyboard and paste (JRN-5): arrows / Tab / Enter move, typing or F2 opens the
// editor, Enter / Tab / arrows in the editor save and move, Esc cancels, Delete clears, «+» on an
// attendance column says «все присутствуют», Ctrl+Enter opens the lesson, a pasted column fills
// down. What a key means is decided by the pure gridKeyCommand / editorKeyMove (grid-state.ts).
import { useCallback, useEffect, useRef, type Dispatch } from "react";
import { editorKeyMove, gridKeyCommand, pastedColumn, type Col, type GridAction, type GridUi } from "./grid-state";

export function useGridKeys(p: {
  ui: GridUi;
  dispatch: Dispatch<GridAction>;
  cols: Col[];
  rows: number;
  editable: (row: number, col: number) => boolean;
  textOf: (row: number, col: number) => string;
  commit: (row: number, col: number, input: string) => void;
  allPresent: (col: number) => void;
  hint: (row: number, col: number) => string;
  focusGrid: () => void;
}) {
  const { ui, dispatch, cols, rows, editable, textOf, commit, hint, focusGrid } = p;
  // Set while a key closes the editor, so the blur that follows does not save a second time.
  const closing = useRef(false);
  const move = (dr: number, dc: number) => dispatch({ type: "move", dr, dc, rows, cols: cols.length });
  const startEdit = (row: number, col: number, text: string) => {
    if (editable(row, col)) {
      closing.current = false;
      dispatch({ type: "edit", text });
    } else dispatch({ type: "notice", text: hint(row, col), atCell: true });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (ui.editing !== null || ui.panelLesson !== null) return;
    const { row, col } = ui.pos;
    const cmd = gridKeyCommand(e, cols[col]?.kind);
    if (!cmd) return;
    switch (cmd.type) {
      case "move":
        move(cmd.dr, cmd.dc);
        break;
      case "home":
        dispatch({ type: "goto", row, col: 0 });
        break;
      case "end":
        dispatch({ type: "goto", row, col: cols.length - 1 });
        break;
      case "panel":
        dispatch({ type: "panel", lessonId: cols[col]?.lesson.id ?? null });
        break;
      case "clear":
        commit(row, col, "");
        break;
      case "allPresent":
        p.allPresent(col);
        break;
      case "edit":
        if (cmd.initial === null) {
          if (editable(row, col)) {
            closing.current = false;
            dispatch({ type: "edit", text: textOf(row, col) });
          }
        } else startEdit(row, col, cmd.initial);
        break;
    }
    e.preventDefault();
  };

  const onEditorKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    const step = editorKeyMove(e);
    if (step === "cancel") {
      e.preventDefault();
      closing.current = true;
      dispatch({ type: "stopEdit" });
      focusGrid();
    } else if (step) {
      e.preventDefault();
      closing.current = true;
      commit(ui.pos.row, ui.pos.col, value);
      dispatch({ type: "stopEdit" });
      move(step.dr, step.dc);
      focusGrid();
    }
    e.stopPropagation();
  };

  const onEditorBlur = (value: string) => {
    if (closing.current) {
      closing.current = false;
      return;
    }
    commit(ui.pos.row, ui.pos.col, value);
    dispatch({ type: "stopEdit" });
  };

  const onPaste = (e: React.ClipboardEvent) => {
    if (ui.editing !== null) return;
    const text = e.clipboardData.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    let pasted = 0;
    pastedColumn(text).forEach((value, i) => {
      const row = ui.pos.row + i;
      if (row < rows && editable(row, ui.pos.col)) {
        commit(row, ui.pos.col, value);
        pasted++;
      }
    });
    dispatch({ type: "notice", text: `Вставлено значений: ${pasted}` });
  };

  // Text that arrives without a keydown (IME, on-screen keyboards) in the hidden input.
  const onSinkChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    const v = e.currentTarget.value;
    e.currentTarget.value = "";
    if (!v || ui.editing !== null) return;
    startEdit(ui.pos.row, ui.pos.col, v);
  };

  // Rows are memoised: the pick handler stays the same function; a pick while a cell is edited
  // does nothing (the editor keeps the focus).
  const editingRef = useRef(ui.editing);
  useEffect(() => {
    editingRef.current = ui.editing;
  }, [ui.editing]);
  const pick = useCallback(
    (row: number, col: number) => {
      if (editingRef.current !== null) return;
      dispatch({ type: "pick", row, col });
      focusGrid();
    },
    [dispatch, focusGrid],
  );

  return { onKeyDown, onEditorKey, onEditorBlur, onPaste, onSinkChange, pick };
}
