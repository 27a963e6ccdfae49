"use client";
// Import of a class list (PPL-5): choose the class, the admission order and a file → preview
// with per-row errors → «Импортировать» writes only the valid rows; «Отмена» writes nothing.
import { importAction, type ImportState } from "@/lib/people/import/actions";
import { IMPORT_COLUMNS, IMPORT_HEADERS } from "@/lib/people/import/rules";
import { Field, FileInput, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { EnrolmentOrderFields } from "./enrolment-fields";
import { ImportConfirm } from "@/components/ui/import-confirm";
import { PreviewForm } from "@/components/ui/preview-form";
import { Table, Td, THead, Tr } from "@/components/ui/table";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

type Answer = Extract<ImportState, { ok: true }>["data"];

// A two-step wizard on the kit's PreviewForm: the last answer (preview or done) is kept there to
// draw the preview; the outcome line is the kit's FormStatus, the fields keep their values.
export function ImportWizard({
  classes,
  today,
  kind,
}: {
  classes: { id: number; name: string }[];
  today: string;
  /** DAY-6: «Группа» at a college (round 23; it was «Класс/группа» for both). */
  kind?: OrgKindName;
}) {
  return (
    <PreviewForm
      action={importAction}
      label="Импорт списка"
      success={(d: Answer) => (d.stage === "done" ? `Импортировано строк: ${d.count}` : null)}
      preview={(answer, clear) => {
        if (answer.stage !== "preview") return null;
        const preview = answer.preview;
        return (
          <section className="space-y-2 rounded border border-slate-200 bg-white p-3">
            <h2 className="font-semibold">
              Предпросмотр: строк без ошибок — {preview.valid}, с ошибками — {preview.invalid}
            </h2>
            <Table label="Предпросмотр импорта">
              <THead headers={["Строка", ...IMPORT_COLUMNS.map((c) => IMPORT_HEADERS[c]), "Ошибки"]} />
              <tbody>
                {preview.rows.map((r) => (
                  <Tr
                    key={r.line}
                    className={r.errors.length ? "bg-red-50" : undefined}
                    data-row-error={r.errors.length > 0 || undefined}
                  >
                    <Td className="tabular-nums">{r.line}</Td>
                    {IMPORT_COLUMNS.map((c) => (
                      <Td key={c}>{r.values[c]}</Td>
                    ))}
                    <Td className="text-red-700">{r.errors.join("; ")}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <ImportConfirm valid={preview.valid} onCancel={clear} />
          </section>
        );
      }}
    >
      <div className="grid gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-3">
        <Field label={cap(vocabulary(kind ?? "SCHOOL").class.nom)} name="classId" required>
          <Select defaultValue="" placeholder="—" options={optionsOf(classes)} />
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
    </PreviewForm>
  );
}
