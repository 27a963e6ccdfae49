"use client";
// The class journal grid (JRN-1…JRN-5, JRN-9): rows are students, each lesson a group of columns —
// attendance («п») and one column per assignment. Keyboard first (use-grid-keys.ts): arrows / Tab /
// Enter move, typing starts editing, Enter saves and goes down, Delete clears, Esc cancels, «+» on
// an attendance column says «все присутствуют», a column pasted from a spreadsheet fills down.
// Every cell is saved on its own in the background (use-cell-saver) with a visible state. The state
// is pure (grid-state.ts); the header and the rows are grid-header.tsx and grid-row.tsx.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { viewOfPayload, type GridPayload } from "@/lib/journal/grid-pack";
import type { GridFrame } from "@/lib/journal/grid-frame";
import { cellKey } from "./use-cell-saver";
import { LessonPanel } from "./lesson-panel";
import { CellBar } from "./cell-bar";
import {
  buildCols,
  cellHint,
  cellRefAt,
  cellText,
  gridReducer,
  initialUi,
  isEditable,
  statusesByStudent,
} from "./grid-state";
import { useGridKeys } from "./use-grid-keys";
import { useGridWindow } from "./use-grid-window";
import { useAllPresent, useGridOpening, useGridSaves } from "./use-grid-hooks";
import { GridStatusLine } from "./grid-status-line";
import { GridHeader } from "./grid-header";
import { GridFrameView } from "./grid-frame";
import { CELL_RULES, MemoRow, NO_STATUSES } from "./grid-row";
import { Input } from "@/components/ui/field";

const noSubscription = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;

type GridProps = {
  /** The packed view as one JSON string (lib/journal/grid-pack.ts gridPayload), unpacked once. */
  view: GridPayload;
  /** What is shown before the grid's script runs: names, averages, absences (lib/journal/grid-frame.ts). */
  frame: GridFrame;
  /** DAY-3: the journal to reopen next time (a cookie the journal page reads for this user). */
  remember?: { cookie: string; value: string } | null;
  canEdit: boolean;
  lessonOnly: number | null;
  periodLabel: string;
  /** Issue 22 item 4: the grid's class, subject, subgroup and period for GET /api/journal/grid; null — no window. */
  windowQuery?: string | null;
};

/**
 * The server renders the frame (students, averages: grid-frame.tsx) and so does the browser's first
 * render; right after hydration the grid takes its place and draws the lesson columns from the
 * compact data the page already carries. Rendering ~1,250 cells to HTML was most of the grid's server
 * time (issue 10, bench/notes.md); unpacking the view and drawing the rows for the HTML were the most
 * of what was left (issue 22), and the cells need the client anyway (keyboard entry).
 */
export function JournalGrid(props: GridProps) {
  const hydrated = useSyncExternalStore(noSubscription, clientSnapshot, serverSnapshot);
  return hydrated ? <LiveGrid {...props} /> : <GridFrameView frame={props.frame} periodLabel={props.periodLabel} />;
}

