// A card: a framed white block with an optional heading and actions. Server-safe.
import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";

export function Card({
  title,
  actions,
  level = 2,
  padding = "md",
  className,
  children,
  ...rest
}: Omit<ComponentProps<"section">, "title"> & {
  title?: ReactNode;
  actions?: ReactNode;
  level?: 2 | 3;
  padding?: "sm" | "md";
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      className={cx(
        "min-w-0 rounded border border-slate-200 bg-white",
        padding === "sm" ? "p-2" : "p-3 sm:p-4",
        className,
      )}
      {...rest}
    >
      {(title || actions) && (
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          {title && <Heading className="font-semibold">{title}</Heading>}
          {actions && <div className="flex flex-wrap items-center gap-2 text-sm">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

/** A coloured note inside a page or card: info, warning (amber), error (red), success. */
export function Notice({
  tone = "info",
  className,
  ...rest
}: ComponentProps<"div"> & { tone?: "info" | "warning" | "error" | "success" }) {
  const tones = {
    info: "border-blue-200 bg-blue-50 text-blue-900",
    warning: "border-amber-300 bg-amber-50 text-amber-900",
    error: "border-red-300 bg-red-50 text-red-800",
    success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  } as const;
  return <div className={cx("rounded border px-3 py-2 text-sm", tones[tone], className)} {...rest} />;
}

/**
 * A card that lists items one per line (events, changes, substitutions), or says `empty` when there
 * are none. Give each item its `key`; the card is named by its title for screen readers.
 */
export function ListCard({ title, empty, items }: { title: string; empty?: ReactNode; items: readonly ReactNode[] }) {
  return (
    <Card title={title} aria-label={title}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm">{items}</ul>
      )}
    </Card>
  );
}
