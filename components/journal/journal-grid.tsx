"use client";
// The class journal grid (JRN-1…JRN-5, JRN-9): rows are students, each lesson a group of columns —
// attendance («п») and one column per assignment. Keyboard first (use-grid-keys.ts): arrows / Tab /
// Enter move, typing starts editing, Enter saves and goes down, Delete clears, Esc cancels, «+» on
// an attendance column says «все присутствуют», a column pasted from a spreadsheet fills down.
// Every cell is saved on its own in the background (use-cell-saver) with a visible state. The state
// is pure (grid-state.ts); the header and the rows are grid-header.tsx and grid-row.tsx.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { unpackGridView, type PackedGridView } from "@/lib/journal/grid-pack";
import { cellKey, useCellSaver } from "./use-cell-saver";
import { LessonPanel } from "./lesson-panel";
import { CellBar } from "./cell-bar";
import {
  applyAllPresent,
  applyConflict,
  applySaved,
  buildCols,
  cellHint,
  cellRefAt,
  cellText,
  cellVersion,
  ddmm,
  gridReducer,
  initialUi,
  isEditable,
  resolvePlaceholder,
  statusesByStudent,
  type Col,
} from "./grid-state";
import { useGridKeys } from "./use-grid-keys";
import { GridHeader } from "./grid-header";
import { CELL_RULES, MemoRow, NO_STATUSES } from "./grid-row";
import { Input } from "@/components/ui/field";

const noSubscription = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;
const NO_COLS: Col[] = [];

/** `view` arrives packed (lib/journal/grid-pack.ts: tuples instead of keyed objects) and is unpacked once. */
export function JournalGrid(props: {
  view: PackedGridView;
  /** DAY-3: the journal to reopen next time (a cookie the journal page reads for this user). */
  remember?: { cookie: string; value: string } | null;
  canEdit: boolean;
  lessonOnly: number | null;
  periodLabel: string;
}) {
  const router = useRouter();
  const [view, setView] = useState(() => unpackGridView(props.view));
  const [serverView, setServerView] = useState(props.view);
  if (props.view !== serverView) {
    // A refresh from the server (lesson panel saved): take its data.
    setServerView(props.view);
    setView(unpackGridView(props.view));
  }
  const defaultType = view.types.find((t) => !t.isControl) ?? view.types[0] ?? null;
  // The server renders the frame (students, averages); the lesson columns are drawn on the client
  // right after hydration from the compact data the page already carries. Rendering ~1,250 cells
  // to HTML was most of the grid's server time (issue 10, bench/notes.md), and the cells need the
  // client anyway (keyboard entry).
  const hydrated = useSyncExternalStore(noSubscription, clientSnapshot, serverSnapshot);
  const allCols = useMemo(
    () => buildCols(view.lessons, view.marksAllowed, defaultType?.id ?? null),
    [view.lessons, view.marksAllowed, defaultType?.id],
  );
  const cols = hydrated ? allCols : NO_COLS;
  const [ui, dispatch] = useReducer(gridReducer, null, () => initialUi(view, allCols));
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

  // Issue 22 item 4: a save or a conflict changes one student's cells; its row's revision goes up
  // and only that row re-renders (grid-row.tsx rowPropsEqual), not the whole table.
  const [rowRev, setRowRev] = useState<ReadonlyMap<number, number>>(() => new Map());
  const touchRow = useCallback(
    (studentId: number) => setRowRev((m) => new Map(m).set(studentId, (m.get(studentId) ?? 0) + 1)),
    [],
  );

  const saver = useCellSaver({
    resolve: (ref) => resolvePlaceholder(viewRef.current, ref),
    version: (ref) => cellVersion(viewRef.current, ref),
    saved: (ref, body) => {
      setView((v) => applySaved(v, ref, body));
      touchRow(ref.studentId);
    },
    conflict: (ref, body) => {
      if (body.reload) {
        setNotice(body.message, true);
        router.refresh();
        return;
      }
      const current = body.current;
      if (!current) return;
      setNotice(body.message, true);
      setView((v) => applyConflict(v, ref, current));
      touchRow(ref.studentId);
    },
  });

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

  useEffect(() => {
    const el = boxRef.current?.querySelector<HTMLElement>(`[data-pos="${pos.row}:${pos.col}"]`);
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pos, hydrated]);

  // DAY-3: the journal opens at today's column (or the period's last lesson, initialUi): the cells
  // exist only after hydration, so the effect above scrolls once they do; the keyboard focus then
  // lands in the grid (the layout's skip link «К журналу» leads here too).
  const opened = useRef(false);
  useEffect(() => {
    if (!hydrated || opened.current) return;
    opened.current = true;
    if (!props.lessonOnly) focusGrid();
  }, [hydrated, focusGrid, props.lessonOnly]);
  const remember = props.remember;
  useEffect(() => {
    if (remember)
      document.cookie = `${remember.cookie}=${remember.value}; path=/journal; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  }, [remember]);

  const allPresent = useCallback(
    async (col: number) => {
      const c = cols[col];
      if (!c || !props.canEdit) return;
      const res = await fetch("/api/journal/cell", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind: "allPresent", lessonId: c.lesson.id }),
      }).catch(() => null);
      const body = res ? ((await res.json().catch(() => null)) as { ok: boolean; message?: string } | null) : null;
      if (body?.ok) {
        setView((v) => applyAllPresent(v, c.lesson.id));
        setNotice(`${ddmm(c.lesson.date)}: все присутствуют (отмеченные пропуски сохранены)`);
      } else setNotice(body?.message ?? "Не удалось отметить: нет связи с сервером");
    },
    [cols, props.canEdit, setNotice],
  );

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
  const failed = Object.values(saver.statuses).filter((s) => s.state === "failed").length;
  const saving = Object.values(saver.statuses).filter((s) => s.state === "saving").length;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-live="polite">
        <span>
          Ввод: цифры — отметка, «б» после цифры — оценка из больницы, «д» — долг, «н/а»; в столбце «п»: «н», «оп», «+»
          — все присутствуют. Enter — сохранить и вниз, Tab — вправо, Delete — очистить, Esc — отмена, Ctrl+Enter —
          урок.
        </span>
        <span role="status" className="ml-auto font-medium">
          {failed > 0 ? (
            <span className="text-red-700">Не сохранено ячеек: {failed} — повторяю</span>
          ) : saving > 0 ? (
            <span className="text-blue-700">Сохраняю… ({saving})</span>
          ) : (
            <span className="text-emerald-700">Все изменения сохранены</span>
          )}
        </span>
      </div>
      <div
        ref={boxRef}
        id="journal-grid"
        tabIndex={0}
        role="group"
        aria-label={`Журнал: ${view.className}, ${view.subjectName}, ${props.periodLabel}`}
        onKeyDown={keys.onKeyDown}
        onPaste={keys.onPaste}
        onFocus={(e) => {
          // The frame or the table itself got the focus (Tab, the skip link, a click on a border): keys go to the sink.
          if (e.target === e.currentTarget || e.target instanceof HTMLTableElement) focusGrid();
        }}
        className="relative max-h-[calc(100vh-230px)] overflow-auto rounded border border-slate-300 bg-white outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
      >
        <Input ref={sinkRef} aria-label="Ввод в активную ячейку" autoComplete="off" onChange={keys.onSinkChange} />
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
      {ui.panelLesson !== null && (
        <LessonPanel
          view={view}
          lesson={view.lessons.find((l) => l.id === ui.panelLesson)!}
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
