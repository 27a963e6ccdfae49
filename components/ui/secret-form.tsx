"use client";
// A framed form that creates a credential shown once (an API token, a webhook's signing secret):
// its heading, the fields and button (`children`), then — from the last successful answer only —
// the secret in a read-only field with its warning, and the outcome line.
import { useId, useState, type ReactNode } from "react";
import { ActionForm, FormStatus, type FormAction } from "./action-form";
import { Input } from "./field";

export function SecretForm<T>({
  action,
  label,
  secretOf,
  secretLabel,
  secretClassName = "w-full",
  children,
}: {
  action: FormAction<T>;
  label: string;
  secretOf: (data: T) => string;
  secretLabel: string;
  secretClassName?: string;
  children: ReactNode;
}) {
  const [secret, setSecret] = useState<string | null>(null);
  const id = useId();
  return (
    <ActionForm
      action={action}
      framed
      status="manual"
      success={null}
      label={label}
      className="text-sm"
      onResult={(r) => setSecret(r.ok ? secretOf(r.data) : null)}
    >
      <div className="space-y-3">
        <h2 className="font-semibold">{label}</h2>
        {children}
        {secret && (
          <div className="space-y-1">
            <label className="block text-xs text-slate-500" htmlFor={id}>
              {secretLabel}
            </label>
            <Input className={secretClassName} size="sm" id={id} readOnly value={secret} />
          </div>
        )}
        <FormStatus />
      </div>
    </ActionForm>
  );
}
