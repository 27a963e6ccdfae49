"use client";
// Import of a class list (PPL-5): choose the class, the admission order and a file → preview
// with per-row errors → «Импортировать» writes only the valid rows; «Отмена» writes nothing.
import { startTransition, useActionState, useRef, useState } from "react";
import { importAction } from "@/lib/people/import/actions";
import { IMPORT_COLUMNS, IMPORT_HEADERS } from "@/lib/people/import/rules";
import { Button } from "@/components/ui/button";
import { DateInput, FileInput, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function ImportWizard({ classes, today }: { classes: { id: number; name: string }[]; today: string }) {
  const [state, dispatch, pending] = useActionState(importAction, null);
  const [hidden, setHidden] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const err = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const preview = !hidden && state?.ok && state.data.stage === "preview" ? state.data.preview : null;
  const done = !hidden && state?.ok && state.data.stage === "done" ? state.data.count : null;
  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const fd = new FormData(e.currentTarget, submitter);
        setHidden(false);
        startTransition(() => dispatch(fd));
      }}
    >
      <div className="grid gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-3">
        <label className="text-xs text-slate-600">
          Класс/группа *
          <Select
            name="classId"
            defaultValue=""
            placeholder="—"
            options={classes.map((c) => ({ value: c.id, label: c.name }))}
          />
          {err.classId && <span className="text-red-700">{err.classId.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600">
          Дата зачисления *
          <DateInput name="date" defaultValue={today} />
          {err.date && <span className="text-red-700">{err.date.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600">
          Номер приказа *
          <Input name="orderNumber" />
          {err.orderNumber && <span className="text-red-700">{err.orderNumber.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600">
          Дата приказа *
          <DateInput name="orderDate" defaultValue={today} />
          {err.orderDate && <span className="text-red-700">{err.orderDate.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600 sm:col-span-2">
          Файл XLSX или CSV (первая строка — заголовки: Фамилия, Имя, Отчество, Дата рождения, Пол, Телефон, E-mail)
          <FileInput name="file" accept=".xlsx,.csv" />
          {err.file && <span className="text-red-700">{err.file.join("; ")}</span>}
        </label>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary" name="intent" value="preview">
          Проверить
        </SubmitButton>
        <p role="status" className="text-sm">
          {pending && "Обработка…"}
          {!pending && state?.ok === false && !hidden && <span className="text-red-700">{state.message}</span>}
          {!pending && done !== null && <span className="text-green-700">Импортировано строк: {done}</span>}
        </p>
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
          <div className="flex gap-3">
            <Button type="submit" name="intent" value="confirm" disabled={pending || preview.valid === 0}>
              Импортировать {preview.valid} стр.
            </Button>
            <Button
              variant="secondary"
              type="button"
              onClick={() => {
                // Nothing was written; forget the file, keep the class and the order.
                const file = formRef.current?.elements.namedItem("file");
                if (file instanceof HTMLInputElement) file.value = "";
                setHidden(true);
              }}
            >
              Отмена
            </Button>
          </div>
        </section>
      )}
    </form>
  );
}
