// One student's row of the journal grid: number, name, running average (with the forecast on
// hover) and absences stay sticky on the left; each cell shows its attendance code or mark (the
// kit's MarkBadge colours), its save state (saving / saved / failed / conflict) and, when active and
// editable, the cell editor. Rows are memoised: arrow keys re-render two rows, not the class.
import { memo } from "react";
import { rowHead, type RowHead } from "@/lib/journal/grid-frame";
import { cellOf, expectedOn, studentAbsences, studentSummary, type GridView } from "@/lib/journal/grid";
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES, markLabel } from "@/lib/journal/rules";
import { MarkBadge } from "@/components/ui/mark-badge";
import type { Col } from "./grid-state";
import { cellKey, type CellRef, type CellStatus } from "./use-cell-saver";
import { formatNumber } from "@/lib/org/vocabulary";

export type RowProps = {
  row: number;
  view: GridView;
  /** Bumped when this student's cells change (a save, a conflict): the row re-renders, the others do not. */
  rev: number;
  cols: Col[];
  activeCol: number;
  editing: string | null;
  statuses: Record<string, CellStatus>;
  statusSig: string;
  editable: (row: number, col: number) => boolean;
  onPick: (row: number, col: number) => void;
  onEditorKey: (e: React.KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: (value: string) => void;
  /** DAY-3: the active cell's message (a refusal, a conflict, why it cannot be typed into), shown at the cell. */
  message?: string | null;
};

/** The id of the message anchored to the active cell (its aria-describedby). */
export const CELL_MESSAGE_ID = "journal-cell-message";

export const NO_STATUSES: Record<string, CellStatus> = {};

// The classes every cell shares, once on the table (3,000+ cells would repeat them): `jc` is a
// cell, `jf` the first column of a lesson, `jx` a day the student is outside the class/subgroup.
export const CELL_RULES =
  "[&_td.jc]:relative [&_td.jc]:h-6 [&_td.jc]:min-w-7 [&_td.jc]:cursor-cell [&_td.jc]:border-b [&_td.jc]:border-r [&_td.jc]:border-slate-200 " +
  "[&_td.jc]:px-0.5 [&_td.jc]:text-center [&_td.jc]:text-[13px] [&_td.jc]:tabular-nums [&_td.jf]:border-l [&_td.jf]:border-l-slate-300 " +
  "[&_td.jx]:bg-[repeating-linear-gradient(45deg,#f1f5f9,#f1f5f9_3px,#e2e8f0_3px,#e2e8f0_5px)]";

const ATT_COLOURS: Record<string, string> = {
  N: "text-red-600 font-semibold",
  OP: "text-amber-700",
  B: "text-sky-700",
  UP: "text-slate-600",
  NP: "text-red-800",
  OT: "text-slate-600",
};
/** A row's background: every other row shaded. */
export const rowZebra = (row: number) => (row % 2 === 1 ? "bg-slate-50/60" : "bg-white");

/** The classes every sticky head cell of a row shares (and the row's activity: bg-blue-50, else bg-white). */
const HEAD_CELL = "sticky z-10 border-b border-r border-slate-200";
/**
 * Each head cell's own classes: number, name, average, absences. DAY-4: below sm (a phone) the name
 * column is 7rem, not 13rem — at 390 px the four sticky columns took 296 of the frame's 340 px and left
 * one lesson column in view (round 24's walk); now 224 px, four lesson columns. grid-header.tsx's
 * HeadCorner and FRAME_RULES below say the same widths.
 */
export const HEAD_COLUMNS = [
  "left-0 w-7 text-center tabular-nums text-slate-500",
  "left-7 w-52 min-w-52 max-w-52 max-sm:w-28 max-sm:min-w-28 max-sm:max-w-28 truncate px-2 py-1 text-left font-normal",
  "left-[14.75rem] max-sm:left-[8.75rem] text-center tabular-nums font-semibold",
  "left-[17.75rem] max-sm:left-[11.75rem] text-center tabular-nums text-slate-600",
] as const;

/**
 * The frame's head cells (grid-frame.tsx; issue 22 item 4): the same classes as an inactive row's, written
 * once on the frame's table as FRAME_RULES — each row of the page's HTML names them by these short
 * classes (`jh` every head cell, then the column's) instead of repeating ≈ 450 bytes of them.
 */
export const FRAME_HEAD = ["jh jn", "jh jm", "jh ja", "jh jp"] as const;
export const FRAME_RULES =
  "[&_.jh]:sticky [&_.jh]:z-10 [&_.jh]:border-b [&_.jh]:border-r [&_.jh]:border-slate-200 [&_.jh]:bg-white " +
  "[&_.jn]:left-0 [&_.jn]:w-7 [&_.jn]:text-center [&_.jn]:tabular-nums [&_.jn]:text-slate-500 " +
  "[&_.jm]:left-7 [&_.jm]:w-52 [&_.jm]:min-w-52 [&_.jm]:max-w-52 [&_.jm]:max-sm:w-28 [&_.jm]:max-sm:min-w-28 [&_.jm]:max-sm:max-w-28 " +
  "[&_.jm]:truncate [&_.jm]:px-2 [&_.jm]:py-1 [&_.jm]:text-left [&_.jm]:font-normal " +
  "[&_.ja]:left-[14.75rem] [&_.ja]:max-sm:left-[8.75rem] [&_.ja]:text-center [&_.ja]:tabular-nums [&_.ja]:font-semibold " +
  "[&_.jp]:left-[17.75rem] [&_.jp]:max-sm:left-[11.75rem] [&_.jp]:text-center [&_.jp]:tabular-nums [&_.jp]:text-slate-600";

/**
 * The sticky cells left of a row's lesson cells: number, name, average (the forecast as its title),
 * absences — the same for the grid's rows and for the frame the server renders (grid-frame.tsx, `frame`:
 * its short classes under FRAME_RULES).
 */
export function RowHeadCells({
  row,
  head,
  active,
  frame = false,
}: {
  row: number;
  head: RowHead;
  active: boolean;
  frame?: boolean;
}) {
  const [name, left, joinedLate, average, atRisk, forecastTitle, absences] = head;
  const cls = (i: number) =>
    frame ? FRAME_HEAD[i] : `${HEAD_CELL} ${active ? "bg-blue-50" : "bg-white"} ${HEAD_COLUMNS[i]}`;
  return (
    <>
      <td className={cls(0)}>{row + 1}</td>
      <th
        scope="row"
        id={`jr${row}`}
        className={frame ? (left ? `${cls(1)} text-slate-500` : cls(1)) : `${cls(1)} ${left ? "text-slate-500" : ""}`}
        title={left ? "Выбыл(а)" : joinedLate ? "Прибыл(а) в течение периода" : undefined}
      >
        {name}
        {left && <span className="ml-1 text-[10px]">(выб.)</span>}
        {joinedLate && !left && <span className="ml-1 text-[10px] text-slate-500">(приб.)</span>}
      </th>
      <td className={cls(2)} title={forecastTitle ?? undefined}>
        <span className={atRisk ? "text-red-600" : ""}>{average}</span>
      </td>
      <td className={cls(3)}>{absences}</td>
    </>
  );
}

function GridRow(p: RowProps) {
  const s = p.view.students[p.row];
  const head = rowHead(p.view.orgKind, s, studentSummary(p.view, s.id), studentAbsences(p.view, s.id));
  return (
    <tr className={rowZebra(p.row)}>
      <RowHeadCells row={p.row} head={head} active={p.activeCol >= 0} />
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
            const a = cellOf(p.view.attendance, c.lesson.id, s.id);
            if (a) {
              content = (
                <span className={`text-[11px] ${ATT_COLOURS[a.code]}`}>
                  {ATTENDANCE_LABELS[a.code]}
                  {a.missedHours !== null && a.missedHours !== c.lesson.hours ? (
                    <sub>{formatNumber(a.missedHours)}</sub>
                  ) : null}
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
            const m = cellOf(p.view.marks, c.assignment.id, s.id);
            if (m) {
              content = (
                <MarkBadge label={markLabel(m)} variant="text">
                  {m.isHospital && <sup className="text-[8px] text-sky-700">б</sup>}
                </MarkBadge>
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
        const message = active && p.message ? p.message : null;
        return (
          <td
            key={c.id}
            data-pos={`${p.row}:${col}`}
            role="gridcell"
            aria-selected={active}
            // the cell's own text is part of its name (row, column, value), as it is on screen
            id={`jv${p.row}_${col}`}
            aria-labelledby={`jr${p.row} jc${col} jv${p.row}_${col}`}
            aria-describedby={message ? CELL_MESSAGE_ID : undefined}
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
              // eslint-disable-next-line no-restricted-syntax -- the cell editor covers its grid cell exactly
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
            {message && (
              // Anchored under the cell (above it in the last rows), so the refusal is read where the eye is.
              <span
                id={CELL_MESSAGE_ID}
                role="alert"
                data-testid="cell-message"
                className={`absolute left-0 z-30 w-max max-w-64 whitespace-normal rounded border px-1.5 py-1 text-left text-[11px] font-normal leading-snug shadow ${
                  p.row >= p.view.students.length - 2 && p.row > 1 ? "bottom-full mb-0.5" : "top-full mt-0.5"
                } ${status?.state === "conflict" ? "border-orange-300 bg-orange-50 text-orange-900" : "border-red-300 bg-red-50 text-red-800"}`}
              >
                {message}
              </span>
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

/**
 * Issue 22 item 4: a save changes one student's cells, so a row compares the parts of the view it
 * draws that a save leaves alone (the students, the lessons, the expected absences — all replaced by
 * a refresh from the server) and its own revision, not the whole view: one row re-renders per save.
 */
export function rowPropsEqual(a: RowProps, b: RowProps): boolean {
  return (
    a.view.students === b.view.students &&
    a.view.lessons === b.view.lessons &&
    a.view.expected === b.view.expected &&
    a.rev === b.rev &&
    a.cols === b.cols &&
    a.row === b.row &&
    a.activeCol === b.activeCol &&
    a.editing === b.editing &&
    a.statusSig === b.statusSig &&
    a.editable === b.editable &&
    a.message === b.message
  );
}

export const MemoRow = memo(GridRow, rowPropsEqual);
