// «Журнал действий»: the organisation's audit log with the state of its hash chain (AUTH-5).
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { singleLine } from "@/lib/schema";
import { requireAccess } from "@/lib/access/guard";
import { loadAuditPage } from "@/lib/audit/loaders";
import { formatDateTime } from "@/lib/org/time";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

export const metadata: Metadata = { title: "Журнал действий" };

const ACTIONS: Record<string, string> = {
  "auth.signin": "Вход",
  "auth.signout": "Выход",
  "auth.failed": "Неудачный вход",
  "auth.locked": "Блокировка входа",
  "auth.unlocked": "Снятие блокировки",
  "auth.password_changed": "Смена пароля",
  "acl.change": "Изменение прав доступа",
};

const query = z.object({
  action: singleLine()
    .regex(/^[a-z._]{1,40}$/)
    .optional()
    .catch(undefined),
});

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { user, scopes } = await requireAccess("audit.view");
  // A class teacher's «class» scope covers visit statistics of own class, not the whole log.
  if (!scopes.includes("all")) forbidden();
  const { action } = query.parse(await searchParams);
  const { events, brokenId } = await loadAuditPage(user, action);
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Журнал действий</h1>
      <p
        role="status"
        className={`rounded px-3 py-2 text-sm ${brokenId === null ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
      >
        {brokenId === null
          ? "Целостность журнала подтверждена: каждая запись связана с предыдущей контрольной суммой."
          : `Целостность нарушена: запись № ${brokenId} изменена, или перед ней удалена запись.`}
      </p>
      <form method="get" className="flex items-end gap-2 text-sm">
        <label>
          Действие
          <Select name="action" defaultValue={action ?? ""}>
            <option value="">все</option>
            {Object.entries(ACTIONS).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </Select>
        </label>
        <Button variant="secondary" type="submit">
          Показать
        </Button>
      </form>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th className="px-2 py-1 font-normal">№</th>
            <th className="px-2 py-1 font-normal">Время</th>
            <th className="px-2 py-1 font-normal">Пользователь</th>
            <th className="px-2 py-1 font-normal">Действие</th>
            <th className="px-2 py-1 font-normal">Объект</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={String(e.id)} className="border-b border-slate-100">
              <td className="px-2 py-1 tabular-nums text-slate-500">{String(e.id)}</td>
              <td className="px-2 py-1 tabular-nums">{formatDateTime(e.at, user.timeZone)}</td>
              <td className="px-2 py-1">{e.userName}</td>
              <td className="px-2 py-1">{ACTIONS[e.action] ?? e.action}</td>
              <td className="px-2 py-1 text-slate-600">{[e.entity, e.entityId].filter(Boolean).join(" ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
