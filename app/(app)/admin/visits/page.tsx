// Visit statistics (AUTH-5): ADMIN sees everyone; a class teacher sees the students and parents
// of own class (seed 003 «контроль доступа родителей»). Filtered by role, surname and «never
// signed in»; the Excel download follows the filters.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { isRole, rolesLabel } from "@/lib/access/roles";
import { formatDateTime } from "@/lib/org/time";
import { loadVisitPage } from "@/lib/people/logins/loaders";
import { visitFilterSchema } from "@/lib/people/logins/schema";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { PickerForm } from "@/components/ui/picker-form";
import { roleOptions } from "@/components/access/role-options";

export const metadata: Metadata = { title: "Статистика посещений" };

const SHOWN = 200;
// The last four weeks' sign-ins, newest first (visitPage's default).
const WEEKS = ["Эта неделя", "−1 нед.", "−2 нед.", "−3 нед."];
const COLUMNS: readonly DataColumn[] = [
  { key: "name", header: "ФИО", rowHeader: true },
  { key: "roles", header: "Роль" },
  { key: "login", header: "Логин", className: "font-mono" },
  { key: "last", header: "Последний вход" },
  ...WEEKS.map((header, i) => ({ key: `w${i}`, header, align: "right" as const })),
];

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
  // Issue 22 item 7: the shown rows and the count in one statement, not every user sorted to show 200.
  const { rows, total } = await loadVisitPage(user, scopes, filter, SHOWN);
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return (
    <div className="space-y-3">
      <PageHeader
        title="Статистика посещений"
        actions={
          <a className="text-sm text-blue-700 hover:underline" href={`/admin/visits/export${query ? `?${query}` : ""}`}>
            В Excel
          </a>
        }
      />
      <PickerForm label="Фильтр посещений" framed>
        <Field label="Роль" name="role">
          <Select defaultValue={filter.role ?? ""} placeholder="все" options={roleOptions(user.orgKind)} />
        </Field>
        <Field label="Фамилия" name="q">
          <Input defaultValue={filter.q ?? ""} />
        </Field>
        <Checkbox
          name="never"
          value="1"
          defaultChecked={filter.never === "1"}
          label="только не входившие"
          className="pb-1"
        />
      </PickerForm>
      <p className="text-sm text-slate-600">
        Входы в систему по неделям: последние 7 дней, затем предыдущие недели.{" "}
        {total > SHOWN ? `Показаны первые ${SHOWN} из ${total}; в Excel — все.` : `Пользователей: ${total}.`}
      </p>
      <DataTable
        label="Входы пользователей"
        empty="Пользователей нет"
        columns={COLUMNS}
        rows={rows.map((r) => ({
          key: r.userId,
          cells: {
            name: (
              <>
                {r.fullName}
                {!r.isActive && <span className="ml-1 text-xs text-red-700">(вход закрыт)</span>}
              </>
            ),
            roles: rolesLabel(r.roles.filter(isRole), user.orgKind),
            login: r.login,
            last: r.lastVisit ? formatDateTime(r.lastVisit, user.timeZone) : "не входил",
            ...Object.fromEntries(r.weeks.map((n, i) => [`w${i}`, n])),
          },
        }))}
      />
    </div>
  );
}
