// «Отчёты»: pick a report, its class or the whole organisation, a period and a format (RPT).
// The page offers only the classes the user's scopes admit; the download route checks again.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadReportForm } from "@/lib/reports/loaders";
import { isoDate } from "@/lib/diary/rules";
import { todayIn } from "@/lib/org/time";
import { ReportForm } from "@/components/reports/report-form";

export const metadata: Metadata = { title: "Отчёты" };

export default async function ReportsPage() {
  const { user, scopes } = await requireAccess(["reports.admin", "reports.class"]);
  const form = await loadReportForm(user, scopes);
  const today = todayIn(user.timeZone);
  const common = { classWord: form.isCollege ? "Группа" : "Класс", classes: form.classes, wholeOrganisation: form.wholeOrganisation };
  const monthStart = isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Отчёты</h1>
      {form.classes.length === 0 && <p className="text-sm text-slate-600">Нет классов, по которым вам доступны отчёты.</p>}
      <div className="grid gap-4 lg:grid-cols-2 xl:grid-cols-3">
        <ReportForm
          {...common}
          report="summary"
          title="Сводная ведомость успеваемости"
          description="Ученики × предметы: итоговые отметки за период, средний балл, пропуски."
          classChoice="required"
          periods={form.periods}
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
          report="occupancy"
          title={form.isCollege ? "Наполняемость групп" : "Наполняемость классов"}
          description="Списочный состав на дату: всего, юношей и девушек, формы обучения."
          classChoice="optional"
          date={isoDate(today)}
        />
      </div>
    </div>
  );
}
