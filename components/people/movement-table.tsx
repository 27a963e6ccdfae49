// Rows of the movement book (PPL-3): date, kind, order, from → to — on the kit's DataTable (DAY-9):
// sortable, searchable, with the count of records by kind as the totals row.
import type { ReactNode } from "react";
import type { MovementRow } from "@/lib/people/movement/data";
import { MOVEMENT_LABELS, type MovementKind } from "@/lib/people/movement/rules";
import { EDUCATION_FORM_LABELS, type EducationFormValue } from "@/lib/people/card-rules";
import { formatDate } from "@/lib/org/time";
import { orderRef } from "@/lib/org/decisions/rules";
import { DataTable, type DataColumn } from "@/components/ui/data-table";

export function MovementTable({
  rows,
  showStudent = true,
  studentWord = "Ученик",
  filter,
}: {
  rows: MovementRow[];
  showStudent?: boolean;
  /** The page's GET filter (class, kind, dates) in the table's filter slot. */
  filter?: ReactNode;
  /** DAY-6: «Ученик» / «Студент» (lib/org/vocabulary.ts). */
  studentWord?: string;
}) {
  const columns: DataColumn[] = [
    { key: "date", header: "Дата", sortable: true, descFirst: true },
    ...(showStudent ? [{ key: "student", header: studentWord, sortable: true, rowHeader: true }] : []),
    { key: "kind", header: "Движение", sortable: true },
    { key: "from", header: "Откуда", sortable: true },
    { key: "to", header: "Куда", sortable: true },
    { key: "order", header: "Приказ" },
  ];
  const byKind = new Map<string, number>();
  for (const r of rows) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  return (
    <DataTable
      label="Книга движения"
      empty="Записей нет"
      className="[&_tbody_a]:text-blue-700 [&_tbody_a:hover]:underline"
      filter={filter}
      search={rows.length > 10 ? { label: "Поиск по фамилии, классу, приказу", placeholder: "Поиск" } : undefined}
      columns={columns}
      rows={rows.map((r) => ({
        key: r.id,
        cells: {
          date: { value: formatDate(r.date), sort: r.date.getTime() },
          ...(showStudent
            ? {
                student: {
                  // A plain link, its look declared once on the table (issue 22 item 7): a <Link> per row
                  // costs a client reference and its props in the payload ×300.
                  value: <a href={`/people/students/${r.studentId}`}>{r.studentName}</a>,
                  sort: r.studentName,
                },
              }
            : {}),
          kind: `${MOVEMENT_LABELS[r.kind as MovementKind] ?? r.kind}${
            r.kind === "FORM_CHANGE" && r.educationForm
              ? `: ${EDUCATION_FORM_LABELS[r.educationForm as EducationFormValue]}`
              : ""
          }`,
          from: r.fromClass ?? "—",
          to: r.toClass ?? "—",
          order: orderRef(r.orderNumber, r.orderDate),
        },
        search: `${r.studentName ?? ""} ${r.fromClass ?? ""} ${r.toClass ?? ""} ${r.orderNumber}`,
      }))}
      totals={
        rows.length > 0
          ? {
              date: `Записей: ${rows.length}`,
              kind: [...byKind].map(([k, n]) => `${MOVEMENT_LABELS[k as MovementKind] ?? k}: ${n}`).join(", "),
            }
          : undefined
      }
    />
  );
}
