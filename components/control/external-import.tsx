"use client";
// REG-3: import of ГИА / ВПР results — a file → preview with each row's errors → «Импортировать»
// writes the valid rows only; «Отмена» writes nothing.
import { useState } from "react";
import { importResultsAction, type ResultImportState } from "@/lib/external/actions";
import { RESULT_COLUMNS, RESULT_HEADERS } from "@/lib/external/rules";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { Field, FileInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ImportConfirm } from "@/components/ui/import-confirm";

type Answer = Extract<ResultImportState, { ok: true }>["data"];

const COLUMNS = [
  { key: "line", header: "Строка", align: "right" as const },
  ...RESULT_COLUMNS.map((c) => ({ key: c, header: RESULT_HEADERS[c] })),
  { key: "errors", header: "Ошибки" },
];

export function ExternalImport() {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const preview = answer?.stage === "preview" ? answer : null;
  return (
    <ActionForm
      action={importResultsAction}
      noValidate
      status="manual"
      resetOnSuccess={false}
      label="Загрузка результатов"
      className="space-y-3"
      onResult={(r) => setAnswer(r.ok ? r.data : null)}
      success={(d) => (d.stage === "done" ? `Загружено результатов: ${d.count}` : null)}
    >
      <Field
        label="Файл XLSX или CSV: Фамилия, Имя, Отчество, Класс, Предмет, Форма (ОГЭ/ЕГЭ/ВПР), Первичный балл, Отметка, задания «З1 (макс. балл)», «З2 (…)», …"
        name="file"
        required
      >
        <FileInput accept=".xlsx,.csv" />
      </Field>
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary" name="intent" value="preview">
          Проверить
        </SubmitButton>
        <FormStatus />
      </div>
      {preview && (
        <div className="space-y-2">
          <DataTable
            label="Предпросмотр результатов"
            caption={`Предпросмотр: строк без ошибок — ${preview.valid}, с ошибками — ${preview.invalid}`}
            columns={COLUMNS}
            dense
            quickFilters={[{ tag: "error", label: "только строки с ошибками" }]}
            rows={preview.rows.map((r) => ({
              key: r.line,
              tags: r.errors.length ? ["error"] : [],
              className: r.errors.length ? "bg-red-50" : undefined,
              data: { "row-error": r.errors.length ? "1" : undefined },
              cells: {
                line: r.line,
                ...r.values,
                errors: { value: r.errors.join("; "), className: "text-red-700" },
              },
            }))}
          />
          <ImportConfirm valid={preview.valid} onCancel={() => setAnswer(null)} />
        </div>
      )}
    </ActionForm>
  );
}
