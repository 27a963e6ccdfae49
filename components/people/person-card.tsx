// A person's card (PPL-1) as the staff and parent cards show it: the name, «полная карточка» /
// «краткие сведения», then the full card's form (one field per row of `spec`, «Пол» as a select)
// or the brief facts; `footer` closes the card's section, `children` follow it.
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";
import { SEX_LABELS } from "@/lib/people/card-rules";
import { asInput } from "@/components/org/rows";
import { FieldForm, type FormField } from "./field-form";
import { PageHeader } from "@/components/ui/page-header";

export type CardSpec = readonly (readonly [name: string, label: string, type: FormField["type"]])[];

/** The fields every person's card starts with. */
export const PERSON_FIELDS: CardSpec = [
  ["lastName", "Фамилия", "text"],
  ["firstName", "Имя", "text"],
  ["middleName", "Отчество", "text"],
  ["birthDate", "Дата рождения", "date"],
  ["sex", "Пол", "select"],
];

const SEX_OPTIONS = [
  { value: "", label: "—" },
  { value: "MALE", label: SEX_LABELS.MALE },
  { value: "FEMALE", label: SEX_LABELS.FEMALE },
];

export function PersonCard<T>({
  name,
  full,
  action,
  spec,
  record,
  required = [],
  brief,
  footer,
  children,
}: {
  name: string;
  full: boolean;
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  spec: CardSpec;
  record: object;
  required?: readonly string[];
  brief: readonly (readonly [label: string, value: string | null | undefined])[];
  footer?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-3">
      <PageHeader title={name} subtitle={full ? "полная карточка" : "краткие сведения"} />
      <section className="rounded border border-slate-200 bg-white p-3">
        {full ? (
          <FieldForm
            action={action}
            fields={spec.map(([field, label, type]) => ({
              name: field,
              label,
              type,
              ...(required.includes(field) ? { required: true } : {}),
              value: asInput((record as Record<string, unknown>)[field]),
              ...(type === "select" ? { options: SEX_OPTIONS } : {}),
            }))}
          />
        ) : (
          <dl className="grid gap-2 text-sm sm:grid-cols-3">
            {brief.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd>{value || "—"}</dd>
              </div>
            ))}
          </dl>
        )}
        {footer}
      </section>
      {children}
    </div>
  );
}
