// DAY-5: absences by month (excused and unexcused stacked) as server-rendered SVG with a table for
// screen readers. Lateness is not an absence (lib/charts/rules.ts absencesByMonth).
import { stackedBars, type ChartBox, type MonthAbsences } from "@/lib/charts/rules";

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
          <g key={v}>
            <line
              x1={BOX.left}
              x2={BOX.width - BOX.right}
              y1={chart.yOf(v)}
              y2={chart.yOf(v)}
              className="stroke-slate-100"
            />
            <text x={BOX.left - 4} y={chart.yOf(v) + 3} textAnchor="end" className="fill-slate-500 text-[9px]">
              {v}
            </text>
          </g>
        ))}
        {chart.bars.map((b) => (
          <g key={b.label}>
            <rect x={b.x} y={b.parts[0].y} width={b.width} height={b.parts[0].height} className="fill-sky-400" />
            <rect x={b.x} y={b.parts[1].y} width={b.width} height={b.parts[1].height} className="fill-rose-500" />
            <text x={b.x + b.width / 2} y={BOX.height - 5} textAnchor="middle" className="fill-slate-500 text-[9px]">
              {b.label}
            </text>
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
      <div className="sr-only">
        <table>
          <caption>{title}: пропуски по месяцам</caption>
          <thead>
            <tr>
              <th scope="col">Месяц</th>
              <th scope="col">По уважительной причине</th>
              <th scope="col">Без уважительной причины</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.key}>
                <td>{m.key}</td>
                <td>{m.excused}</td>
                <td>{m.unexcused}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
