// «Отчёты»: pick a report, its class or the whole organisation, a period and a format (RPT).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadReportForm } from "@/lib/reports/loaders";
import { isoDate } from "@/lib/diary/rules";
import { todayIn } from "@/lib/org/time";

export const metadata: Metadata = { title: "Отчёты" };

const field = "block text-sm";
const input = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";

function FormatButtons() {
  return (
    <div className="flex gap-2 pt-2">
      <button name="format" value="pdf" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
        Скачать PDF
      </button>
      <button name="format" value="xlsx" className="rounded border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800">
        Скачать XLSX
      </button>
    </div>
  );
}

export default async function ReportsPage() {
  const { user, scopes } = await requireAccess(["reports.admin", "reports.class"]);
  const form = await loadReportForm(user, scopes);
  const today = todayIn(user.timeZone);
  const classWord = form.isCollege ? "Группа" : "Класс";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Отчёты</h1>
      {form.classes.length === 0 && <p className="text-sm text-slate-600">Нет классов, по которым вам доступны отчёты.</p>}
      <div className="grid gap-4 lg:grid-cols-2">
        <form action="/api/reports/progress" method="get" className="space-y-2 rounded border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">Итоги успеваемости</h2>
          <p className="text-xs text-slate-500">Отличники, хорошисты, с одной «3», неуспевающие, н/а; успеваемость, качество, средний балл.</p>
          <label className={field}>
            {classWord}
            <select name="classId" className={input} defaultValue={form.classes[0]?.id}>
              {form.wholeOrganisation && <option value="">Вся организация</option>}
              {form.classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className={field}>
            Период
            <select name="periodId" className={input}>
              {form.periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <FormatButtons />
        </form>
        <form action="/api/reports/attendance" method="get" className="space-y-2 rounded border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">Посещаемость</h2>
          <p className="text-xs text-slate-500">Пропуски по ученикам: всего, по уважительной и неуважительной причине, по болезни.</p>
          <label className={field}>
            {classWord}
            <select name="classId" className={input}>
              {form.classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <div className="grid grid-cols-2 gap-2">
            <label className={field}>
              С
              <input type="date" name="from" className={input} defaultValue={isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)))} />
            </label>
            <label className={field}>
              По
              <input type="date" name="to" className={input} defaultValue={isoDate(today)} />
            </label>
          </div>
          <FormatButtons />
        </form>
      </div>
    </div>
  );
}