function LiveGrid(props: GridProps) {
  const router = useRouter();
  const [view, setView] = useState(() => viewOfPayload(props.view));
  const [serverView, setServerView] = useState(props.view);
  if (props.view !== serverView) {
    // A refresh from the server (lesson panel saved): take its data.
    setServerView(props.view);
    setView(viewOfPayload(props.view));
  }
  const defaultType = view.types.find((t) => !t.isControl) ?? view.types[0] ?? null;
  const cols = useMemo(
    () => buildCols(view.lessons, view.marksAllowed, defaultType?.id ?? null),
    [view.lessons, view.marksAllowed, defaultType?.id],
  );
  const [ui, dispatch] = useReducer(gridReducer, null, () => initialUi(view, cols));
  const { pos } = ui;
  const setNotice = useCallback(
    (text: string | null, atCell = false) => dispatch({ type: "notice", text, atCell }),
    [],
  );
  const boxRef = useRef<HTMLDivElement>(null);
  // A visually hidden input keeps the keyboard focus while no cell is edited: keys bubble to the
  // grid's handler, and text that arrives without a keydown (IME, on-screen keyboards) still
  // starts editing the active cell.
  const sinkRef = useRef<HTMLInputElement>(null);
  const focusGrid = useCallback(() => sinkRef.current?.focus({ preventScroll: true }), []);

  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });

  const { saver, rowRev } = useGridSaves({ viewRef, setView, setNotice, refresh: router.refresh });

  // What may be typed into depends on the students and the columns, not on the marks: the callback
  // stays the same across saves, so the memoised rows do not re-render for it.
  const { students, marksAllowed } = view;
  const editable = useCallback(
    (row: number, col: number) => isEditable({ students, marksAllowed }, cols, props.canEdit, row, col),
    [students, marksAllowed, cols, props.canEdit],
  );
  const textOf = useCallback((row: number, col: number) => cellText(view, cols, row, col), [view, cols]);

  const commit = useCallback(
    (row: number, col: number, input: string) => {
      const ref = cellRefAt(view, cols, row, col);
      if (!ref || !editable(row, col)) return;
      if (input.trim() === textOf(row, col).trim() && !saver.statuses[cellKey(ref)]) return;
      saver.enqueue(ref, input.trim());
    },
    [view, cols, editable, textOf, saver],
  );

  useGridOpening({
    boxRef,
    pos,
    cols,
    hydrated: true,
    focusGrid,
    lessonOnly: props.lessonOnly,
    remember: props.remember,
  });
  const allPresent = useAllPresent({ cols, canEdit: props.canEdit, setView, setNotice });

  const keys = useGridKeys({
    ui,
    dispatch,
    cols,
    rows: view.students.length,
    editable,
    textOf,
    commit,
    allPresent: (col) => void allPresent(col),
    hint: (row, col) => cellHint(view, cols, row, col, props.canEdit),
    focusGrid,
  });

  // Rows re-render only when their own data, statuses or activity change (arrow keys stay fast).
  const rowStatuses = useMemo(() => statusesByStudent(saver.statuses), [saver.statuses]);
  const openLesson = useCallback((lessonId: number) => dispatch({ type: "panel", lessonId }), []);
  const activeRef = cellRefAt(view, cols, pos.row, pos.col);
  const activeStatus = activeRef ? saver.statuses[cellKey(activeRef)] : undefined;
  // DAY-3: the active cell's refusal / conflict, else the grid's notice about it, anchored at the cell.
  const cellMessage =
    (activeStatus && activeStatus.state !== "saving" && activeStatus.state !== "saved" ? activeStatus.message : null) ??
    (ui.noticeAtCell ? ui.notice : null);
  const win = useGridWindow({
    query: props.windowQuery ?? null,
    view,
    setView,
    boxRef,
    cols,
    pos,
    dispatch,
    setNotice,
  });
  // A refresh from the server brings back the first window: a panel of an earlier lesson closes.
  const panelLesson = ui.panelLesson !== null ? view.lessons.find((l) => l.id === ui.panelLesson) : undefined;
  useEffect(() => {
    if (ui.panelLesson !== null && !panelLesson) dispatch({ type: "panel", lessonId: null });
  }, [ui.panelLesson, panelLesson]);
  const failed = Object.values(saver.statuses).filter((s) => s.state === "failed").length;
  const saving = Object.values(saver.statuses).filter((s) => s.state === "saving").length;

  return (
    <div className="space-y-2">
      <GridStatusLine failed={failed} saving={saving} window={win} />
      <div
        ref={boxRef}
        id="journal-grid"
        tabIndex={0}
        role="group"
        aria-label={`Журнал: ${view.className}, ${view.subjectName}, ${props.periodLabel}`}
        onKeyDown={keys.onKeyDown}
        onPaste={keys.onPaste}
        onScroll={win.onScroll}
        onFocus={(e) => {
          // The frame or the table itself got the focus (Tab, the skip link, a click on a border): keys go to the sink.
          if (e.target === e.currentTarget || e.target instanceof HTMLTableElement) focusGrid();
        }}
        className="relative max-h-[calc(100vh-230px)] overflow-auto rounded border border-slate-300 bg-white outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
      >
        {/* sr-only: the sink keeps the focus and the typed text but is never seen (its clip-path hides
            the kit's border and ring; it stood as an empty box above the table). */}
        <Input
          ref={sinkRef}
          aria-label="Ввод в активную ячейку"
          autoComplete="off"
          onChange={keys.onSinkChange}
          className="sr-only"
        />
        {/* DAY-3 / axe aria-required-children: role=grid sits on the table (rows are its children); the
            key sink stays beside it in the scrolling frame, which keeps the keyboard handlers. */}
        <table
          role="grid"
          tabIndex={-1}
          aria-label={`Журнал: ${view.className}, ${view.subjectName}, ${props.periodLabel}`}
          className={`border-separate border-spacing-0 text-xs leading-none outline-none ${CELL_RULES}`}
        >
          <GridHeader view={view} cols={cols} activeCol={pos.col} onLesson={openLesson} />
          <tbody>
            {view.students.map((s, row) => (
              <MemoRow
                key={s.id}
                row={row}
                view={view}
                rev={rowRev.get(s.id) ?? 0}
                cols={cols}
                activeCol={pos.row === row ? pos.col : -1}
                editing={pos.row === row ? ui.editing : null}
                statuses={rowStatuses.get(s.id)?.statuses ?? NO_STATUSES}
                statusSig={rowStatuses.get(s.id)?.sig ?? ""}
                editable={editable}
                onPick={keys.pick}
                onEditorKey={keys.onEditorKey}
                onEditorBlur={keys.onEditorBlur}
                message={pos.row === row ? cellMessage : null}
              />
            ))}
          </tbody>
        </table>
        {view.students.length === 0 && (
          <p className="p-4 text-sm text-slate-500">В классе (подгруппе) нет обучающихся за этот период.</p>
        )}
        {view.lessons.length === 0 && (
          <p className="p-4 text-sm text-slate-500">За выбранный период уроков по расписанию нет.</p>
        )}
      </div>
      {/* DAY-3: the cell's line (its state, «Дата закрыта…», conflicts) sticks to the bottom of the
          screen while the grid is in view, so a message about the active cell is never below the fold. */}
      <div className="sticky bottom-0 z-20 border-t border-slate-200 bg-white/95 py-1 shadow-[0_-2px_4px_rgba(0,0,0,0.04)]">
        <CellBar
          view={view}
          col={cols[pos.col] ?? null}
          student={view.students[pos.row] ?? null}
          cellRef={activeRef}
          status={activeStatus}
          notice={ui.notice}
          canEditComment={editable(pos.row, pos.col)}
          onComment={(comment) => {
            if (activeRef && activeRef.kind === "mark") saver.enqueue(activeRef, textOf(pos.row, pos.col), comment);
          }}
          onCloseNotice={() => setNotice(null)}
        />
      </div>
      {panelLesson && (
        <LessonPanel
          view={view}
          lesson={panelLesson}
          canEdit={props.canEdit}
          onClose={() => {
            dispatch({ type: "panel", lessonId: null });
            focusGrid();
          }}
        />
      )}
    </div>
  );
}
