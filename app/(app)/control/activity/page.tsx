// «Активность пользователей» (CTL-3, seed 003 §8.1): per user for a week — sign-ins, journal
// edits, messages sent and page views; the whole organisation, so the «all» scope only.
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireAccess } from "@/lib/access/guard";
import { loadActivityPage } from "@/lib/control/loaders";
import { formatDate } from "@/lib/org/time";
import { DateChoice, FilterForm, ReportLine } from "@/components/control/filter-bits";

export const metadata: Metadata = { title: "Активность пользователей" };

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("control.view");
  if (!scopes.includes("all")) forbidden();
  const page = await loadActivityPage(user, await searchParams);
  const a = page.activity;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Активность пользователей за неделю</h1>
      <FilterForm error={page.error}>
        <DateChoice name="date" label="Дата в неделе" value={page.raw.date} />
      </FilterForm>
      {a && (
        <>
          <ReportLine report="activity" query={page.raw}>
            Неделя {formatDate(a.from)} — {formatDate(a.to)}: активных пользователей {a.rows.length}
          </ReportLine>
          {a.rows.length > 0 && (
            <table className="min-w-full border-collapse text-sm" aria-label="Активность">
              <thead className="bg-slate-100 text-left text-xs">
                <tr>
                  <th className="border px-2 py-1">Пользователь</th>
                  <th className="border px-2 py-1">Роли</th>
                  <th className="border px-2 py-1">Входов</th>
                  <th className="border px-2 py-1">Изменений в журнале</th>
                  <th className="border px-2 py-1">Сообщений</th>
                  <th className="border px-2 py-1">Просмотров</th>
                </tr>
              </thead>
              <tbody>
                {a.rows.map((r) => (
                  <tr key={r.userId}>
                    <td className="border px-2 py-1">{r.name}</td>
                    <td className="border px-2 py-1">{r.roles}</td>
                    <td className="border px-2 py-1 tabular-nums">{r.signIns}</td>
                    <td className="border px-2 py-1 tabular-nums">{r.journalEdits}</td>
                    <td className="border px-2 py-1 tabular-nums">{r.messages}</td>
                    <td className="border px-2 py-1 tabular-nums">{r.pageViews}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
