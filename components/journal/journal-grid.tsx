"use client";
// The class journal grid (JRN-1…JRN-5, JRN-9): rows are students, each lesson a group of columns —
// attendance («п») and one column per assignment. Keyboard first: arrows / Tab / Enter move,
// typing starts editing, Enter saves and goes down, Delete clears, Esc cancels, «+» on an
// attendance column says «все присутствуют», a column pasted from a spreadsheet fills down.
// Every cell is saved on its own in the background (use-cell-saver) with a visible state.
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { formatAverage } from "@/lib/journal/averages";
import {
  attendanceKey,
  expectedOn,
  markKey,
  studentAbsences,
  studentSummary,
  type GridAssignment,
  type GridLesson,
  type GridView,
} from "@/lib/journal/grid";
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES, markInputText, markLabel } from "@/lib/journal/rules";
import { unpackGridView, type PackedGridView } from "@/lib/journal/grid-pack";
import { cellKey, useCellSaver, type CellRef, type CellStatus } from "./use-cell-saver";
import { LessonPanel } from "./lesson-panel";
import { CellBar } from "./cell-bar";

type Col =
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

type Pos = { row: number; col: number };

function buildCols(lessons: GridLesson[], marksAllowed: boolean, defaultTypeId: number | null): Col[] {
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

const noSubscription = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;

function ddmm(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
}

/** `view` arrives packed (lib/journal/grid-pack.ts: tuples instead of keyed objects) and is unpacked once. */
export function JournalGrid(props: {
  view: PackedGridView;
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
  const [pos, setPos] = useState<Pos>({ row: 0, col: Math.max(0, lastOpenCol(view, allCols)) });
  const [editing, setEditing] = useState<string | null>(null);
  const [panelLesson, setPanelLesson] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  // A visually hidden input keeps the keyboard focus while no cell is edited: keys bubble to the
  // grid's handler, and text that arrives without a keydown (IME, on-screen keyboards) still
  // starts editing the active cell.
  const sinkRef = useRef<HTMLInputElement>(null);
  const focusGrid = useCallback(() => sinkRef.current?.focus({ preventScroll: true }), []);
  // Set while a key closes the editor, so the blur that follows does not save a second time.
  const closing = useRef(false);

  const refOf = useCallback(
    (row: number, col: number): CellRef | null => {
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
    },
    [cols, view.students],
  );

  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });

  const saver = useCellSaver({
    resolve: (ref) => {
      if (ref.kind !== "mark" || ref.assignmentId !== null) return ref;
      const lesson = viewRef.current.lessons.find((l) => l.id === ref.lessonId);
      const a = lesson?.assignments[0];
      return a ? { ...ref, assignmentId: a.id } : ref;
    },
    version: (ref) => {
      const v = viewRef.current;
      if (ref.kind === "attendance") return v.attendance[attendanceKey(ref.lessonId, ref.studentId)]?.version ?? 0;
      return ref.assignmentId === null ? 0 : (v.marks[markKey(ref.assignmentId, ref.studentId)]?.version ?? 0);
    },
    saved: (ref, body) => {
      setView((v) => {
        if (ref.kind === "attendance") {
          const attendance = { ...v.attendance };
          const k = attendanceKey(ref.lessonId, ref.studentId);
          if (body.attendance) attendance[k] = body.attendance;
          else delete attendance[k];
          return { ...v, attendance };
        }
        let lessons = v.lessons;
        const assignmentId = ref.assignmentId ?? body.assignmentId ?? null;
        if (assignmentId === null) return v;
        if (ref.assignmentId === null && body.assignmentId) {
          const type = v.types.find((t) => t.id === ref.typeId);
          lessons = v.lessons.map((l) =>
            l.id === ref.lessonId && !l.assignments.some((a) => a.id === body.assignmentId)
              ? {
                  ...l,
                  assignments: [
                    ...l.assignments,
                    {
                      id: body.assignmentId!,
                      typeId: ref.typeId ?? 0,
                      typeShort: type?.shortName ?? "?",
                      typeName: type?.name ?? "Задание",
                      weight: type?.weight ?? 1,
                      description: null,
                      dueDate: null,
                      isControl: type?.isControl ?? false,
                      hasSpecification: false,
                    },
                  ],
                }
              : l,
          );
        }
        const marks = { ...v.marks };
        const k = markKey(assignmentId, ref.studentId);
        if (body.mark) marks[k] = body.mark;
        else delete marks[k];
        return { ...v, lessons, marks };
      });
    },
    conflict: (ref, body) => {
      const current = body.current;
      if (body.reload) {
        setNotice(body.message);
        router.refresh();
        return;
      }
      if (!current) return;
      setNotice(body.message);
      setView((v) => {
        if (ref.kind === "attendance") {
          const attendance = { ...v.attendance };
          const k = attendanceKey(ref.lessonId, ref.studentId);
          if (current.attendance) attendance[k] = current.attendance;
          else delete attendance[k];
          return { ...v, attendance };
        }
        if (ref.assignmentId === null) return v;
        const marks = { ...v.marks };
        const k = markKey(ref.assignmentId, ref.studentId);
        if (current.mark) marks[k] = current.mark;
        else delete marks[k];
        return { ...v, marks };
      });
    },
  });

  const editable = useCallback(
    (row: number, col: number): boolean => {
      const c = cols[col];
      const s = view.students[row];
      if (!props.canEdit || !c || !s || !c.lesson.lock.open) return false;
      if (s.cells[c.lessonIdx] !== "o") return false;
      // The student's period final locks marks and attendance (JRN-6, REC-1) unless ADMIN unlocked the date.
      if (s.finalSet && !c.lesson.lock.byUnlock) return false;
      return c.kind === "att" || view.marksAllowed;
    },
    [cols, view.students, view.marksAllowed, props.canEdit],
  );

  const textOf = useCallback(
    (row: number, col: number): string => {
      const ref = refOf(row, col);
      if (!ref) return "";
      if (ref.kind === "attendance") {
        const a = view.attendance[attendanceKey(ref.lessonId, ref.studentId)];
        return a
          ? (a.code === "N" ? "н" : a.code === "OP" ? "оп" : ATTENDANCE_LABELS[a.code].toLowerCase()) +
              (a.missedHours !== null && view.orgKind === "COLLEGE" && a.missedHours !== cols[col].lesson.hours
                ? String(a.missedHours)
                : "")
          : "";
      }
      const m = ref.assignmentId === null ? undefined : view.marks[markKey(ref.assignmentId, ref.studentId)];
      return m ? markInputText(m) : "";
    },
    [refOf, view.attendance, view.marks, view.orgKind, cols],
  );

  const commit = useCallback(
    (row: number, col: number, input: string) => {
      const ref = refOf(row, col);
      if (!ref || !editable(row, col)) return;
      if (input.trim() === textOf(row, col).trim() && !saver.statuses[cellKey(ref)]) return;
      saver.enqueue(ref, input.trim());
    },
    [refOf, editable, textOf, saver],
  );

  const move = useCallback(
    (dr: number, dc: number) => {
      setPos((p) => ({
        row: Math.min(view.students.length - 1, Math.max(0, p.row + dr)),
        col: Math.min(cols.length - 1, Math.max(0, p.col + dc)),
      }));
    },
    [view.students.length, cols.length],
  );

  useEffect(() => {
    const el = boxRef.current?.querySelector<HTMLElement>(`[data-pos="${pos.row}:${pos.col}"]`);
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pos]);

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
        setView((v) => ({
          ...v,
          lessons: v.lessons.map((l) => (l.id === c.lesson.id ? { ...l, attendanceTaken: true } : l)),
        }));
        setNotice(`${ddmm(c.lesson.date)}: все присутствуют (отмеченные пропуски сохранены)`);
      } else setNotice(body?.message ?? "Не удалось отметить: нет связи с сервером");
    },
    [cols, props.canEdit],
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing !== null || panelLesson !== null) return;
    const { row, col } = pos;
    switch (e.key) {
      case "ArrowDown":
        move(1, 0);
        break;
      case "ArrowUp":
        move(-1, 0);
        break;
      case "ArrowRight":
        move(0, 1);
        break;
      case "ArrowLeft":
        move(0, -1);
        break;
      case "Tab":
        move(0, e.shiftKey ? -1 : 1);
        break;
      case "Enter":
        if (e.ctrlKey || e.metaKey) setPanelLesson(cols[col]?.lesson.id ?? null);
        else move(e.shiftKey ? -1 : 1, 0);
        break;
      case "F2":
        if (editable(row, col)) {
          closing.current = false;
          setEditing(textOf(row, col));
        }
        break;
      case "Delete":
      case "Backspace":
        commit(row, col, "");
        break;
      case "Home":
        setPos({ row, col: 0 });
        break;
      case "End":
        setPos({ row, col: cols.length - 1 });
        break;
      default:
        if (e.key === "+" && cols[col]?.kind === "att") {
          void allPresent(col);
          break;
        }
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== " ") {
          if (editable(row, col)) {
            closing.current = false;
            setEditing(e.key);
          } else setNotice(cellHint(view, cols, row, col, props.canEdit));
          break;
        }
        return;
    }
    e.preventDefault();
  };

  const onEditorKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    const finish = (dr: number, dc: number) => {
      e.preventDefault();
      closing.current = true;
      commit(pos.row, pos.col, value);
      setEditing(null);
      move(dr, dc);
      focusGrid();
    };
    if (e.key === "Enter") finish(e.shiftKey ? -1 : 1, 0);
    else if (e.key === "Tab") finish(0, e.shiftKey ? -1 : 1);
    else if (e.key === "ArrowDown") finish(1, 0);
    else if (e.key === "ArrowUp") finish(-1, 0);
    else if (e.key === "Escape") {
      e.preventDefault();
      closing.current = true;
      setEditing(null);
      focusGrid();
    }
    e.stopPropagation();
  };

  const onPaste = (e: React.ClipboardEvent) => {
    if (editing !== null) return;
    const text = e.clipboardData.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    const lines = text.replace(/\r/g, "").split("\n");
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
    let pasted = 0;
    lines.forEach((line, i) => {
      const row = pos.row + i;
      const value = line.split("\t")[0] ?? "";
      if (row < view.students.length && editable(row, pos.col)) {
        commit(row, pos.col, value);
        pasted++;
      }
    });
    setNotice(`Вставлено значений: ${pasted}`);
  };

  // Rows re-render only when their own data, statuses or activity change (arrow keys stay fast).
  const editingRef = useRef(editing);
  useEffect(() => {
    editingRef.current = editing;
  }, [editing]);
  const pick = useCallback(
    (row: number, col: number) => {
      if (editingRef.current !== null) return;
      setPos({ row, col });
      focusGrid();
    },
    [focusGrid],
  );
  const rowStatuses = useMemo(() => {
    const byStudent = new Map<number, { statuses: Record<string, CellStatus>; sig: string }>();
    for (const [key, status] of Object.entries(saver.statuses)) {
      const studentId = Number(key.slice(key.lastIndexOf(":") + 1));
      const entry = byStudent.get(studentId) ?? { statuses: {}, sig: "" };
      entry.statuses[key] = status;
      entry.sig += `${key}=${status.state}:${status.pending ?? ""}|`;
      byStudent.set(studentId, entry);
    }
    return byStudent;
  }, [saver.statuses]);

  const activeRef = refOf(pos.row, pos.col);
  const activeStatus = activeRef ? saver.statuses[cellKey(activeRef)] : undefined;
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
        tabIndex={0}
        role="grid"
        aria-label={`Журнал: ${view.className}, ${view.subjectName}, ${props.periodLabel}`}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onFocus={(e) => {
          if (e.target === e.currentTarget) focusGrid();
        }}
        className="relative max-h-[calc(100vh-230px)] overflow-auto rounded border border-slate-300 bg-white outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
      >
        <input
          ref={sinkRef}
          aria-label="Ввод в активную ячейку"
          className="sr-only"
          autoComplete="off"
          onChange={(e) => {
            const v = e.currentTarget.value;
            e.currentTarget.value = "";
            if (!v || editing !== null) return;
            if (editable(pos.row, pos.col)) {
              closing.current = false;
              setEditing(v);
            } else setNotice(cellHint(view, cols, pos.row, pos.col, props.canEdit));
          }}
        />
        <table className={`border-separate border-spacing-0 text-xs leading-none ${CELL_RULES}`}>
          <GridHeader view={view} cols={cols} activeCol={pos.col} onLesson={setPanelLesson} />
          <tbody>
            {view.students.map((s, row) => (
              <MemoRow
                key={s.id}
                row={row}
                view={view}
                cols={cols}
                activeCol={pos.row === row ? pos.col : -1}
                editing={pos.row === row ? editing : null}
                statuses={rowStatuses.get(s.id)?.statuses ?? NO_STATUSES}
                statusSig={rowStatuses.get(s.id)?.sig ?? ""}
                editable={editable}
                onPick={pick}
                onEditorKey={onEditorKey}
                onEditorBlur={(value) => {
                  if (closing.current) {
                    closing.current = false;
                    return;
                  }
                  commit(pos.row, pos.col, value);
                  setEditing(null);
                }}
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
      <CellBar
        view={view}
        col={cols[pos.col] ?? null}
        student={view.students[pos.row] ?? null}
        cellRef={activeRef}
        status={activeStatus}
        notice={notice}
        canEditComment={editable(pos.row, pos.col)}
        onComment={(comment) => {
          if (activeRef && activeRef.kind === "mark") saver.enqueue(activeRef, textOf(pos.row, pos.col), comment);
        }}
        onCloseNotice={() => setNotice(null)}
      />
      {panelLesson !== null && (
        <LessonPanel
          view={view}
          lesson={view.lessons.find((l) => l.id === panelLesson)!}
          canEdit={props.canEdit}
          onClose={() => {
            setPanelLesson(null);
            focusGrid();
          }}
        />
      )}
    </div>
  );
}

const NO_COLS: Col[] = [];

function lastOpenCol(view: GridView, cols: Col[]): number {
  for (let i = cols.length - 1; i >= 0; i--) if (cols[i].lesson.date <= view.today && cols[i].first) return i;
  return 0;
}

function cellHint(view: GridView, cols: Col[], row: number, col: number, canEdit: boolean): string {
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

function LockIcon({ open }: { open: boolean }) {
  return (
    <svg
      viewBox="0 0 12 12"
      role="img"
      aria-label={open ? "дата открыта администратором" : "дата закрыта"}
      className={`ml-0.5 inline h-2.5 w-2.5 align-baseline ${open ? "text-amber-600" : "text-slate-400"}`}
    >
      <rect x="2" y="5.5" width="8" height="6" rx="1" fill="currentColor" />
      <path
        d={open ? "M4 5.5V3.5a2 2 0 0 1 4 0" : "M4 5.5V3.5a2 2 0 0 1 4 0v2"}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
      />
    </svg>
  );
}

const GridHeader = memo(function GridHeader(props: {
  view: GridView;
  cols: Col[];
  activeCol: number;
  onLesson: (id: number) => void;
}) {
  const { view, cols } = props;
  const groups: { lesson: GridLesson; span: number; start: number }[] = [];
  cols.forEach((c, i) => {
    const last = groups[groups.length - 1];
    if (last && last.lesson.id === c.lesson.id) last.span++;
    else groups.push({ lesson: c.lesson, span: 1, start: i });
  });
  const activeLesson = cols[props.activeCol]?.lesson.id;
  const stickyTh = "sticky z-30 bg-slate-100 border-b border-r border-slate-300";
  return (
    <thead>
      <tr>
        <th rowSpan={3} className={`${stickyTh} left-0 top-0 z-40 w-7 min-w-7 text-center font-normal text-slate-500`}>
          №
        </th>
        <th
          rowSpan={3}
          className={`${stickyTh} left-7 top-0 z-40 w-52 min-w-52 max-w-52 px-2 text-left align-bottom pb-1 font-semibold`}
        >
          Обучающийся
        </th>
        <th
          rowSpan={3}
          className={`${stickyTh} left-[14.75rem] top-0 z-40 w-12 min-w-12 px-1 align-bottom pb-1 font-semibold`}
          title={view.method === "WEIGHTED" ? "Средневзвешенный балл за период" : "Средний балл за период"}
        >
          Ср.
        </th>
        <th
          rowSpan={3}
          className={`${stickyTh} left-[17.75rem] top-0 z-40 w-9 min-w-9 px-1 align-bottom pb-1 font-semibold`}
          title={view.orgKind === "COLLEGE" ? "Пропущено часов" : "Пропущено уроков"}
        >
          {view.orgKind === "COLLEGE" ? "Ч." : "Пр."}
        </th>
        {groups.map((g) => (
          <th
            key={g.lesson.id}
            colSpan={g.span}
            className={`sticky top-0 z-20 h-6 border-b border-r border-slate-300 px-0.5 font-semibold ${g.lesson.id === activeLesson ? "bg-blue-100" : "bg-slate-50"}`}
          >
            <button
              type="button"
              onClick={() => props.onLesson(g.lesson.id)}
              className="w-full whitespace-nowrap rounded px-0.5 hover:bg-blue-200 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
              title={`Урок ${g.lesson.date.split("-").reverse().join(".")}, ${g.lesson.bell}-й: открыть тему, задания, домашнее задание`}
            >
              {ddmm(g.lesson.date)}
              {!g.lesson.lock.open && g.lesson.lock.code !== "future" && <LockIcon open={false} />}
              {g.lesson.lock.open && g.lesson.lock.byUnlock && <LockIcon open />}
            </button>
          </th>
        ))}
      </tr>
      <tr>
        {groups.map((g) => (
          <th
            key={g.lesson.id}
            colSpan={g.span}
            className="sticky top-6 z-20 h-24 max-w-16 border-b border-r border-slate-300 bg-slate-50 p-0.5 align-bottom font-normal"
            title={[g.lesson.topic ?? "Тема не указана", g.lesson.homework ? `Д/з: ${g.lesson.homework.text}` : null]
              .filter(Boolean)
              .join("\n")}
          >
            <div
              className={`mx-auto max-h-[5.5rem] overflow-hidden text-ellipsis whitespace-nowrap text-[10px] [writing-mode:vertical-rl] rotate-180 ${g.lesson.topic ? "text-slate-700" : "text-red-600"}`}
            >
              {g.lesson.topic ?? "нет темы"}
            </div>
          </th>
        ))}
      </tr>
      <tr>
        {cols.map((c, i) => (
          <th
            key={c.id}
            id={`jc${i}`}
            aria-label={`${ddmm(c.lesson.date)}, ${c.kind === "att" ? `посещаемость${c.lesson.attendanceTaken ? " (все присутствуют)" : ""}` : (c.assignment?.typeName ?? "отметка")}`}
            data-lesson={c.lesson.id}
            data-kind={c.kind}
            className={`sticky top-[7.5rem] z-20 h-5 min-w-7 border-b border-r border-slate-300 px-0.5 font-normal ${i === props.activeCol ? "bg-blue-100" : "bg-slate-50"} ${c.kind === "att" ? "text-slate-400" : "text-slate-600"}`}
            title={
              c.kind === "att"
                ? `Посещаемость${c.lesson.attendanceTaken ? " (отмечено «все присутствуют»)" : ""}`
                : c.assignment
                  ? `${c.assignment.typeName}${c.assignment.description ? `: ${c.assignment.description}` : ""}, вес ${c.assignment.weight}`
                  : "Отметки: задание «Ответ на уроке» будет создано при вводе"
            }
          >
            {c.kind === "att" ? (
              c.lesson.attendanceTaken ? (
                "п✓"
              ) : (
                "п"
              )
            ) : c.assignment ? (
              <span className={c.assignment.isControl ? "font-semibold text-rose-700" : ""}>
                {c.assignment.typeShort}
                {c.assignment.weight !== 1 && <sup className="text-[8px]">{c.assignment.weight}</sup>}
              </span>
            ) : (
              <span className="text-slate-300">+</span>
            )}
          </th>
        ))}
      </tr>
    </thead>
  );
});

type RowProps = {
  row: number;
  view: GridView;
  cols: Col[];
  activeCol: number;
  editing: string | null;
  statuses: Record<string, CellStatus>;
  statusSig: string;
  editable: (row: number, col: number) => boolean;
  onPick: (row: number, col: number) => void;
  onEditorKey: (e: React.KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: (value: string) => void;
};

const NO_STATUSES: Record<string, CellStatus> = {};

// The classes every cell shares, once on the table (3,000+ cells would repeat them): `jc` is a
// cell, `jf` the first column of a lesson, `jx` a day the student is outside the class/subgroup.
const CELL_RULES =
  "[&_td.jc]:relative [&_td.jc]:h-6 [&_td.jc]:min-w-7 [&_td.jc]:cursor-cell [&_td.jc]:border-b [&_td.jc]:border-r [&_td.jc]:border-slate-200 " +
  "[&_td.jc]:px-0.5 [&_td.jc]:text-center [&_td.jc]:text-[13px] [&_td.jc]:tabular-nums [&_td.jf]:border-l [&_td.jf]:border-l-slate-300 " +
  "[&_td.jx]:bg-[repeating-linear-gradient(45deg,#f1f5f9,#f1f5f9_3px,#e2e8f0_3px,#e2e8f0_5px)]";

const ATT_COLOURS: Record<string, string> = {
  N: "text-red-600 font-semibold",
  OP: "text-amber-600",
  B: "text-sky-700",
  UP: "text-slate-600",
  NP: "text-red-800",
  OT: "text-slate-600",
};
const MARK_COLOURS: Record<string, string> = {
  "5": "text-emerald-700",
  "4": "text-blue-700",
  "3": "text-amber-700",
  "2": "text-red-600",
  "1": "text-red-700",
};

function GridRow(p: RowProps) {
  const s = p.view.students[p.row];
  const summary = studentSummary(p.view, s.id);
  const absences = studentAbsences(p.view, s.id);
  const zebra = p.row % 2 === 1 ? "bg-slate-50/60" : "bg-white";
  const nameCell = `sticky z-10 border-b border-r border-slate-200 ${p.activeCol >= 0 ? "bg-blue-50" : "bg-white"}`;
  return (
    <tr className={zebra}>
      <td className={`${nameCell} left-0 w-7 text-center tabular-nums text-slate-400`}>{p.row + 1}</td>
      <th
        scope="row"
        id={`jr${p.row}`}
        className={`${nameCell} left-7 w-52 min-w-52 max-w-52 truncate px-2 py-1 text-left font-normal ${s.left ? "text-slate-400" : ""}`}
        title={s.left ? "Выбыл(а)" : s.joinedLate ? "Прибыл(а) в течение периода" : undefined}
      >
        {s.name}
        {s.left && <span className="ml-1 text-[10px]">(выб.)</span>}
        {s.joinedLate && !s.left && <span className="ml-1 text-[10px] text-slate-400">(приб.)</span>}
      </th>
      <td
        className={`${nameCell} left-[14.75rem] text-center tabular-nums font-semibold`}
        title={
          summary.forecast.next && summary.forecast.needed[0]?.count
            ? `До «${summary.forecast.next}»: ${summary.forecast.needed.map((n) => `${n.count ?? "—"} × «${n.value}»`).join(" или ")}`
            : undefined
        }
      >
        <span className={summary.forecast.atRisk ? "text-red-600" : ""}>{formatAverage(summary.average)}</span>
      </td>
      <td className={`${nameCell} left-[17.75rem] text-center tabular-nums text-slate-600`}>
        {p.view.orgKind === "COLLEGE" ? absences.hours || "" : absences.count || ""}
      </td>
      {p.cols.map((c, col) => {
        const state = s.cells[c.lessonIdx];
        const active = col === p.activeCol;
        const ref: CellRef =
          c.kind === "att"
            ? { kind: "attendance", lessonId: c.lesson.id, studentId: s.id }
            : {
                kind: "mark",
                lessonId: c.lesson.id,
                studentId: s.id,
                assignmentId: c.assignment?.id ?? null,
                typeId: c.typeId,
              };
        const status = p.statuses[cellKey(ref)];
        let content: React.ReactNode = null;
        let title = "";
        if (state === "o") {
          if (c.kind === "att") {
            const a = p.view.attendance[attendanceKey(c.lesson.id, s.id)];
            if (a) {
              content = (
                <span className={`text-[11px] ${ATT_COLOURS[a.code]}`}>
                  {ATTENDANCE_LABELS[a.code]}
                  {a.missedHours !== null && a.missedHours !== c.lesson.hours ? <sub>{a.missedHours}</sub> : null}
                </span>
              );
              title = ATTENDANCE_TITLES[a.code];
            } else {
              // DUT-4: an absence expected from a document or a parent's notice, not in the register yet.
              const e = expectedOn(p.view.expected, s.id, c.lesson.date);
              if (e) {
                content = (
                  <span data-expected={e.pending ? "notice" : "absence"} className="text-[11px] italic text-slate-400">
                    {ATTENDANCE_LABELS[e.code]}
                    {e.pending ? "?" : ""}
                  </span>
                );
                title = `Ожидается отсутствие (${ATTENDANCE_TITLES[e.code]}): ${e.note}`;
              }
            }
          } else if (c.assignment) {
            const m = p.view.marks[markKey(c.assignment.id, s.id)];
            if (m) {
              content = (
                <span
                  className={
                    m.kind === "GRADE"
                      ? (MARK_COLOURS[String(m.value)] ?? "")
                      : m.kind === "DEBT" || m.kind === "FAIL"
                        ? "text-red-600"
                        : "text-slate-700"
                  }
                >
                  {markLabel(m)}
                  {m.isHospital && <sup className="text-[8px] text-sky-700">б</sup>}
                </span>
              );
              title = [m.isHospital ? "оценка, полученная в больнице" : "", m.comment ?? ""].filter(Boolean).join(". ");
              if (m.comment)
                content = (
                  <>
                    {content}
                    <span
                      aria-hidden
                      className="absolute right-0 top-0 h-0 w-0 border-l-[5px] border-t-[5px] border-l-transparent border-t-amber-500"
                    />
                  </>
                );
            }
          }
        }
        if (status?.pending !== undefined && (status.state === "saving" || status.state === "failed"))
          content = <span className="italic text-slate-500">{status.pending}</span>;
        const base =
          state === "x"
            ? " jx"
            : state === "f"
              ? " bg-slate-100"
              : !c.lesson.lock.open || (s.finalSet && !c.lesson.lock.byUnlock)
                ? " bg-slate-50"
                : "";
        const statusCls =
          status?.state === "failed"
            ? " ring-2 ring-inset ring-red-500 bg-red-50"
            : status?.state === "conflict"
              ? " ring-2 ring-inset ring-orange-500 bg-orange-50"
              : status?.state === "error"
                ? " ring-2 ring-inset ring-red-400"
                : status?.state === "saving"
                  ? " bg-blue-50"
                  : status?.state === "saved"
                    ? " bg-emerald-50"
                    : "";
        const tip = status?.message ?? title;
        return (
          <td
            key={c.id}
            data-pos={`${p.row}:${col}`}
            role="gridcell"
            aria-selected={active}
            aria-labelledby={`jr${p.row} jc${col}`}
            data-status={status?.state}
            data-editable={p.editable(p.row, col) ? "true" : undefined}
            title={tip || undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              p.onPick(p.row, col);
            }}
            className={`jc${c.first ? " jf" : ""}${base}${statusCls}${active ? " outline outline-2 -outline-offset-2 outline-blue-600" : ""}`}
          >
            {active && p.editing !== null && p.editable(p.row, col) ? (
              <input
                autoFocus
                defaultValue={p.editing}
                aria-label="Значение ячейки"
                onKeyDown={p.onEditorKey}
                onBlur={(e) => p.onEditorBlur(e.currentTarget.value)}
                className="absolute inset-0 z-10 w-full min-w-10 border-2 border-blue-600 bg-white px-0.5 text-center text-[13px] outline-none"
              />
            ) : (
              content
            )}
            {status?.state === "saved" && (
              <span aria-hidden className="absolute bottom-0 right-0 text-[8px] text-emerald-600">
                ✓
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
}

const MemoRow = memo(
  GridRow,
  (a, b) =>
    a.view === b.view &&
    a.cols === b.cols &&
    a.row === b.row &&
    a.activeCol === b.activeCol &&
    a.editing === b.editing &&
    a.statusSig === b.statusSig &&
    a.editable === b.editable,
);
