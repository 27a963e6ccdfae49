"use client";
// «Права доступа»: roles × permissions as in the seed's table (ACL-2); each cell a scope.
// DAY-9: the table reads as text (≈1000 cells), and a row turns into selects only when «Изменить» is
// pressed — the page was 727 KB of selects. Only edited rows are submitted (parseMatrixForm skips the
// cells a form does not send). The header stays on top while scrolling, full role names are on hover
// and in the legend, permissions read by their human names, filtered by section or by words.
import { useMemo, useState } from "react";
import { saveMatrixAction } from "@/lib/access/actions";
import type { MatrixView } from "@/lib/access/loaders";
import { MATRIX_COLUMNS, roleLabel, roleShort } from "@/lib/access/roles";
import type { OrgKindName } from "@/lib/org/vocabulary";
import { SCOPES } from "@/lib/access/matrix";
import { scopeLabel } from "@/lib/access/schema";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";

/** The matrix's sections by the permission key's first part. */
const SECTIONS: { name: string; prefixes: string[] }[] = [
  {
    name: "Журнал и отметки",
    prefixes: ["journal", "finals", "homework", "assessments", "attendance", "absence", "period", "periods", "results"],
  },
  { name: "Дневник и семья", prefixes: ["diary", "portfolio"] },
  { name: "Контроль", prefixes: ["control", "remarks", "risk", "audit"] },
  { name: "Люди и учётные записи", prefixes: ["people", "users", "staff", "movement", "classes", "subgroups"] },
  { name: "Расписание и мероприятия", prefixes: ["schedule", "timetable", "events", "clubs"] },
  {
    name: "Планы и учебные материалы",
    prefixes: ["plans", "programmes", "curriculum", "materials", "resources", "docs"],
  },
  { name: "Сообщения", prefixes: ["mail", "board", "forum", "webhooks"] },
  { name: "Отчёты, год и архив", prefixes: ["reports", "year", "archive", "decisions"] },
  { name: "Организация и доступ", prefixes: ["org", "acl", "dict"] },
];

function sectionOf(key: string): string {
  const prefix = key.split(".")[0];
  return SECTIONS.find((s) => s.prefixes.includes(prefix))?.name ?? "Прочее";
}

// DAY-6: the roles' full names in the organisation's words («Преподаватель», «Куратор», «Студент»).
export function MatrixForm({ view, kind = "SCHOOL" }: { view: MatrixView; kind?: OrgKindName }) {
  const [editing, setEditing] = useState<ReadonlySet<string>>(new Set());
  const [section, setSection] = useState("");
  const [words, setWords] = useState("");
  const sections = useMemo(() => [...new Set(view.rows.map((r) => sectionOf(r.key)))], [view.rows]);
  const q = words.trim().toLowerCase();
  const shown = view.rows.filter(
    (r) => (!section || sectionOf(r.key) === section) && (!q || r.label.toLowerCase().includes(q)),
  );
  const changedCount = view.rows.reduce((n, r) => n + r.cells.filter((c) => !c.isDefault).length, 0);
  return (
    <ActionForm
      action={saveMatrixAction}
      success={(d) => `Сохранено. Изменено ячеек: ${d.changed}`}
      onSuccess={() => setEditing(new Set())}
      resetOnSuccess={false}
      status="manual"
      layout="bare"
      className="space-y-3"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-xs text-slate-600">Раздел</span>
          <Select value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="">Все разделы</option>
            {sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">Операция содержит</span>
          <Input
            type="search"
            value={words}
            onChange={(e) => setWords(e.target.value)}
            placeholder="например, оценки"
          />
        </label>
        <Button type="submit" disabled={editing.size === 0}>
          Сохранить
        </Button>
        <FormStatus />
        {editing.size > 0 && <span className="text-xs text-slate-600">Строк в правке: {editing.size}</span>}
        <span className="text-xs text-slate-600">Отличается от типовой матрицы: {changedCount}</span>
      </div>
      <details className="text-xs text-slate-700">
        <summary className="cursor-pointer text-blue-700">Обозначения ролей и областей</summary>
        <dl className="mt-1 grid grid-cols-2 gap-x-4 sm:grid-cols-4">
          {MATRIX_COLUMNS.map((c) => (
            <div key={c} className="flex gap-1">
              <dt className="font-semibold">{roleShort(c, kind)}</dt>
              <dd>{roleLabel(c, kind)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-1">
          Области: {SCOPES.map((s) => scopeLabel(s, kind)).join(", ")}; «—» — нет права. Ячейки, изменённые относительно
          типовой матрицы, выделены.
        </p>
      </details>
      <div className="max-h-[70vh] overflow-auto rounded border border-slate-200 bg-white">
        <table className="text-xs">
          <caption className="sr-only">Права доступа: операции по ролям</caption>
          <thead className="sticky top-0 z-10 bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Операция
              </th>
              {MATRIX_COLUMNS.map((c) => (
                <th key={c} scope="col" className="px-1 py-1 font-medium" title={roleLabel(c, kind)}>
                  <abbr title={roleLabel(c, kind)} className="no-underline">
                    {roleShort(c, kind)}
                  </abbr>
                </th>
              ))}
              <th scope="col" className="px-1 py-1">
                <span className="sr-only">Действие</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={MATRIX_COLUMNS.length + 2} className="px-2 py-3 text-center text-slate-600">
                  Ничего не найдено
                </td>
              </tr>
            )}
            {shown.map((row) => {
              const open = editing.has(row.key);
              return (
                <tr key={row.key} className="border-t border-slate-100 hover:bg-slate-50" data-permission={row.key}>
                  <th scope="row" className="max-w-md px-2 py-0.5 text-left font-normal" title={row.key}>
                    {row.label}
                  </th>
                  {row.cells.map((cell) => (
                    <td
                      key={cell.column}
                      className={`px-0.5 py-0.5 text-center ${cell.isDefault ? "" : "bg-amber-100"}`}
                      title={`${roleLabel(cell.column, kind)}: ${cell.scope ? scopeLabel(cell.scope, kind) : "нет права"}`}
                    >
                      {open ? (
                        <Select
                          className="w-full min-w-14"
                          size="sm"
                          name={`c:${cell.column}:${row.key}`}
                          defaultValue={cell.scope ?? "none"}
                          aria-label={`${row.label} — ${roleLabel(cell.column, kind)}`}
                        >
                          <option value="none">—</option>
                          {SCOPES.map((s) => (
                            <option key={s} value={s}>
                              {scopeLabel(s, kind)}
                            </option>
                          ))}
                        </Select>
                      ) : cell.scope ? (
                        scopeLabel(cell.scope, kind)
                      ) : (
                        <span className="text-slate-500">—</span>
                      )}
                    </td>
                  ))}
                  <td className="px-1 py-0.5">
                    {!open && (
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        aria-label={`Изменить: ${row.label}`}
                        onClick={() => setEditing(new Set([...editing, row.key]))}
                      >
                        Изменить
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ActionForm>
  );
}
