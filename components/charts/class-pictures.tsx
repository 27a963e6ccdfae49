// DAY-5: the year's absences by month and the works' distributions (five marks or more) — one block for
// the diary's marks page, the student card and the class page.
import type { MonthAbsences } from "@/lib/charts/rules";
import type { WorkDistribution } from "@/lib/charts/loaders";
import { AttendanceChart } from "./attendance-chart";
import { DistributionChart } from "./distribution-chart";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export function ChartsSection({
  absencesTitle,
  absences,
  works,
  worksTitle = "Как написали контрольные работы",
  kind,
}: {
  absencesTitle: string;
  absences: MonthAbsences[];
  works: WorkDistribution[];
  worksTitle?: string;
  /** DAY-6: «отметок отдельных студентов» at a college (round 23). */
  kind?: OrgKindName;
}) {
  const v = vocabulary(kind ?? "SCHOOL");
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {absences.length > 0 && (
        <section aria-labelledby="chart-absences" className="min-w-0 rounded border border-slate-200 bg-white p-3">
          <h2 id="chart-absences" className="mb-1 font-semibold">
            {absencesTitle}
          </h2>
          <AttendanceChart title={absencesTitle} months={absences} />
        </section>
      )}
      <section aria-labelledby="chart-works" className="min-w-0 rounded border border-slate-200 bg-white p-3">
        <h2 id="chart-works" className="mb-1 font-semibold">
          {worksTitle}
        </h2>
        {works.length === 0 ? (
          <p className="text-sm text-slate-500">
            Нет работ, за которые выставлено пять отметок или больше (меньше — не показываем, чтобы не было видно
            отметок отдельных {v.student.genPl}).
          </p>
        ) : (
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {works.map((w) => (
              <DistributionChart key={w.id} title={w.title} distribution={w.distribution} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
