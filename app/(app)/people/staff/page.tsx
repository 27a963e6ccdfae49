// «Сотрудники»: brief list for everyone with staff.brief; ADMIN creates staff and issues their
// logins with printable slips (AUTH-2).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadStaffCandidates } from "@/lib/people/logins/loaders";
import { loadStaffBrief } from "@/lib/people/staff/loaders";
import { IssueTable } from "@/components/people/issue-table";
import { StaffCreateForm } from "@/components/people/staff-create-form";
import { DataTable } from "@/components/ui/data-table";
import { Field, Select } from "@/components/ui/field";
import { PickerForm } from "@/components/ui/picker-form";
import { compareRu } from "@/lib/org/collation";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Сотрудники" };

export default async function StaffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireAccess("staff.brief");
  const raw = (await searchParams).position;
  const canIssue = (await authorize(user, "users.issueStaff")).allowed;
  const canClose = (await authorize(user, "users.delete")).allowed;
  const [all, candidates] = await Promise.all([loadStaffBrief(user), canIssue ? loadStaffCandidates(user) : null]);
  // DAY-9: the filter slot — one position (a GET choice, kept in the address); unknown values show all.
  const positions = [...new Set(all.map((s) => s.position).filter((p): p is string => !!p))].sort(compareRu);
  const position = typeof raw === "string" && positions.includes(raw) ? raw : null;
  const staff = position ? all.filter((s) => s.position === position) : all;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Сотрудники"
        actions={
          <a className="text-sm text-blue-700 hover:underline" href="/people/staff/export">
            Список в Excel
          </a>
        }
      />
      {canIssue && <StaffCreateForm kind={user.orgKind} />}
      {candidates && (
        <IssueTable
          title="Логины сотрудников"
          people={candidates}
          timeZone={user.timeZone}
          returnPath="/people/staff"
          canClose={canClose}
          selfUserId={user.id}
        />
      )}
      <DataTable
        label="Список сотрудников"
        caption={`Список сотрудников · ${staff.length}`}
        search={{ label: "Поиск сотрудника", placeholder: "ФИО, должность" }}
        empty="Сотрудников нет."
        filter={
          positions.length > 1 && (
            <PickerForm label="Фильтр сотрудников" size="sm">
              <Field label="Отбор по должности" size="sm">
                <Select
                  name="position"
                  defaultValue={position ?? ""}
                  placeholder="все"
                  options={positions.map((p) => ({ value: p, label: p }))}
                />
              </Field>
            </PickerForm>
          )
        }
        quickFilters={[
          { tag: "noPhone", label: "без телефона" },
          { tag: "noEmail", label: "без e-mail" },
        ]}
        totals={{
          name: `Всего: ${staff.length}`,
          position: `Должностей: ${new Set(staff.map((s) => s.position).filter(Boolean)).size}`,
        }}
        columns={[
          { key: "name", header: "ФИО", rowHeader: true, sortable: true },
          { key: "position", header: "Должность", sortable: true },
          { key: "phone", header: "Телефон" },
          { key: "email", header: "E-mail" },
        ]}
        rows={staff.map((s) => ({
          key: s.id,
          tags: [...(s.phone ? [] : ["noPhone"]), ...(s.email ? [] : ["noEmail"])],
          cells: {
            name: {
              value: (
                <Link className="text-blue-700 hover:underline" href={`/people/staff/${s.id}`}>
                  {s.fullName}
                </Link>
              ),
              sort: s.fullName,
            },
            position: s.position ?? "—",
            phone: s.phone ?? "—",
            email: s.email ?? "—",
          },
        }))}
      />
    </div>
  );
}
