"use client";
// A compact CRUD table of one set-up directory (ORG-3…ORG-7): each row reads as text and opens as
// its own form on «Изменить» (issue 22 item 7: a form per row rendered every select's options
// for every row — half a megabyte on /org/classes); the form saves through the server (which
// validates and answers with Russian field messages); the last row adds a new entry.
// On the kit's ActionForm (DAY-8): a refused row keeps what was typed, the field messages sit
// under their cells, the save button shows pending; «Удалить» is the kit's ActionButton.
import { useState } from "react";
import type { ActionResult } from "@/lib/errors";
import type { FormField } from "@/components/people/field-form";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Checkbox, Input, Select } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/form-context";
import { SubmitButton } from "@/components/ui/submit-button";
import { Button } from "@/components/ui/button";

/** A field's value as text: a select's option label, «да»/«нет» for a checkbox. */
function shown(field: FormField, value: string): string {
  if (field.type === "select") return field.options?.find((o) => o.value === value)?.label ?? value;
  if (field.type === "checkbox") return value === "true" ? "да" : "нет";
  return value;
}

export type DirectoryRow = {
  key: string;
  values: Record<string, string>;
  save: ((prev: ActionResult<{ id: number }> | null, form: FormData) => Promise<ActionResult<{ id: number }>>) | null;
  remove: (() => Promise<ActionResult>) | null;
};

function Cell({ field, value, rowLabel }: { field: FormField; value: string; rowLabel: string }) {
  const error = useFieldErrors(field.readOnly ? undefined : field.name);
  const label = `${field.label} — ${rowLabel}`;
  return (
    <div className="min-w-0">
      {field.readOnly ? (
        <span className="block px-1 py-0.5 text-sm">{shown(field, value)}</span>
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
  const rowLabel = isNew ? "новая запись" : (row.values[fields[0].name] ?? row.key);
  const [editing, setEditing] = useState(isNew);
  const remove = row.remove && (
    <ActionButton action={row.remove} variant="danger" done="Удалено" aria-label={`Удалить: ${rowLabel}`}>
      Удалить
    </ActionButton>
  );
  if (!editing || !row.save) {
    // DAY-7: a row the user may not save reads as text, with no button to open it.
    return (
      <div
        className="grid items-start gap-1 border-t border-slate-100 py-1"
        style={{ gridTemplateColumns: template }}
        data-row={row.key}
      >
        {fields.map((f) => (
          <span key={f.name} className="block min-w-0 px-1 py-0.5 text-sm">
            {shown(f, row.values[f.name] ?? "")}
          </span>
        ))}
        <div className={ACTIONS}>
          {row.save && (
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`Изменить: ${rowLabel}`}>
              Изменить
            </Button>
          )}
          {remove}
        </div>
      </div>
    );
  }
  return (
    <ActionForm
      action={row.save}
      noValidate
      layout="bare"
      size="sm"
      status="manual"
      // A saved row shows what was saved; the new-entry row starts empty again.
      resetOnSuccess={isNew}
      className="border-t border-slate-100 py-1"
    >
      <div className="grid items-start gap-1" style={{ gridTemplateColumns: template }}>
        {fields.map((f) => (
          <Cell key={f.name} field={f} value={row.values[f.name] ?? ""} rowLabel={rowLabel} />
        ))}
        <div className={ACTIONS}>
          <SubmitButton size="sm">{isNew ? "Добавить" : "Сохранить"}</SubmitButton>
          {remove}
          <FormStatus size="sm" className="min-w-0" />
        </div>
      </div>
    </ActionForm>
  );
}

/**
 * The row's buttons stay at the frame's right edge while the columns scroll under them (at 1024 px
 * /org/subjects' fixed columns alone take 47rem of 60): «Изменить» is never scrolled out of reach.
 */
const ACTIONS = "sticky right-0 flex flex-wrap items-center gap-1 bg-white text-xs";

/** The least width a flexible column (`minmax(0,2fr)`) keeps before the rows scroll sideways. */
const FLEX_MIN_REM = 8;
/** The action column's width and the grid's gap (gap-1), in rem. */
const ACTIONS_REM = 12;
const GAP_REM = 0.25;

/**
 * The rows' least width: the fixed columns (`6rem`), FLEX_MIN_REM for each flexible one, the action
 * column and the gaps. Without it the fixed columns took a narrow screen's whole width and the
 * flexible ones shrank to nothing — at 1024 px /org/subjects drew each name over its short name, and
 * at 390 px /org/subjects ran to 1,005 px, so the page scrolled sideways (round 24's walk).
 */
function directoryMinWidth(columns: readonly string[]): string {
  const rem = columns.reduce((sum, c) => {
    const fixed = /^(\d+(?:\.\d+)?)rem$/.exec(c);
    return sum + (fixed ? Number(fixed[1]) : FLEX_MIN_REM);
  }, ACTIONS_REM);
  return `${rem + GAP_REM * columns.length}rem`;
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
  const columns = widths ?? fields.map(() => "minmax(0,1fr)");
  const template = `${columns.join(" ")} 12rem`;
  return (
    <section className="space-y-1 rounded border border-slate-200 bg-white p-3">
      <h2 className="font-semibold">{title}</h2>
      {/* DAY-4: below the columns' least width the rows scroll sideways inside the section. */}
      <div className="overflow-x-auto">
        <div className="space-y-1" style={{ minWidth: directoryMinWidth(columns) }}>
          {/* The header cells have the value cells' padding (px-1), so each label stands over its column's text. */}
          <div className="grid gap-1 text-xs text-slate-500" style={{ gridTemplateColumns: template }}>
            {fields.map((f) => (
              <div key={f.name} className="px-1">
                {f.label}
              </div>
            ))}
            <div></div>
          </div>
          {rows.map((r) => (
            <Row key={r.key} row={r} fields={fields} template={template} isNew={false} />
          ))}
          {newRow && <Row key={`new-${rows.length}`} row={newRow} fields={fields} template={template} isNew />}
        </div>
      </div>
    </section>
  );
}
