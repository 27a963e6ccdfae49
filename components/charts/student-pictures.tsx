// DAY-5: the student card's pictures — per subject the period's marks with the class average, then the
// year's absences by month and the class's works — for staff who may see the student's journal.
import type { MarksView } from "@/lib/diary/marks/loaders";
import type { StudentCharts } from "@/lib/charts/loaders";
import { gradePoints } from "@/lib/charts/rules";
import { MarksChart } from "./marks-chart";
import { ChartsSection } from "./class-pictures";
import type { OrgKindName } from "@/lib/org/vocabulary";

export function StudentPictures({
  view,
  charts,
  kind,
}: {
  view: MarksView;
  charts: StudentCharts;
  /** DAY-6: the organisation's words (the class average's «группы»; round 23). */
  kind?: OrgKindName;
}) {
  const period = view.period;
  return (
    <section aria-labelledby="student-pictures" className="space-y-3">
      <h2 id="student-pictures" className="text-lg font-semibold">
        Успеваемость{period ? ` · ${period.name}` : ""}
      </h2>
      {period && (
        <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {view.subjects.map((s) => {
            const marks = gradePoints(s.marks);
            if (marks.length === 0) return null;
            return (
              <div key={s.subjectId} className="min-w-0 rounded border border-slate-200 bg-white p-3">
                <h3 className="text-sm font-semibold">{s.subjectName}</h3>
                <MarksChart
                  title={s.subjectName}
                  from={period.start}
                  to={period.end}
                  min={view.scale.minMark}
                  max={view.scale.maxMark}
                  marks={marks}
                  classAverage={charts.classAverage.get(s.subjectId) ?? []}
                  kind={kind}
                />
              </div>
            );
          })}
        </div>
      )}
      <ChartsSection absencesTitle="Пропуски по месяцам" absences={charts.absences} works={charts.works} kind={kind} />
    </section>
  );
}
