// The diary's marks view (DRY-2, DRY-3, DRY-5, DRY-7, FIN-5): per subject the period's marks with the
// running average, the forecast and the finals. Only the student and their parents (diary.view on
// the student) may open it; any other id answers «Нет доступа» (403) without data.
import { vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadStudentHeader } from "@/lib/people/loaders";
import { loadDiaryStudents } from "@/lib/diary/loaders";
import { loadDiaryVisit, loadStudentMarks } from "@/lib/diary/marks/loaders";
import { PeriodTabs } from "@/components/diary/period-tabs";
import { MarksViewList } from "@/components/diary/marks-view";
import { NewsBanner } from "@/components/diary/news-banner";
import { VisitSeen } from "@/components/diary/visit-seen";
import { YearTabs } from "@/components/org/year-tabs";
import { DiaryHeader } from "@/components/diary/diary-header";
import { ChartsSection } from "@/components/charts/class-pictures";
import { loadStudentCharts } from "@/lib/charts/loaders";
import { todayIn } from "@/lib/org/time";
import { serverNow } from "@/lib/org/clock";
import { idSchema } from "@/lib/schema";

export const metadata: Metadata = { title: "Дневник: отметки" };

const params = z.object({ studentId: idSchema });
const periodParam = idSchema;

export default async function DiaryMarksPage({
  params: raw,
  searchParams,
}: {
  params: Promise<{ studentId: string }>;
  searchParams: Promise<{ period?: string | string[]; year?: string | string[] }>;
}) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { studentId } = parsed.data;
  const { user } = await requireAccess("diary.view", { kind: "student", studentId });
  const search = await searchParams;
  const p = periodParam.safeParse(search.period);
  const y = periodParam.safeParse(search.year);
  const [student, students, view, news] = await Promise.all([
    loadStudentHeader(user, studentId),
    loadDiaryStudents(user),
    loadStudentMarks(user, studentId, p.success ? p.data : null, y.success ? y.data : null),
    loadDiaryVisit(user, studentId),
  ]);
  if (!student) notFound();
  const v = vocabulary(user.orgKind);
  const charts = await loadStudentCharts(user, studentId, view, todayIn(user.timeZone, serverNow()));
  return (
    <div className="space-y-3">
      <DiaryHeader
        student={student}
        students={students}
        tab="marks"
        periodId={view.period?.id ?? null}
        weekOf={view.yearClosed ? (view.period?.end ?? null) : null}
        kind={user.orgKind}
      />
      <NewsBanner news={news} timeZone={user.timeZone} />
      <VisitSeen studentId={studentId} />
      <YearTabs
        years={view.years.map((year) => ({
          ...year,
          href: year.isCurrent ? `/diary/${studentId}/marks` : `/diary/${studentId}/marks?year=${year.id}`,
        }))}
        selectedId={view.yearId}
      />
      {view.yearClosed && (
        <p className="text-sm text-slate-600" data-testid="past-year">
          {view.years.find((year) => year.id === view.yearId)?.name} учебный год, {view.className}: отметки, итоговые
          отметки и пропуски — учебный год закрыт.
        </p>
      )}
      <PeriodTabs base={`/diary/${studentId}/marks`} periods={view.periods} currentId={view.period?.id ?? null} />
      <MarksViewList view={view} since={news.since} charts={charts} kind={user.orgKind} />
      {view.period && !view.yearClosed && (
        <p className="text-xs text-slate-500">
          Пропущено {v.lesson.genPl} за период: {view.totalAbsences}. Прогноз — рекомендуемая отметка по среднему баллу;
          итоговую отметку выставляет {v.teacher.nom}.
        </p>
      )}
      <ChartsSection
        absencesTitle="Пропуски по месяцам"
        absences={charts.absences}
        works={charts.works}
        kind={user.orgKind}
      />
    </div>
  );
}
