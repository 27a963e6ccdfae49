"use client";
// A compact CRUD table of one set-up directory (ORG-3…ORG-7): each row is its own form that
// saves through the server (which validates and answers with Russian field messages); the
// last row adds a new entry.
import { useActionState, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";
import { typedValues, type FormField } from "@/components/people/field-form";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export type DirectoryRow = {
  key: string;
  values: Record<string, string>;
  save: ((prev: ActionResult<{ id: number }> | null, form: FormData) => Promise<ActionResult<{ id: number }>>) | null;
  remove: (() => Promise<ActionResult>) | null;
};

function Cell({
  field,
  value,
  error,
  rowLabel,
}: {
  field: FormField;
  value: string;
  error?: string[];
  rowLabel: string;
}) {
  const label = `${field.label} — ${rowLabel}`;
  return (
    <div className="min-w-0">
      {field.readOnly ? (
        <span className="block px-1 py-0.5 text-sm">
          {field.type === "select"
            ? (field.options?.find((o) => o.value === value)?.label ?? value)
            : field.type === "checkbox"
              ? value === "true"
                ? "да"
                : "нет"
              : value}
        </span>
      ) : field.type === "select" ? (
        <Select name={field.name} defaultValue={value} aria-label={label}>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ) : field.type === "checkbox" ? (
        <Checkbox name={field.name} defaultChecked={value === "true"} aria-label={label} />
      ) : (
        <Input name={field.name} type={field.type ?? "text"} defaultValue={value} aria-label={label} />
      )}
      {error && <p className="text-xs text-red-700">{error.join("; ")}</p>}
    </div>
  );
}

function Row({
  row,
  fields,
  template,
  isNew,
}: {
  row: DirectoryRow;
  fields: readonly FormField[];
  template: string;
  isNew: boolean;
}) {
  const save = row.save ?? (async () => ({ ok: false as const, code: "FORBIDDEN" as const, message: "Нет доступа" }));
  // As in FieldForm: after a refusal the typed values stay in the row.
  const [last, action] = useActionState(
    async (prev: { result: ActionResult<{ id: number }>; values: Record<string, string> } | null, form: FormData) => {
      const result: ActionResult<{ id: number }> = await save(prev?.result ?? null, form);
      return { result, values: typedValues(form) };
    },
    null,
  );
  const state = last?.result ?? null;
  const typed = state && !state.ok ? last?.values : undefined;
  const [removing, startRemove] = useTransition();
  const [removeError, setRemoveError] = useState<string | null>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const rowLabel = isNew ? "новая запись" : (row.values[fields[0].name] ?? row.key);
  return (
    <form
      action={action}
      noValidate
      className="grid items-start gap-1 border-t border-slate-100 py-1"
      style={{ gridTemplateColumns: template }}
    >
      {fields.map((f) => (
        <Cell
          key={f.name}
          // DAY-7: a row the user may not save reads as text, not as inputs without a save button.
          field={row.save ? f : { ...f, readOnly: true }}
          value={
            typed && !f.readOnly
              ? f.type === "checkbox"
                ? f.name in typed
                  ? "true"
                  : ""
                : (typed[f.name] ?? "")
              : (row.values[f.name] ?? "")
          }
          error={errors[f.name]}
          rowLabel={rowLabel}
        />
      ))}
      <div className="flex flex-wrap items-center gap-1 text-xs">
        {row.save && <SubmitButton size="sm">{isNew ? "Добавить" : "Сохранить"}</SubmitButton>}
        {row.remove && (
          <Button
            variant="danger"
            size="sm"
            type="button"
            disabled={removing}
            aria-label={`Удалить: ${rowLabel}`}
            onClick={() =>
              startRemove(async () => {
                const r = await row.remove!();
                setRemoveError(r.ok ? null : r.message);
              })
            }
          >
            Удалить
          </Button>
        )}
        <span role="status" className="min-w-0">
          {state?.ok === true && <span className="text-green-700">Сохранено</span>}
          {state?.ok === false && <span className="text-red-700">{errors._?.join("; ") ?? state.message}</span>}
          {removeError && <span className="text-red-700">{removeError}</span>}
        </span>
      </div>
    </form>
  );
}

export function DirectoryTable({
  title,
  fields,
  rows,
  newRow,
  widths,
}: {
  title: string;
  fields: readonly FormField[];
  rows: DirectoryRow[];
  newRow: DirectoryRow | null;
  widths?: string[];
}) {
  const template = `${(widths ?? fields.map(() => "minmax(0,1fr)")).join(" ")} 12rem`;
  return (
    <section className="space-y-1 rounded border border-slate-200 bg-white p-3">
      <h2 className="font-semibold">{title}</h2>
      <div className="grid gap-1 text-xs text-slate-500" style={{ gridTemplateColumns: template }}>
        {fields.map((f) => (
          <div key={f.name}>{f.label}</div>
        ))}
        <div></div>
      </div>
      {rows.map((r) => (
        <Row key={r.key} row={r} fields={fields} template={template} isNew={false} />
      ))}
      {newRow && <Row key={`new-${rows.length}`} row={newRow} fields={fields} template={template} isNew />}
    </section>
  );
}
