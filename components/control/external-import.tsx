"use client";
// REG-3: import of ГИА / ВПР results — a file → preview with each row's errors → «Импортировать»
// writes the valid rows only; «Отмена» writes nothing.
import { importResultsAction, type ResultImportState } from "@/lib/external/actions";
import { RESULT_COLUMNS, RESULT_HEADERS } from "@/lib/external/rules";
import { DataTable } from "@/components/ui/data-table";
import { Field, FileInput } from "@/components/ui/field";
import { ImportConfirm } from "@/components/ui/import-confirm";
import { PreviewForm } from "@/components/ui/preview-form";

type Answer = Extract<ResultImportState, { ok: true }>["data"];

const COLUMNS = [
  { key: "line", header: "Строка", align: "right" as const },
  ...RESULT_COLUMNS.map((c) => ({ key: c, header: RESULT_HEADERS[c] })),
  { key: "errors", header: "Ошибки" },
];

export function ExternalImport() {
  return (
    <PreviewForm
      action={importResultsAction}
      label="Загрузка результатов"
      success={(d: Answer) => (d.stage === "done" ? `Загружено результатов: ${d.count}` : null)}
      preview={(preview, clear) =>
        preview.stage === "preview" && (
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
            <ImportConfirm valid={preview.valid} onCancel={clear} />
          </div>
        )
      }
    >
      <Field
        label="Файл XLSX или CSV: Фамилия, Имя, Отчество, Класс, Предмет, Форма (ОГЭ/ЕГЭ/ВПР), Первичный балл, Отметка, задания «З1 (макс. балл)», «З2 (…)», …"
        name="file"
        required
      >
        <FileInput accept=".xlsx,.csv" />
      </Field>
    </PreviewForm>
  );
}
