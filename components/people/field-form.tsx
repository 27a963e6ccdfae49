"use client";
// A compact form of labelled fields bound to a server action returning ActionResult; shows the
// server's Russian field messages under each field (NFR-4).
import { useActionState, useId } from "react";
import type { ActionResult } from "@/lib/errors";

export type FormField = {
  name: string;
  label: string;
  value?: string | null;
  type?: "text" | "date" | "email" | "tel" | "textarea" | "select" | "number" | "checkbox";
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  placeholder?: string;
  /** Shown as text, not sent (the row's label in a directory table). */
  readOnly?: boolean;
};

type Submitted<T> = { result: ActionResult<T>; values: Record<string, string> };

/** The text values of a submitted form (files are not kept). */
export function typedValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  form.forEach((v, k) => {
    if (typeof v === "string") out[k] = v;
  });
  return out;
}

export function FieldForm<T>({
  action,
  fields,
  submitLabel = "Сохранить",
  savedText = "Сохранено",
  hidden,
}: {
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  fields: readonly FormField[];
  submitLabel?: string;
  savedText?: string;
  hidden?: Record<string, string>;
}) {
  // React resets a form after its action; on refusal the typed values come back as the
  // defaults, so a Russian field message never costs the user what they entered.
  const [last, formAction, pending] = useActionState(
    async (prev: Submitted<T> | null, form: FormData): Promise<Submitted<T>> => ({
      result: await action(prev?.result ?? null, form),
      values: typedValues(form),
    }),
    null,
  );
  const state = last?.result ?? null;
  const typed = state && !state.ok ? last?.values : undefined;
  const prefix = useId();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-2" noValidate>
      {hidden && Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {fields.map((f) => {
          const id = `${prefix}-${f.name}`;
          const err = errors[f.name];
          const common = {
            id,
            name: f.name,
            defaultValue: typed ? (typed[f.name] ?? "") : (f.value ?? ""),
            "aria-invalid": err ? true : undefined,
            "aria-describedby": err ? `${id}-err` : undefined,
            className: "w-full rounded border border-slate-300 px-2 py-1 text-sm",
          };
          return (
            <div key={f.name} className={f.type === "textarea" ? "sm:col-span-2 lg:col-span-3" : ""}>
              <label htmlFor={id} className="block text-xs text-slate-600">
                {f.label}
                {f.required ? " *" : ""}
              </label>
              {f.type === "textarea" ? (
                <textarea {...common} rows={3} />
              ) : f.type === "select" ? (
                <select {...common}>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.type === "checkbox" ? (
                <input
                  id={id}
                  name={f.name}
                  type="checkbox"
                  defaultChecked={typed ? f.name in typed : f.value === "true"}
                  className="h-4 w-4"
                />
              ) : (
                <input {...common} type={f.type ?? "text"} placeholder={f.placeholder} />
              )}
              {err && (
                <p id={`${id}-err`} className="text-xs text-red-700">
                  {err.join("; ")}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
        >
          {pending ? "Сохранение…" : submitLabel}
        </button>
        <p role="status" className="text-sm">
          {state?.ok === true && <span className="text-green-700">{savedText}</span>}
          {state?.ok === false && <span className="text-red-700">{state.message}</span>}
        </p>
      </div>
    </form>
  );
}
