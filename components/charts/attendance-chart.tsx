// DAY-5: absences by month (excused and unexcused stacked) as server-rendered SVG with a table for
// screen readers. Lateness is not an absence (lib/charts/rules.ts absencesByMonth).
import { stackedBars, type ChartBox, type MonthAbsences } from "@/lib/charts/rules";
import { BarText, ChartTable, GridLine } from "./chart-parts";

const BOX: ChartBox = { width: 320, height: 110, left: 22, right: 6, top: 8, bottom: 18 };

export function AttendanceChart({ title, months }: { title: string; months: MonthAbsences[] }) {
  if (months.length === 0) return null;
  const total = months.reduce((n, m) => n + m.excused + m.unexcused, 0);
  const chart = stackedBars(
    months.map((m) => ({ label: m.label, parts: [m.excused, m.unexcused] })),
    BOX,
  );
  return (
    <figure data-chart="attendance">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        className="h-auto w-full max-w-md"
        role="img"
        aria-label={`${title}: пропуски по месяцам, всего ${total}`}
      >
        {[0, chart.top].map((v) => (
          <GridLine key={v} box={BOX} y={chart.yOf(v)} label={v} />
        ))}
        {chart.bars.map((b) => (
          <g key={b.label}>
            <rect x={b.x} y={b.parts[0].y} width={b.width} height={b.parts[0].height} className="fill-sky-400" />
            <rect x={b.x} y={b.parts[1].y} width={b.width} height={b.parts[1].height} className="fill-rose-500" />
            <BarText bar={b} y={BOX.height - 5} className="fill-slate-500 text-[9px]">
              {b.label}
            </BarText>
          </g>
        ))}
      </svg>
      <figcaption className="flex gap-3 text-xs text-slate-500">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 bg-sky-400" />
          по уважительной причине
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 bg-rose-500" />
          без уважительной причины
        </span>
      </figcaption>
      <ChartTable
        caption={`${title}: пропуски по месяцам`}
        columns={["Месяц", "По уважительной причине", "Без уважительной причины"]}
        rows={months.map((m) => ({ key: m.key, cells: [m.key, m.excused, m.unexcused] }))}
      />
    </figure>
  );
}
