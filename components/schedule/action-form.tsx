"use client";
// A form bound to a server action that returns an ActionResult: shows the Russian message of a
// refusal (role=alert) or a success line (role=status); the fields are the children.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";

type Action<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

type Props<T> = {
  action: Action<T>;
  submitLabel: string;
  successText: string;
  label: string;
  children: React.ReactNode;
  className?: string;
};

export function ActionForm<T>({ action, submitLabel, successText, label, children, className }: Props<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      aria-label={label}
      className={className ?? "flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-3 text-sm"}
    >
      {children}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-700 px-3 py-1 font-medium text-white disabled:opacity-50"
      >
        {pending ? "Сохранение…" : submitLabel}
      </button>
      {state?.ok === false && (
        <p role="alert" className="basis-full text-red-700">
          {state.message}
        </p>
      )}
      {state?.ok === true && (
        <p role="status" className="basis-full text-green-700">
          {successText}
        </p>
      )}
    </form>
  );
}
