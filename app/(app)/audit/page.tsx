// «Журнал действий»: the organisation's audit log with the state of its hash chain (AUTH-5).
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { singleLine } from "@/lib/schema";
import { requireAccess } from "@/lib/access/guard";
import { loadAuditPage } from "@/lib/audit/loaders";
import { formatDateTime } from "@/lib/org/time";
import { Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Field, Select } from "@/components/ui/field";
import { PickerForm } from "@/components/ui/picker-form";
import { PageHeader } from "@/components/ui/page-header";

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
const ACTION_OPTIONS = Object.entries(ACTIONS).map(([value, label]) => ({ value, label }));

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
      <PageHeader title="Журнал действий" />
      <Notice role="status" tone={brokenId === null ? "success" : "error"}>
        {brokenId === null
          ? "Целостность журнала подтверждена: каждая запись связана с предыдущей контрольной суммой."
          : `Целостность нарушена: запись № ${brokenId} изменена, или перед ней удалена запись.`}
      </Notice>
      <PickerForm label="Фильтр журнала">
        <Field label="Действие" name="action">
          <Select defaultValue={action ?? ""} placeholder="все" options={ACTION_OPTIONS} />
        </Field>
      </PickerForm>
      <DataTable
        label="Журнал действий"
        empty="Записей нет"
        columns={[
          { key: "id", header: "№", rowHeader: true, className: "tabular-nums text-slate-500" },
          { key: "at", header: "Время", className: "tabular-nums" },
          { key: "user", header: "Пользователь" },
          { key: "action", header: "Действие" },
          { key: "entity", header: "Объект", className: "text-slate-600" },
        ]}
        rows={events.map((e) => ({
          key: String(e.id),
          cells: {
            id: String(e.id),
            at: formatDateTime(e.at, user.timeZone),
            user: e.userName,
            action: ACTIONS[e.action] ?? e.action,
            entity: [e.entity, e.entityId].filter(Boolean).join(" "),
          },
        }))}
      />
    </div>
  );
}
