// Rows of the movement book (PPL-3): date, kind, order, from → to.
import Link from "next/link";
import type { MovementRow } from "@/lib/people/movement/data";
import { MOVEMENT_LABELS, type MovementKind } from "@/lib/people/movement/rules";
import { EDUCATION_FORM_LABELS, type EducationFormValue } from "@/lib/people/card-rules";
import { formatDate } from "@/lib/org/time";

export function MovementTable({ rows, showStudent = true }: { rows: MovementRow[]; showStudent?: boolean }) {
  return (
    <table className="w-full rounded border border-slate-200 bg-white text-sm">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="px-2">Дата</th>
          {showStudent && <th>Ученик</th>}
          <th>Движение</th>
          <th>Откуда</th>
          <th>Куда</th>
          <th>Приказ</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100">
            <td className="px-2">{formatDate(r.date)}</td>
            {showStudent && (
              <td>
                <Link className="text-blue-700 hover:underline" href={`/people/students/${r.studentId}`}>
                  {r.studentName}
                </Link>
              </td>
            )}
            <td>
              {MOVEMENT_LABELS[r.kind as MovementKind] ?? r.kind}
              {r.kind === "FORM_CHANGE" &&
                r.educationForm &&
                `: ${EDUCATION_FORM_LABELS[r.educationForm as EducationFormValue]}`}
            </td>
            <td>{r.fromClass ?? "—"}</td>
            <td>{r.toClass ?? "—"}</td>
            <td>
              {r.orderNumber.startsWith("№") ? "" : "№ "}
              {r.orderNumber} от {formatDate(r.orderDate)}
            </td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={6} className="px-2 text-slate-500">
              Записей нет
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
