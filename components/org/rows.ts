// Turns set-up rows into the DirectoryTable's rows with server actions bound on the server.
import { isoDate } from "@/lib/org/time";
import { deleteEntityAction, saveEntityAction } from "@/lib/org/actions";
import type { Entity } from "@/lib/org/directory";
import type { FormField } from "@/components/people/field-form";
import type { DirectoryRow } from "./directory-table";

/** String form of a value for an input: dates as ГГГГ-ММ-ДД, Decimals and numbers as text, booleans "true"/"false". */
export function asInput(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

/** The table's rows of `items`: each field's value as input text, save and delete bound to the row's id when `editable`. */
export function rowsOf<T extends { id: number }>(
  entity: Entity,
  items: readonly T[],
  fields: readonly Pick<FormField, "name">[],
  editable: boolean,
): DirectoryRow[] {
  return items.map((item) => ({
    key: String(item.id),
    values: Object.fromEntries(fields.map(({ name }) => [name, asInput((item as Record<string, unknown>)[name])])),
    save: editable ? saveEntityAction.bind(null, entity, item.id, null) : null,
    remove: editable ? deleteEntityAction.bind(null, entity, item.id, undefined) : null,
  }));
}

export function newRowOf(entity: Entity, yearId: number | null, defaults: Record<string, string> = {}): DirectoryRow {
  return { key: "new", values: defaults, save: saveEntityAction.bind(null, entity, null, yearId), remove: null };
}

/** A select column of a DirectoryTable over named items; `blank` adds the empty choice first («—», «весь год»). */
export function selectField(
  name: string,
  label: string,
  items: readonly { id: number; name: string }[],
  blank?: string,
): FormField {
  const options = items.map((i) => ({ value: String(i.id), label: i.name }));
  return {
    name,
    label,
    type: "select",
    options: blank === undefined ? options : [{ value: "", label: blank }, ...options],
  };
}
