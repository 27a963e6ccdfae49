"use client";
// PLAN-4: import topics from XLSX — «Проверить» shows every row with its errors and writes
// nothing; «Загрузить» (only without errors) replaces the topics in one transaction.
import { startTransition, useActionState, useRef } from "react";
import { importAction } from "@/lib/plans/actions";
import { FormStatus } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";

export function ImportForm({ planId }: { planId: number }) {
  const [state, action, pending] = useActionState(importAction, null);
  // React resets a form after its action; the chosen file is kept here for «Загрузить».
  const file = useRef<File | null>(null);
  const preview = state?.ok === true ? state.data : null;
  const send = (confirm: boolean) => {
    const fd = new FormData();
    fd.set("planId", String(planId));
    fd.set("confirm", confirm ? "1" : "0");
    if (file.current) fd.set("file", file.current);
    startTransition(() => action(fd));
  };
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
    >
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm">
          <span className="sr-only">Файл КТП (.xlsx)</span>
          <input
            type="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="Файл КТП (.xlsx)"
            required
            onChange={(e) => (file.current = e.target.files?.[0] ?? null)}
          />
        </label>
        <SubmitButton variant="secondary">Проверить</SubmitButton>
        {preview && !preview.saved && preview.errors === 0 && (
          <Button type="button" disabled={pending} onClick={() => send(true)}>
            Загрузить {preview.rows.length} тем
          </Button>
        )}
        <FormStatus
          state={state}
          success={(d) =>
            d.saved
              ? `Загружено тем: ${d.rows.length}`
              : d.errors
                ? `Ошибок в строках: ${d.errors}. Исправьте файл и проверьте снова`
                : `Ошибок нет. Тем: ${d.rows.length}`
          }
        />
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
    </form>
  );
}
