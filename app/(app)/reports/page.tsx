// «Отчёты»: pick a report, its class or the whole organisation, a period, month or dates and a
// format (RPT). The page offers only the classes the user's scopes admit; the download route and
// the job route check again. Long reports can be ordered in the background («Мои отчёты»).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadReportForm } from "@/lib/reports/loaders";
import { REPORTS } from "@/lib/reports/schema";
import { isoDate } from "@/lib/diary/rules";
import { todayIn } from "@/lib/org/time";
import { ReportForm } from "@/components/reports/report-form";
import { ReportJobs } from "@/components/reports/report-jobs";
import { YearTabs } from "@/components/org/year-tabs";
import { loadYears } from "@/lib/org/year/loaders";
import { pickYear } from "@/lib/org/year/rules";
import { z } from "zod";

export const metadata: Metadata = { title: "Отчёты" };

const yearParam = z.coerce.number().int().positive().max(2_147_483_647);

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ year?: string | string[] }> }) {
  const { user, scopes, permission } = await requireAccess(["reports.admin", "reports.class"]);
  const wanted = yearParam.safeParse((await searchParams).year);
  const years = await loadYears(user);
  // The current year or a past one (REC-3): its classes, periods and, for a closed year, its last days.
  const year = pickYear(years, wanted.success ? wanted.data : null);
  const pastYear = year && !year.isCurrent ? year : null;
  const form = await loadReportForm(user, scopes, permission, pastYear?.id);
  const now = todayIn(user.timeZone);
  const today = pastYear && form.yearEnd && form.yearEnd < now ? form.yearEnd : now;
  const common = {
    classWord: form.isCollege ? "Группа" : "Класс",
    classes: form.classes,
    groups: form.groups,
    wholeOrganisation: form.wholeOrganisation,
    yearId: pastYear?.id ?? null,
  };
  const monthStart = isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)));
  const month = monthStart.slice(0, 7);
  const titles = Object.fromEntries(Object.entries(REPORTS).map(([k, v]) => [k, v.replace(/ \(RPT-\d+\)$/, "")]));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Отчёты</h1>
      <YearTabs
        years={years.map((y) => ({ ...y, href: y.isCurrent ? "/reports" : `/reports?year=${y.id}` }))}
        selectedId={year?.id ?? null}
      />
      {form.classes.length === 0 && (
        <p className="text-sm text-slate-600">Нет классов, по которым вам доступны отчёты.</p>
      )}
      <ReportJobs titles={titles} initial={form.jobs} />
      <div className="grid gap-4 lg:grid-cols-2 xl:grid-cols-3">
        <ReportForm
          {...common}
          report="summary"
          title="Сводная ведомость успеваемости"
          description="Ученики × предметы: итоговые отметки за период или год, средний балл, пропуски; за год — решение педсовета."
          classChoice="required"
          periods={form.periods}
          wholeYear
        />
        <ReportForm
          {...common}
          report="progress"
          title="Итоги успеваемости"
          description="Отличники, хорошисты, с одной «3», неуспевающие, н/а; успеваемость, качество, средний балл."
          classChoice="optional"
          periods={form.periods}
        />
        <ReportForm
          {...common}
          report="attendance"
          title="Посещаемость"
          description="Пропуски по ученикам: всего, по уважительной и неуважительной причине, по болезни."
          classChoice="required"
          range={{ from: monthStart, to: isoDate(today) }}
        />
        <ReportForm
          {...common}
          report="failures"
          title="Неуспеваемость по дисциплинам"
          description="Предметы по доле «2», «незачёт» и н/а среди итоговых отметок."
          classChoice="optional"
          periods={form.periods}
        />
        <ReportForm
          {...common}
          report="rating"
          title="Рейтинг успешности"
          description="Ученики класса по среднему баллу текущих отметок за период или год."
          classChoice="required"
          periods={form.periods}
          wholeYear
        />
        <ReportForm
          {...common}
          report="preliminary"
          title="Ведомость предварительной аттестации"
          description="Ученики × предметы: средний балл за месяц и прогноз отметки за период."
          classChoice="required"
          month={month}
        />
        <ReportForm
          {...common}
          report="teacher-hours"
          title="Учёт часов преподавателя № 1"
          description="Преподаватель за месяц: часы по классам и предметам по дням."
          classChoice="none"
          teachers={form.teachers}
          month={month}
        />
        <ReportForm
          {...common}
          report="group-hours"
          title="Учёт часов преподавателя № 2"
          description={`${form.isCollege ? "Группа" : "Класс"} за месяц: часы по предметам и преподавателям по дням.`}
          classChoice="required"
          month={month}
        />
        <ReportForm
          {...common}
          report="occupancy"
          title={form.isCollege ? "Наполняемость групп" : "Наполняемость классов"}
          description="Списочный состав на дату: всего, юношей и девушек, формы обучения."
          classChoice="optional"
          date={isoDate(today)}
        />
        <ReportForm
          {...common}
          report="contingent"
          title="Итоговые данные по обучающимся"
          description="Движение за период: на начало, прибыло, выбыло, на конец (юношей и девушек)."
          classChoice="optional"
          periods={form.periods}
        />
        {form.isCollege && (
          <ReportForm
            {...common}
            report="vkr"
            title="Результаты защиты ВКР"
            description="Оценки за выпускную квалификационную работу по студентам и итоги защиты."
            classChoice="optional"
          />
        )}
        <ReportForm
          {...common}
          report="journal"
          title="Печатная версия журнала"
          description="Классный журнал для переплёта: по каждому предмету отметки и посещаемость, темы и домашние задания; страницы пронумерованы. За год лучше формировать в фоне."
          classChoice="required"
          periods={form.periods}
          wholeYear
        />
      </div>
    </div>
  );
}
