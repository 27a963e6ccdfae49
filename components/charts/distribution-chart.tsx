// DAY-5: how the class wrote one work — the count of each mark — drawn only when five marks or more
// make it (lib/charts/rules.ts distributionOf returns null otherwise: the privacy rule).
import { stackedBars, type ChartBox, type Distribution } from "@/lib/charts/rules";
import { markTextClass } from "@/components/ui/mark-badge";
import { BarText, ChartTable } from "./chart-parts";

const BOX: ChartBox = { width: 200, height: 90, left: 6, right: 6, top: 12, bottom: 16 };

export function DistributionChart({ title, distribution }: { title: string; distribution: Distribution }) {
  const chart = stackedBars(
    distribution.counts.map((c) => ({ label: String(c.value), parts: [c.count] })),
    BOX,
  );
  return (
    <figure data-chart="distribution" className="min-w-0">
      <figcaption className="text-sm">{title}</figcaption>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        className="h-auto w-full max-w-56"
        role="img"
        aria-label={`${title}: ${distribution.counts.map((c) => `«${c.value}» — ${c.count}`).join(", ")}`}
      >
        {chart.bars.map((b, i) => (
          <g key={b.label} className={markTextClass(b.label)}>
            <rect x={b.x} y={b.parts[0].y} width={b.width} height={b.parts[0].height} className="fill-current" />
            <BarText bar={b} y={b.parts[0].y - 2} className="fill-slate-700 text-[9px]">
              {distribution.counts[i].count}
            </BarText>
            <BarText bar={b} y={BOX.height - 4} className="fill-current text-[10px]">
              {b.label}
            </BarText>
          </g>
        ))}
      </svg>
      <ChartTable
        caption={title}
        columns={["Отметка", "Сколько"]}
        rows={distribution.counts.map((c) => ({ key: c.value, cells: [c.value, c.count] }))}
      />
    </figure>
  );
}
