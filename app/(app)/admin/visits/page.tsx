// Visit statistics (AUTH-5): ADMIN sees everyone; a class teacher sees the students and parents
// of own class (seed 003 «контроль доступа родителей»).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { ROLE_LABELS, isRole } from "@/lib/access/roles";
import { formatDateTime } from "@/lib/org/time";
import { loadVisitStats } from "@/lib/people/logins/loaders";

export const metadata: Metadata = { title: "Статистика посещений" };

export default async function VisitsPage() {
  const { user, scopes } = await requireAccess("audit.view");
  const rows = await loadVisitStats(user, scopes);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold">Статистика посещений</h1>
        <a className="text-sm text-blue-700 hover:underline" href="/admin/visits/export">
          В Excel
        </a>
      </div>
      <p className="text-sm text-slate-600">Входы в систему по неделям: последние 7 дней, затем предыдущие недели.</p>
      <table className="w-full rounded border border-slate-200 bg-white text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="px-2">ФИО</th>
            <th>Роль</th>
            <th>Логин</th>
            <th>Последний вход</th>
            <th>Эта неделя</th>
            <th>−1 нед.</th>
            <th>−2 нед.</th>
            <th>−3 нед.</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId} className="border-t border-slate-100">
              <td className="px-2">
                {r.fullName}
                {!r.isActive && <span className="ml-1 text-xs text-red-700">(вход закрыт)</span>}
              </td>
              <td>{r.roles.filter(isRole).map((x) => ROLE_LABELS[x]).join(", ")}</td>
              <td className="font-mono">{r.login}</td>
              <td>{r.lastVisit ? formatDateTime(r.lastVisit, user.timeZone) : "не входил"}</td>
              {r.weeks.map((n, i) => (
                <td key={i}>{n}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
