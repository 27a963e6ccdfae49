// «Отделения» (ORG-4): college departments with their heads, and which department each group of
// the current year belongs to. A HEAD_OF_DEPT's «dept» scope (ACL-3) is exactly those groups, so
// only org.edit (ADMIN) changes them; everyone with org.view reads them.
import type { Metadata } from "next";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { saveEntityAction } from "@/lib/org/actions";
import { loadClassesOfYear, loadCurrentYear, loadDepartments, loadHeadsOfDept } from "@/lib/org/setup/loaders";
import { DirectoryTable, type DirectoryRow } from "@/components/org/directory-table";
import { newRowOf, rowsOf, selectField } from "@/components/org/rows";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Отделения" };

export default async function DepartmentsPage() {
  const { user } = await requireAccess("org.view");
  const year = await loadCurrentYear(user);
  const editable = (await authorize(user, "org.edit")).allowed;
  const [departments, heads, classes] = await Promise.all([
    loadDepartments(user, year?.id ?? null),
    loadHeadsOfDept(user),
    year ? loadClassesOfYear(user, year.id) : Promise.resolve([]),
  ]);
  const headName = new Map(heads.map((h) => [h.id, h.name]));
  const deptFields = [
    { name: "name", label: "Отделение" },
    selectField("headId", "Заведующий", heads, "— не назначен"),
  ];
  const groupEditable = editable && year !== null && year.status !== "CLOSED";
  const groupFields = [
    { name: "name", label: "Группа", readOnly: true },
    selectField("departmentId", "Отделение", departments, "— без отделения"),
  ];
  const groupRows: DirectoryRow[] = classes.map((c) => ({
    key: String(c.id),
    values: { name: c.name, departmentId: c.departmentId ? String(c.departmentId) : "" },
    save: groupEditable ? saveEntityAction.bind(null, "classDepartment", c.id, null) : null,
    remove: null,
  }));
  // The list for those who may not edit (the editable list is the DirectoryTable).
  const listColumns: DataColumn[] = [
    { key: "name", header: "Отделение", rowHeader: true },
    { key: "head", header: "Заведующий" },
    { key: "groups", header: `Групп в ${year?.name ?? "текущем году"}`, align: "right" },
  ];
  const listRows = departments.map((d) => ({
    key: d.id,
    cells: { name: d.name, head: (d.headId && headName.get(d.headId)) || "—", groups: d.groups },
  }));
  return (
    <div className="space-y-4">
      <PageHeader title="Отделения" />
      <p className="text-sm text-slate-600">
        Заведующий отделением видит и ведёт только группы своего отделения. Отделение, в котором есть группы (в том
        числе прошлых лет), удалить нельзя.
      </p>
      {editable ? (
        <DirectoryTable
          title="Отделения и заведующие"
          fields={deptFields}
          widths={["minmax(0,3fr)", "minmax(0,2fr)"]}
          rows={rowsOf("department", departments, deptFields, true)}
          newRow={newRowOf("department", null)}
        />
      ) : (
        <DataTable label="Отделения" empty="Отделений пока нет." columns={listColumns} rows={listRows} />
      )}
      {editable && departments.length === 0 && <p className="text-sm text-slate-600">Отделений пока нет.</p>}
      {year && classes.length > 0 && (
        <DirectoryTable
          title={`Группы по отделениям · ${year.name}`}
          fields={groupFields}
          widths={["8rem", "minmax(0,3fr)"]}
          rows={groupRows}
          newRow={null}
        />
      )}
    </div>
  );
}
