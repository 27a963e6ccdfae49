"use client";
// One button that runs one server action without fields (unlock a login, remove a link, revoke):
// pending with a spinner, a second click dropped, the outcome beside it (role=status / alert).
// Bind the ids on the server: `<ActionButton action={removeLinkAction.bind(null, parentId, id)} …/>`.
import { useRef, useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

export function ActionButton<T>({
  action,
  children,
  done,
  variant = "secondary",
  size = "sm",
  confirm,
  className,
  "aria-label": ariaLabel,
}: {
  action: () => Promise<ActionResult<T>>;
  children: ReactNode;
  /** The text after a success (default: the action's `data.message`, else «Готово»). */
  done?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Asked before running (a destructive step). */
  confirm?: string;
  className?: string;
  "aria-label"?: string;
}) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const busy = useRef(false);
  const run = () => {
    if (busy.current || (confirm && !window.confirm(confirm))) return;
    busy.current = true;
    start(async () => {
      let r: { ok: boolean; text: string };
      try {
        const res = await action();
        const message = res.ok ? (res.data as { message?: unknown } | undefined)?.message : undefined;
        r = res.ok
          ? { ok: true, text: done ?? (typeof message === "string" ? message : "Готово") }
          : { ok: false, text: res.message };
      } catch {
        r = { ok: false, text: "Нет связи с сервером. Повторите попытку." };
      }
      busy.current = false;
      start(() => setResult(r));
    });
  };
  return (
    <span className={className}>
      <Button variant={variant} size={size} pending={pending} onClick={run} aria-label={ariaLabel}>
        {children}
      </Button>
      {result && (
        <span
          role={result.ok ? "status" : "alert"}
          className={`ml-1 text-xs ${result.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {result.text}
        </span>
      )}
    </span>
  );
}
