// Visit statistics (AUTH-5): ADMIN sees everyone; a class teacher sees the students and parents
// of own class (seed 003 «контроль доступа родителей»). Filtered by role, surname and «never
// signed in»; the Excel download follows the filters.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { ROLE_LABELS, isRole } from "@/lib/access/roles";
import { formatDateTime } from "@/lib/org/time";
import { loadVisitStats } from "@/lib/people/logins/loaders";
import { filterVisits, visitFilterSchema } from "@/lib/people/logins/schema";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { ROLE_OPTIONS } from "@/components/access/role-options";

export const metadata: Metadata = { title: "Статистика посещений" };

const SHOWN = 200;

export default async function VisitsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("audit.view");
  const raw = await searchParams;
  const filter = visitFilterSchema.parse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")),
  );
  const rows = filterVisits(await loadVisitStats(user, scopes), filter);
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold">Статистика посещений</h1>
        <a className="text-sm text-blue-700 hover:underline" href={`/admin/visits/export${query ? `?${query}` : ""}`}>
          В Excel
        </a>
      </div>
      <form className="flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-2 text-sm">
        <label>
          <span className="block text-xs text-slate-600">Роль</span>
          <Select name="role" defaultValue={filter.role ?? ""} placeholder="все" options={ROLE_OPTIONS} />
        </label>
        <label>
          <span className="block text-xs text-slate-600">Фамилия</span>
          <Input name="q" defaultValue={filter.q ?? ""} />
        </label>
        <label className="flex items-center gap-1 pb-1">
          <input type="checkbox" name="never" value="1" defaultChecked={filter.never === "1"} />
          только не входившие
        </label>
        <Button variant="secondary" type="submit">
          Показать
        </Button>
      </form>
      <p className="text-sm text-slate-600">
        Входы в систему по неделям: последние 7 дней, затем предыдущие недели.{" "}
        {rows.length > SHOWN
          ? `Показаны первые ${SHOWN} из ${rows.length}; в Excel — все.`
          : `Пользователей: ${rows.length}.`}
      </p>
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
          {rows.slice(0, SHOWN).map((r) => (
            <tr key={r.userId} className="border-t border-slate-100">
              <td className="px-2">
                {r.fullName}
                {!r.isActive && <span className="ml-1 text-xs text-red-700">(вход закрыт)</span>}
              </td>
              <td>
                {r.roles
                  .filter(isRole)
                  .map((x) => ROLE_LABELS[x])
                  .join(", ")}
              </td>
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
