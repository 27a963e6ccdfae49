// Pieces the server-rendered SVG charts share (DAY-5): a horizontal grid line with its value on
// the left, a bar's centred label, and the chart's figures as a table for screen readers.
import type { ReactNode } from "react";
import type { ChartBox } from "@/lib/charts/rules";

/** A horizontal grid line across the plot at `y`, its `label` right-aligned left of the plot. */
export function GridLine({ box, y, label, gap = 4 }: { box: ChartBox; y: number; label: ReactNode; gap?: number }) {
  return (
    <g>
      <line x1={box.left} x2={box.width - box.right} y1={y} y2={y} className="stroke-slate-100" />
      <text x={box.left - gap} y={y + 3} textAnchor="end" className="fill-slate-500 text-[9px]">
        {label}
      </text>
    </g>
  );
}

/** Text centred over a bar (its label under the plot, its count above it). */
export function BarText({
  bar,
  y,
  className,
  children,
}: {
  bar: { x: number; width: number };
  y: number;
  className: string;
  children: ReactNode;
}) {
  return (
    <text x={bar.x + bar.width / 2} y={y} textAnchor="middle" className={className}>
      {children}
    </text>
  );
}

/** The chart's figures for screen readers: a visually hidden table under the picture. */
export function ChartTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly { key: string | number; cells: readonly ReactNode[] }[];
}) {
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
