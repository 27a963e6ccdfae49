"use client";
// PLAN-4: import topics from XLSX — «Проверить» shows every row with its errors and writes
// nothing; «Загрузить» (only without errors) replaces the topics in one transaction.
import { useState } from "react";
import { importAction } from "@/lib/plans/actions";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { FileInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Preview = Extract<Awaited<ReturnType<typeof importAction>>, { ok: true }>["data"];

export function ImportForm({ planId }: { planId: number }) {
  // The kit keeps the chosen file in the form, so «Загрузить» sends the file that was checked.
  const [preview, setPreview] = useState<Preview | null>(null);
  return (
    <ActionForm
      action={importAction}
      resetOnSuccess={false}
      status="manual"
      label="Импорт КТП"
      onResult={(r) => setPreview(r.ok ? r.data : null)}
      success={(d) =>
        d.saved
          ? `Загружено тем: ${d.rows.length}`
          : d.errors
            ? `Ошибок в строках: ${d.errors}. Исправьте файл и проверьте снова`
            : `Ошибок нет. Тем: ${d.rows.length}`
      }
    >
      <input type="hidden" name="planId" value={planId} />
      <div className="flex flex-wrap items-center gap-3">
        <FileInput
          name="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Файл КТП (.xlsx)"
          required
          onChange={() => setPreview(null)}
        />
        <SubmitButton variant="secondary" name="confirm" value="0">
          Проверить
        </SubmitButton>
        {preview && !preview.saved && preview.errors === 0 && (
          <SubmitButton name="confirm" value="1">
            Загрузить {preview.rows.length} тем
          </SubmitButton>
        )}
        <FormStatus />
      </div>
      {preview && !preview.saved && (
        <div className="max-h-96 overflow-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-xs" aria-label="Предпросмотр импорта">
            <thead className="sticky top-0 bg-slate-100 text-left">
              <tr>
                {["Строка", "Тема", "Часы", "КЭС", "Тип урока", "Вид контроля", "Домашнее задание", "Ошибки"].map(
                  (h) => (
                    <th key={h} className="px-1 py-0.5 font-medium">
                      {h}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row} className={`border-t border-slate-100 ${r.errors.length ? "bg-red-50" : ""}`}>
                  <td className="px-1 py-0.5 tabular-nums">{r.row}</td>
                  {r.raw.slice(1).map((v, i) => (
                    <td key={i} className="px-1 py-0.5">
                      {v}
                    </td>
                  ))}
                  <td className="px-1 py-0.5 text-red-700">{r.errors.join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ActionForm>
  );
}
