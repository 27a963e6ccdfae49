// «Контроль журнала» — the journal-fill report (CTL-1, seed 001 §4.2.2.7 «Отчёт о доступе к
// классному журналу»): per teacher × class × subject for a period, with filters and files (RPT-11).
import type { Metadata } from "next";
import Link from "next/link";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadFillPage } from "@/lib/control/loaders";
import { DENSITY_LESSONS } from "@/lib/control/rules";
import { formatDateTime } from "@/lib/org/time";
import { isoDate } from "@/lib/diary/rules";
import { Choice, Downloads, fieldClass, inputClass } from "@/components/control/filter-bits";
import { DeadlineShares } from "@/components/control/deadline-shares";
import { loadDeadlineShares } from "@/lib/control/deadline/loaders";
import { fillQuery } from "@/lib/control/schema";

export const metadata: Metadata = { title: "Контроль журнала" };

const num = (n: number | null) => (n === null ? "—" : n.toFixed(2).replace(".", ","));

export default async function ControlPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("control.view");
  const canWrite = (await authorize(user, "remarks.write")).allowed;
  const page = await loadFillPage(user, scopes, await searchParams);
  // DUT-1: the shares filled by the deadline on the filters' last day, its week and month.
  const filters = fillQuery.safeParse(page.raw);
  const shares = filters.success
    ? await loadDeadlineShares(user, scopes, {
        day: filters.data.to,
        classId: filters.data.classId,
        teacherId: filters.data.teacherId,
      })
    : null;
  const classWord = user.orgKind === "COLLEGE" ? "Группа" : "Класс";
  const r = page.report;
  const warn = (n: number) => (n > 0 ? "text-red-700 font-medium" : "");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Отчёт о доступе к классному журналу</h1>
      <form
        method="get"
        className="grid items-end gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      >
        <label className={fieldClass}>
          С
          <input type="date" name="from" defaultValue={page.raw.from} className={inputClass} />
        </label>
        <label className={fieldClass}>
          По
          <input type="date" name="to" defaultValue={page.raw.to} className={inputClass} />
        </label>
        <Choice name="classId" label={classWord} value={page.raw.classId} options={page.choices.classes} empty="Все" />
        <Choice
          name="teacherId"
          label="Учитель"
          value={page.raw.teacherId}
          options={page.choices.teachers}
          empty="Все"
        />
        <Choice
          name="subjectId"
          label="Предмет"
          value={page.raw.subjectId}
          options={page.choices.subjects}
          empty="Все"
        />
        <button className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">Показать</button>
      </form>
      {page.choices.periods.length > 0 && (
        <p className="flex flex-wrap gap-3 text-sm" aria-label="Учебные периоды">
          <span className="text-slate-500">Период:</span>
          {page.choices.periods.map((p) => (
            <Link
              key={p.id}
              className="text-blue-700 hover:underline"
              href={`/control?${new URLSearchParams({ ...page.raw, from: isoDate(p.startDate), to: isoDate(p.endDate) }).toString()}`}
            >
              {p.name}
            </Link>
          ))}
        </p>
      )}
      {page.error && (
        <p role="alert" className="text-sm text-red-700">
          {page.error}
        </p>
      )}
      {r && (
        <>
          <Downloads report="fill" query={page.raw} />
          {r.rows.length === 0 ? (
            <p className="text-sm text-slate-600">За этот период проведённых уроков нет.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full border-collapse text-sm" aria-label="Заполнение журнала">
                <thead className="bg-slate-100 text-left text-xs">
                  <tr>
                    <th className="border px-2 py-1">Учитель</th>
                    <th className="border px-2 py-1">{classWord}</th>
                    <th className="border px-2 py-1">Предмет</th>
                    <th className="border px-2 py-1">Уроков</th>
                    <th className="border px-2 py-1">Без темы</th>
                    <th className="border px-2 py-1">Без д/з</th>
                    <th className="border px-2 py-1">Без посещаемости</th>
                    <th className="border px-2 py-1">Отметок позже {r.lockDays} дн.</th>
                    <th className="border px-2 py-1">Отметок</th>
                    <th className="border px-2 py-1" title={`Отметок на ученика за ${DENSITY_LESSONS} уроков`}>
                      Накопляемость
                    </th>
                    <th className="border px-2 py-1">Последнее заполнение</th>
                    {canWrite && (
                      <th className="border px-2 py-1">
                        <span className="sr-only">Замечание</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {r.rows.map((row) => (
                    <tr key={`${row.teacherId}:${row.classId}:${row.subjectId}`}>
                      <td className="border px-2 py-1">{row.teacher}</td>
                      <td className="border px-2 py-1">{row.className}</td>
                      <td className="border px-2 py-1">{row.subject}</td>
                      <td className="border px-2 py-1 tabular-nums">{row.lessons}</td>
                      <td className={`border px-2 py-1 tabular-nums ${warn(row.noTopic)}`}>{row.noTopic}</td>
                      <td className={`border px-2 py-1 tabular-nums ${warn(row.noHomework)}`}>{row.noHomework}</td>
                      <td className={`border px-2 py-1 tabular-nums ${warn(row.noAttendance)}`}>{row.noAttendance}</td>
                      <td className={`border px-2 py-1 tabular-nums ${warn(row.lateMarks)}`}>{row.lateMarks}</td>
                      <td className="border px-2 py-1 tabular-nums">{row.marks}</td>
                      <td className="border px-2 py-1 tabular-nums">{num(row.density)}</td>
                      <td className="border px-2 py-1">
                        {row.lastFilledAt ? formatDateTime(row.lastFilledAt, r.timeZone) : "не заполнялся"}
                      </td>
                      {canWrite && (
                        <td className="border px-2 py-1">
                          <Link
                            className="text-blue-700 hover:underline"
                            href={`/control/remarks?rt=${row.teacherId}&rc=${row.classId}&rs=${row.subjectId}`}
                          >
                            Замечание
                          </Link>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
                <tfoot className="bg-slate-50 font-medium">
                  <tr>
                    <td className="border px-2 py-1" colSpan={3}>
                      Итого
                    </td>
                    <td className="border px-2 py-1 tabular-nums">{r.totals.lessons}</td>
                    <td className="border px-2 py-1 tabular-nums">{r.totals.noTopic}</td>
                    <td className="border px-2 py-1 tabular-nums">{r.totals.noHomework}</td>
                    <td className="border px-2 py-1 tabular-nums">{r.totals.noAttendance}</td>
                    <td className="border px-2 py-1 tabular-nums">{r.totals.lateMarks}</td>
                    <td className="border px-2 py-1 tabular-nums">{r.totals.marks}</td>
                    <td className="border px-2 py-1 tabular-nums">{num(r.totals.density)}</td>
                    <td className="border px-2 py-1" />
                    {canWrite && <td className="border px-2 py-1" />}
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <p className="text-xs text-slate-500">
            Накопляемость — отметок на одного ученика за {DENSITY_LESSONS} уроков. Урок замены считается за заменявшим
            учителем.
          </p>
        </>
      )}
      {shares && <DeadlineShares figures={shares} query={page.raw} />}
    </div>
  );
}
