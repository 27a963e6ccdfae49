"use client";
// A compact form of labelled fields bound to a server action returning ActionResult, on the kit:
// the server's Russian field messages appear under each field and, on refusal, every typed value
// stays (ActionForm does not let React reset the form) (NFR-4).
import type { ActionResult } from "@/lib/errors";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, HiddenFields, Input, Select, Textarea } from "@/components/ui/field";

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
  return (
    <ActionForm action={action} submitLabel={submitLabel} success={savedText} noValidate>
      {hidden && <HiddenFields values={hidden} />}
      <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {fields.map((f) =>
          f.type === "checkbox" ? (
            <Checkbox
              key={f.name}
              name={f.name}
              defaultChecked={f.value === "true"}
              label={f.label}
              className="self-end"
            />
          ) : (
            <Field
              key={f.name}
              label={f.label}
              name={f.name}
              required={f.required}
              className={f.type === "textarea" ? "sm:col-span-2 lg:col-span-3" : ""}
            >
              {f.type === "textarea" ? (
                <Textarea defaultValue={f.value ?? ""} rows={3} />
              ) : f.type === "select" ? (
                <Select
                  defaultValue={f.value ?? ""}
                  options={f.options?.map((o) => ({ value: o.value, label: o.label }))}
                  className="w-full"
                />
              ) : (
                <Input
                  type={f.type ?? "text"}
                  defaultValue={f.value ?? ""}
                  placeholder={f.placeholder}
                  className="w-full"
                />
              )}
            </Field>
          ),
        )}
      </div>
    </ActionForm>
  );
}
