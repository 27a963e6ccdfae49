"use client";
// PLAN-4: import topics from XLSX — «Проверить» shows every row with its errors and writes
// nothing; «Загрузить» (only without errors) replaces the topics in one transaction.
import { useState } from "react";
import { importAction } from "@/lib/plans/actions";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { FileInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, Td, THead, Tr } from "@/components/ui/table";

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
        <Table label="Предпросмотр импорта" maxHeight="max-h-96" dense>
          <THead
            headers={["Строка", "Тема", "Часы", "КЭС", "Тип урока", "Вид контроля", "Домашнее задание", "Ошибки"]}
          />
          <tbody>
            {preview.rows.map((r) => (
              <Tr key={r.row} className={r.errors.length ? "bg-red-50" : undefined}>
                <Td className="tabular-nums">{r.row}</Td>
                {r.raw.slice(1).map((v, i) => (
                  <Td key={i}>{v}</Td>
                ))}
                <Td className="text-red-700">{r.errors.join("; ")}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </ActionForm>
  );
}
