"use client";
// The state an ActionForm shares with its fields, buttons and status line.
import { createContext, useContext, useEffect, type ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";

export type Success<T> = ReactNode | ((data: T) => ReactNode);

export type FormContextValue = {
  state: ActionResult<unknown> | null;
  pending: boolean;
  disabledReason: string | null;
  reasonId: string;
  success: Success<unknown> | undefined;
  /** Fields that show their own messages register here, so FormStatus lists only the others. */
  claimed: Set<string>;
};

export const FormContext = createContext<FormContextValue | null>(null);

/** The state of the enclosing ActionForm (null outside one). */
export function useActionFormState(): FormContextValue | null {
  return useContext(FormContext);
}

/** The messages of one field from the last refusal of the enclosing ActionForm. */
export function useFieldErrors(name: string | undefined): string[] | undefined {
  const ctx = useContext(FormContext);
  useEffect(() => {
    if (!ctx || !name) return;
    ctx.claimed.add(name);
    return () => {
      ctx.claimed.delete(name);
    };
  }, [ctx, name]);
  if (!ctx || !name || !ctx.state || ctx.state.ok) return undefined;
  return ctx.state.fieldErrors?.[name];
}
