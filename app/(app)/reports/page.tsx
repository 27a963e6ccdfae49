// «Отчёты»: pick a report, its class or the whole organisation, a period, month or dates and a
// format (RPT). The page offers only the classes the user's scopes admit; the download route and
// the job route check again. Long reports can be ordered in the background («Мои отчёты»).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadReportForm } from "@/lib/reports/loaders";
import { REPORTS } from "@/lib/reports/schema";
import { isoDate, todayIn } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { ReportForm } from "@/components/reports/report-form";
import { ReportJobs } from "@/components/reports/report-jobs";
import { YearTabs } from "@/components/org/year-tabs";
import { loadYears } from "@/lib/org/year/loaders";
import { pickYear } from "@/lib/org/year/rules";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Отчёты" };

const yearParam = idSchema;

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes, permission } = await requireAccess(["reports.admin", "reports.class"]);
  const params = await searchParams;
  // A download of RPT-1/3/12 for many classes came back here with its background job (PRN-8).
  const ordered = /^\d{1,9}$/.test(String(params.job ?? ""));
  const wanted = yearParam.safeParse(params.year);
  const years = await loadYears(user);
  // The current year or a past one (REC-3): its classes, periods and, for a closed year, its last days.
  const year = pickYear(years, wanted.success ? wanted.data : null);
  const pastYear = year && !year.isCurrent ? year : null;
  const form = await loadReportForm(user, scopes, permission, pastYear?.id);
  const now = todayIn(user.timeZone);
  const today = pastYear && form.yearEnd && form.yearEnd < now ? form.yearEnd : now;
  const v = vocabulary(form.isCollege);
  const common = {
    classWord: cap(v.class.nom),
    classes: form.classes,
    defaultClassId: form.defaultClassId,
    groups: form.groups,
    wholeOrganisation: form.wholeOrganisation,
    defaultPeriodId: form.currentPeriodId,
    yearId: pastYear?.id ?? null,
  };
  const period = form.periods.find((p) => p.id === form.currentPeriodId);
  const periodRange = { from: isoDate(period?.startDate ?? today), to: isoDate(today) };
  const monthStart = isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)));
  const month = monthStart.slice(0, 7);
  const titles = Object.fromEntries(Object.entries(REPORTS).map(([k, v]) => [k, v.replace(/ \(RPT-\d+\)$/, "")]));
  return (
    <div className="space-y-4">
      <PageHeader title="Отчёты" />
      <YearTabs
        years={years.map((y) => ({ ...y, href: y.isCurrent ? "/reports" : `/reports?year=${y.id}` }))}
        selectedId={year?.id ?? null}
      />
      {form.classes.length === 0 && (
        <p className="text-sm text-slate-600">Нет классов, по которым вам доступны отчёты.</p>
      )}
      {ordered && (
        <p role="status" className="rounded border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
          {`Отчёт по нескольким ${v.class.datPl} формируется в фоне: по файлу на ${v.class.acc} в одном архиве ZIP. Ход — ниже, в «Мои отчёты».`}
        </p>
      )}
      <ReportJobs titles={titles} initial={form.jobs} />
      <div className="grid gap-4 lg:grid-cols-2 xl:grid-cols-3">
        <ReportForm
          {...common}
          report="summary"
          title="Сводная ведомость успеваемости"
          description={`${cap(v.student.nomPl)} × ${v.subject.nomPl}: итоговые отметки за период; за год — полная ведомость (все периоды, год, экзамен, итоговая, решение педсовета). Для нескольких ${v.class.genPl} — архив ZIP, в фоне.`}
          classChoice="optional"
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
          description={`Пропуски по ${v.student.datPl}: всего, по уважительной и неуважительной причине, по болезни. Для нескольких ${v.class.genPl} — архив ZIP, в фоне.`}
          classChoice="optional"
          range={{ from: monthStart, to: isoDate(today) }}
        />
        <ReportForm
          {...common}
          report="attendance-sheet"
          title="Сводная ведомость учёта посещаемости"
          description={`По месяцам или по ${v.subject.datPl}: пропущено всего и по уважительной причине; для одного ${v.class.gen} — по ${v.student.datPl}, для нескольких — по ${v.class.datPl}, с итогом.`}
          classChoice="optional"
          range={periodRange}
          breakdown={{ subjectWord: v.subject.datPl }}
        />
        <ReportForm
          {...common}
          report="attendance-groups"
          title={`Посещаемость ${v.class.genPl}`}
          description={`По ${v.class.datPl}: ${v.student.genPl}, пропущено ${v.unit.genPl} всего и по причинам, на одного ${v.student.gen}, опоздания; итог.`}
          classChoice="optional"
          range={periodRange}
        />
        {form.isCollege && (
          <ReportForm
            {...common}
            report="attendance-specialties"
            title="Итоги посещаемости по специальностям"
            description="По специальностям: студентов, пропущено часов всего и по причинам, на одного студента; итог."
            classChoice="optional"
            range={periodRange}
          />
        )}
        {form.isCollege && (
          <ReportForm
            {...common}
            report="progress-specialties"
            title="Итоги успеваемости по специальностям"
            description="По специальностям: отличники, хорошисты, неуспевающие, н/а; успеваемость, качество, средний балл."
            classChoice="optional"
            periods={form.periods}
          />
        )}
        <ReportForm
          {...common}
          report="subject-progress"
          title={`Итоги успеваемости по ${v.subject.dat}`}
          description={`Один ${v.subject.nom} по ${v.class.datPl}: итоговые отметки «5»…«2», н/а, зачёты; успеваемость, качество, средний балл, ${v.teacher.nom}.`}
          classChoice="optional"
          periods={form.periods}
          subjects={{ label: cap(v.subject.nom), options: form.subjects }}
        />
        <ReportForm
          {...common}
          report="teacher-report"
          title={`Отчёт ${v.teacher.gen} по окончании периода`}
          description={`По ${v.class.datPl} и ${v.subject.datPl} ${v.teacher.gen}: часов по плану и дано, итоговые отметки, успеваемость, качество, пропуски.`}
          classChoice="none"
          teachers={form.teachers}
          periods={form.periods}
        />
        <ReportForm
          {...common}
          report="failures"
          title="Неуспеваемость по дисциплинам"
          description={`${cap(v.subject.nomPl)} по доле «2», «незачёт» и н/а среди итоговых отметок.`}
          classChoice="optional"
          periods={form.periods}
        />
        <ReportForm
          {...common}
          report="rating"
          title="Рейтинг успешности"
          description={`${cap(v.student.nomPl)} ${v.class.gen} по среднему баллу текущих отметок за период или год.`}
          classChoice="required"
          periods={form.periods}
          wholeYear
        />
        <ReportForm
          {...common}
          report="preliminary"
          title="Ведомость предварительной аттестации"
          description={`${cap(v.student.nomPl)} × ${v.subject.nomPl}: средний балл за месяц и прогноз отметки за период.`}
          classChoice="required"
          month={month}
        />
        <ReportForm
          {...common}
          report="teacher-hours"
          title="Учёт часов преподавателя № 1"
          description={`${cap(v.teacher.nom)} за месяц: часы по ${v.class.datPl} и ${v.subject.datPl} по дням.`}
          classChoice="none"
          teachers={form.teachers}
          month={month}
        />
        <ReportForm
          {...common}
          report="group-hours"
          title="Учёт часов преподавателя № 2"
          description={`${cap(v.class.nom)} за месяц: часы по ${v.subject.datPl} и ${v.teacher.datPl} по дням.`}
          classChoice="required"
          month={month}
        />
        <ReportForm
          {...common}
          report="occupancy"
          title={`Наполняемость ${v.class.genPl}`}
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
          description={`Журнал для переплёта: титульный лист, содержание со страницами, по каждому ${v.subject.dat} отметки и посещаемость, темы и домашние задания, лист «пронумеровано и прошито». За год лучше формировать в фоне; для нескольких ${v.class.genPl} — архив ZIP.`}
          classChoice="optional"
          periods={form.periods}
          wholeYear
        />
      </div>
    </div>
  );
}
