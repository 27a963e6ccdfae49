"use client";
// Import of a class list (PPL-5): choose the class, the admission order and a file → preview
// with per-row errors → «Импортировать» writes only the valid rows; «Отмена» writes nothing.
import { startTransition, useActionState, useRef, useState } from "react";
import { importAction } from "@/lib/people/import/actions";
import { IMPORT_COLUMNS, IMPORT_HEADERS } from "@/lib/people/import/rules";

export function ImportWizard({ classes, today }: { classes: { id: number; name: string }[]; today: string }) {
  const [state, dispatch, pending] = useActionState(importAction, null);
  const [hidden, setHidden] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const err = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const preview = !hidden && state?.ok && state.data.stage === "preview" ? state.data.preview : null;
  const done = !hidden && state?.ok && state.data.stage === "done" ? state.data.count : null;
  const input = "block w-full rounded border border-slate-300 px-2 py-1 text-sm";
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
          <select name="classId" className={input} defaultValue="">
            <option value="">—</option>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {err.classId && <span className="text-red-700">{err.classId.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600">
          Дата зачисления *
          <input type="date" name="date" defaultValue={today} className={input} />
          {err.date && <span className="text-red-700">{err.date.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600">
          Номер приказа *
          <input name="orderNumber" className={input} />
          {err.orderNumber && <span className="text-red-700">{err.orderNumber.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600">
          Дата приказа *
          <input type="date" name="orderDate" defaultValue={today} className={input} />
          {err.orderDate && <span className="text-red-700">{err.orderDate.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600 sm:col-span-2">
          Файл XLSX или CSV (первая строка — заголовки: Фамилия, Имя, Отчество, Дата рождения, Пол, Телефон, E-mail)
          <input type="file" name="file" accept=".xlsx,.csv" className={input} />
          {err.file && <span className="text-red-700">{err.file.join("; ")}</span>}
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button
          name="intent"
          value="preview"
          disabled={pending}
          className="rounded border border-blue-700 px-3 py-1 text-sm text-blue-800"
        >
          Проверить
        </button>
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
            <button
              name="intent"
              value="confirm"
              disabled={pending || preview.valid === 0}
              className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
            >
              Импортировать {preview.valid} стр.
            </button>
            <button
              type="button"
              className="rounded border border-slate-300 px-3 py-1 text-sm"
              onClick={() => {
                // Nothing was written; forget the file, keep the class and the order.
                const file = formRef.current?.elements.namedItem("file");
                if (file instanceof HTMLInputElement) file.value = "";
                setHidden(true);
              }}
            >
              Отмена
            </button>
          </div>
        </section>
      )}
    </form>
  );
}
