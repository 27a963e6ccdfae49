// DRY-2, DRY-3, FIN-5: per subject all marks of the period (date, assignment type, weight) with the
// running average, the forecast — the predicted period mark, the marks needed for the next one, the
// risk of «2» / н/а, absences — and the finals as soon as they are saved. One card per subject so
// it reads on a phone without horizontal scrolling.
import type { MarksView, SubjectView } from "@/lib/diary/marks/loaders";
import { isNewSince, markLabel } from "@/lib/diary/rules";
import { finalLabel, formatAverage } from "@/lib/journal/averages";
import { formatDate } from "@/lib/org/time";
import { MarkBadge } from "@/components/ui/mark-badge";
import type { StudentCharts } from "@/lib/charts/loaders";
import { MarksChart } from "@/components/charts/marks-chart";
import { gradePoints } from "@/lib/charts/rules";
import { formatNumber, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

function Forecast({ s }: { s: SubjectView }) {
  const o = s.outlook;
  const needed = o.forecast.next !== null ? o.forecast.needed.filter((n) => n.count !== null) : [];
  return (
    <div className="mt-1 text-sm text-slate-700" data-testid="forecast">
      Прогноз: <b>{o.proposal ? finalLabel(o.proposal) : "—"}</b>
      {o.proposal && o.proposalReason && <span className="text-slate-500"> ({o.proposalReason})</span>}
      {needed.length > 0 && (
        <span>
          {" "}
          · до «{o.forecast.next}»: {needed.map((n) => `${n.count} × «${n.value}»`).join(" или ")}
        </span>
      )}
      {o.riskFail && (
        <span className="ml-2 rounded bg-red-100 px-1 text-red-800">
          риск «{s.outlook.proposal?.special === "FAIL" ? "незачёт" : "2"}»
        </span>
      )}
      {o.riskNotAttested && <span className="ml-2 rounded bg-red-100 px-1 text-red-800">риск «н/а»</span>}
      <span className="ml-2 text-slate-500">пропусков: {o.absences}</span>
    </div>
  );
}

export function MarksViewList({
  view,
  since,
  charts = null,
  kind,
}: {
  view: MarksView;
  since: Date | null;
  /** DAY-5: the subject charts (marks over time with the class average). */
  charts?: StudentCharts | null;
  /** DAY-6: the organisation's words («За период нет занятий», «средний балл группы»; round 23). */
  kind?: OrgKindName;
}) {
  if (!view.period) return <p className="text-sm text-slate-600">Периоды учебного года не заданы.</p>;
  if (view.subjects.length === 0)
    return <p className="text-sm text-slate-600">За период нет {vocabulary(kind ?? "SCHOOL").lesson.genPl}.</p>;
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {view.closed && (
        <p
          role="status"
          data-testid="period-closed"
          className="rounded border border-slate-300 bg-slate-50 px-3 py-1 text-sm text-slate-700 md:col-span-2"
        >
          {view.closed}. Итоговые отметки периода окончательные.
        </p>
      )}
      {view.subjects.map((s) => (
        <section
          key={s.subjectId}
          aria-label={s.subjectName}
          className="min-w-0 rounded border border-slate-200 bg-white p-3"
          data-subject={s.subjectName}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-semibold">{s.subjectName}</h2>
            <span className="text-sm">
              Средний балл: <b data-testid="average">{formatAverage(s.outlook.average) || "—"}</b>
              {s.periodFinal && (
                <span
                  className="ml-2 rounded bg-blue-100 px-1.5 py-0.5 font-semibold text-blue-900"
                  data-testid="period-final"
                >
                  Итог: {s.periodFinal}
                </span>
              )}
            </span>
          </div>
          {s.marks.length === 0 ? (
            <p className="text-sm text-slate-500">Отметок нет</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-1">
              {s.marks.map((m) => (
                <li
                  key={m.id}
                  title={`${formatDate(m.date)} · ${m.typeName}, вес ${formatNumber(m.weight)}${m.isHospital ? ", получена в больнице" : ""}${m.running !== null ? ` · средний ${formatAverage(m.running)}` : ""}`}
                  data-new={isNewSince(m.updatedAt, since) ? "true" : undefined}
                >
                  <MarkBadge label={markLabel(m.kind, m.value)} fresh={isNewSince(m.updatedAt, since)}>
                    <span className="text-[10px] font-normal">
                      {formatDate(m.date).slice(0, 5)}
                      {m.weight !== 1 ? ` ×${formatNumber(m.weight)}` : ""}
                    </span>
                  </MarkBadge>
                </li>
              ))}
            </ul>
          )}
          {charts && view.period && (
            <MarksChart
              title={s.subjectName}
              from={view.period.start}
              to={view.period.end}
              min={view.scale.minMark}
              max={view.scale.maxMark}
              marks={gradePoints(s.marks)}
              classAverage={charts.classAverage.get(s.subjectId) ?? []}
              kind={kind}
            />
          )}
          {view.yearClosed ? (
            <p className="mt-1 text-sm text-slate-500">пропусков: {s.outlook.absences}</p>
          ) : (
            <Forecast s={s} />
          )}
          {s.otherFinals.length > 0 && (
            <p className="mt-1 text-sm text-slate-700">
              {s.otherFinals.map((f) => (
                <span key={f.label} className="mr-3">
                  {f.label}: <b>{f.value}</b>
                </span>
              ))}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
