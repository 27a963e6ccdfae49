// A picker: a plain GET form (works without script, keeps the choice in the address) with its
// fields and one «Показать»/«Открыть» button — class/subject pickers, filters above tables,
// week/period choosers. Server-safe.
import type { ComponentProps, ReactNode } from "react";
import { Button } from "./button";
import { cx } from "./cx";

export function PickerForm({
  action,
  label,
  submitLabel = "Показать",
  primary = false,
  framed = false,
  size = "md",
  className,
  children,
  ...rest
}: Omit<ComponentProps<"form">, "action" | "method"> & {
  /** The page to open (default: this page). */
  action?: string;
  /** The form's accessible name («Выбор журнала», «Фильтр»). */
  label?: string;
  submitLabel?: ReactNode;
  /** The main choice of a page (a primary button) rather than a filter. */
  primary?: boolean;
  framed?: boolean;
  size?: "sm" | "md";
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className={cx(
        "flex flex-wrap items-end gap-2",
        size === "sm" ? "text-xs" : "text-sm",
        framed && "rounded border border-slate-200 bg-white p-2",
        className,
      )}
      {...rest}
    >
      {children}
      <Button type="submit" variant={primary ? "primary" : "secondary"} size={size}>
        {submitLabel}
      </Button>
    </form>
  );
}
