"use client";
// Import of a class list (PPL-5): choose the class, the admission order and a file → preview
// with per-row errors → «Импортировать» writes only the valid rows; «Отмена» writes nothing.
import { useState } from "react";
import { importAction, type ImportState } from "@/lib/people/import/actions";
import { IMPORT_COLUMNS, IMPORT_HEADERS } from "@/lib/people/import/rules";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Field, FileInput, Select } from "@/components/ui/field";
import { EnrolmentOrderFields } from "./enrolment-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { ImportConfirm } from "@/components/ui/import-confirm";

type Answer = Extract<ImportState, { ok: true }>["data"];

// A two-step wizard on the kit's ActionForm: the last answer (preview or done) is kept here to
// draw the preview; the outcome line is the kit's FormStatus, the fields keep their values.
export function ImportWizard({ classes, today }: { classes: { id: number; name: string }[]; today: string }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const preview = answer?.stage === "preview" ? answer.preview : null;
  return (
    <ActionForm
      action={importAction}
      noValidate
      status="manual"
      resetOnSuccess={false}
      label="Импорт списка"
      className="space-y-3"
      onResult={(r) => setAnswer(r.ok ? r.data : null)}
      success={(d) => (d.stage === "done" ? `Импортировано строк: ${d.count}` : null)}
    >
      <div className="grid gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-3">
        <Field label="Класс/группа" name="classId" required>
          <Select defaultValue="" placeholder="—" options={classes.map((c) => ({ value: c.id, label: c.name }))} />
        </Field>
        <EnrolmentOrderFields today={today} />
        <Field
          label="Файл XLSX или CSV (первая строка — заголовки: Фамилия, Имя, Отчество, Дата рождения, Пол, Телефон, E-mail)"
          name="file"
          required
          className="sm:col-span-2"
        >
          <FileInput accept=".xlsx,.csv" />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary" name="intent" value="preview">
          Проверить
        </SubmitButton>
        <FormStatus />
      </div>
      {preview && (
        <section className="space-y-2 rounded border border-slate-200 bg-white p-3">
          <h2 className="font-semibold">
            Предпросмотр: строк без ошибок — {preview.valid}, с ошибками — {preview.invalid}
          </h2>
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th>Строка</th>
                {IMPORT_COLUMNS.map((c) => (
                  <th key={c}>{IMPORT_HEADERS[c]}</th>
                ))}
                <th>Ошибки</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr
                  key={r.line}
                  className={`border-t border-slate-100 ${r.errors.length ? "bg-red-50" : ""}`}
                  data-row-error={r.errors.length > 0 || undefined}
                >
                  <td>{r.line}</td>
                  {IMPORT_COLUMNS.map((c) => (
                    <td key={c}>{r.values[c]}</td>
                  ))}
                  <td className="text-red-700">{r.errors.join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ImportConfirm valid={preview.valid} onCancel={() => setAnswer(null)} />
        </section>
      )}
    </ActionForm>
  );
}
