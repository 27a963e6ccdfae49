// DAY-5: a subject's marks over the period — the student's marks (dots coloured like the mark badge),
// their running average and the class's average — as server-rendered SVG with a table for screen readers.
import { marksTimeline, MARKS_BOX } from "@/lib/charts/rules";
import { formatAverage } from "@/lib/journal/averages";
import { formatDate } from "@/lib/org/time";
import { markTextClass } from "@/components/ui/mark-badge";
import { ChartTable, GridLine } from "./chart-parts";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

const averageText = (v: number | null) => (v === null ? "—" : formatAverage(v));

export function MarksChart({
  title,
  from,
  to,
  min,
  max,
  marks,
  classAverage,
  kind,
}: {
  title: string;
  /** DAY-6: «средний балл группы» at a college (the diary and the student card; round 23). */
  kind?: OrgKindName;
} & Omit<Parameters<typeof marksTimeline>[0], "box">) {
  if (marks.length === 0) return null;
  const classAverageLabel = `средний балл ${vocabulary(kind ?? "SCHOOL").class.gen}`;
  const t = marksTimeline({ from, to, min, max, marks, classAverage });
  const box = MARKS_BOX;
  const classAt = (d: Date) => [...classAverage].reverse().find((c) => c.date.getTime() <= d.getTime())?.value ?? null;
  return (
    <figure className="mt-2" data-chart="marks">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        className="h-auto w-full max-w-md"
        role="img"
        aria-label={`${title}: отметки за период`}
      >
        {t.yTicks.map((tick) => (
          <GridLine key={tick.label} box={box} y={tick.y} label={tick.label} gap={6} />
        ))}
        {t.xTicks.map((tick, i) => (
          <text
            key={i}
            x={tick.x}
            y={box.height - 4}
            textAnchor={i === 0 ? "start" : "end"}
            className="fill-slate-500 text-[9px]"
          >
            {formatDate(tick.date).slice(0, 5)}
          </text>
        ))}
        {t.classAverage && (
          <polyline
            points={t.classAverage}
            fill="none"
            strokeDasharray="4 3"
            className="stroke-slate-400"
            strokeWidth={1.5}
          />
        )}
        {t.average && <polyline points={t.average} fill="none" className="stroke-blue-600" strokeWidth={1.5} />}
        {t.points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={3.5} className={`fill-current ${markTextClass(String(p.value))}`} />
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-x-3 text-xs text-slate-500">
        <span>
          <span aria-hidden="true" className="text-blue-600">
            —
          </span>{" "}
          средний балл
        </span>
        {t.classAverage && (
          <span>
            <span aria-hidden="true">- -</span> {classAverageLabel}
          </span>
        )}
      </figcaption>
      <ChartTable
        caption={`${title}: отметки за период`}
        columns={["Дата", "Отметка", "Средний балл", cap(classAverageLabel)]}
        rows={marks.map((m, i) => ({
          key: i,
          cells: [formatDate(m.date), m.value, averageText(m.running), averageText(classAt(m.date))],
        }))}
      />
    </figure>
  );
}
