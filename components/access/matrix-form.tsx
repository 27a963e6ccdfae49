"use client";
// «Права доступа»: roles × permissions as in the seed's table (ACL-2); each cell a scope.
import { useActionState } from "react";
import { saveMatrixAction } from "@/lib/access/actions";
import type { MatrixView } from "@/lib/access/loaders";
import { MATRIX_COLUMNS, ROLE_LABELS, ROLE_SHORT } from "@/lib/access/roles";
import { SCOPES } from "@/lib/access/matrix";
import { SCOPE_LABELS } from "@/lib/access/schema";
import { FormStatus } from "@/components/ui/action-form";
import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function MatrixForm({ view }: { view: MatrixView }) {
  const [state, action, pending] = useActionState(saveMatrixAction, null);
  return (
    <form action={action} className="space-y-3">
      <div className="flex items-center gap-3">
        <SubmitButton>{pending ? "Сохранение…" : "Сохранить"}</SubmitButton>
        <FormStatus state={state} success={(d) => `Сохранено. Изменено ячеек: ${d.changed}`} />
      </div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="text-xs">
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              <th className="px-2 py-1 text-left font-medium">Операция</th>
              {MATRIX_COLUMNS.map((c) => (
                <th key={c} className="px-1 py-1 font-medium" title={ROLE_LABELS[c]}>
                  <abbr title={ROLE_LABELS[c]} className="no-underline">
                    {ROLE_SHORT[c]}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.key} className="border-t border-slate-100 hover:bg-slate-50">
                <th scope="row" className="max-w-md px-2 py-0.5 text-left font-normal">
                  {row.label}
                  <span className="ml-1 text-slate-400">{row.key}</span>
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.column} className={`px-0.5 py-0.5 ${cell.isDefault ? "" : "bg-amber-100"}`}>
                    <Select
                      className="w-full min-w-14"
                      size="sm"
                      name={`c:${cell.column}:${row.key}`}
                      defaultValue={cell.scope ?? "none"}
                      aria-label={`${row.label} — ${ROLE_LABELS[cell.column]}`}
                    >
                      <option value="none">—</option>
                      {SCOPES.map((s) => (
                        <option key={s} value={s}>
                          {SCOPE_LABELS[s]}
                        </option>
                      ))}
                    </Select>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}
