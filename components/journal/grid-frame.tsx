// The journal grid's frame (issue 22 items 2 and 4): the page's HTML and the first render in the
// browser (hydration) show the students' names, averages and absences from the frame the server
// computed (lib/journal/grid-frame.ts); right after hydration the grid itself (journal-grid.tsx)
// takes its place and draws the lesson columns from the packed view. The HTML is rendered without
// unpacking the view or drawing the grid's rows; the rows' head cells name their classes by short ones
// written once on the table (grid-row.tsx FRAME_RULES: ≈ 450 bytes a row less of the page's HTML).
import type { GridFrame } from "@/lib/journal/grid-frame";
import { GridStatusLine } from "./grid-status-line";
import { HeadCorner } from "./grid-header";
import { FRAME_RULES, RowHeadCells, rowZebra } from "./grid-row";

const noLoad = async () => {};

export function GridFrameView({ frame, periodLabel }: { frame: GridFrame; periodLabel: string }) {
  const label = `Журнал: ${frame.className}, ${frame.subjectName}, ${periodLabel}`;
  return (
    <div className="space-y-2">
      <GridStatusLine
        failed={0}
        saving={0}
        window={{ hidden: frame.hidden ? { ...frame.hidden, sums: {} } : undefined, loading: null, load: noLoad }}
      />
      <div
        id="journal-grid"
        role="group"
        aria-label={label}
        className="relative max-h-[calc(100vh-230px)] overflow-auto rounded border border-slate-300 bg-white outline-none"
      >
        <table
          role="grid"
          aria-label={label}
          className={`border-separate border-spacing-0 text-xs leading-none outline-none ${FRAME_RULES}`}
        >
          <thead>
            <tr>
              <HeadCorner method={frame.method} orgKind={frame.orgKind} />
            </tr>
            <tr />
            <tr />
          </thead>
          <tbody>
            {frame.rows.map((head, row) => (
              <tr key={row} className={rowZebra(row)}>
                <RowHeadCells row={row} head={head} active={false} frame />
              </tr>
            ))}
          </tbody>
        </table>
        {frame.rows.length === 0 && (
          <p className="p-4 text-sm text-slate-500">В классе (подгруппе) нет обучающихся за этот период.</p>
        )}
        {frame.noLessons && <p className="p-4 text-sm text-slate-500">За выбранный период уроков по расписанию нет.</p>}
      </div>
    </div>
  );
}
