// The mark badge: one colour per value wherever a mark is shown — the journal grid (text only,
// dense), the diary and «Отметки и прогноз» (chips), the finals sheet. Colour follows the visible
// label, so every wording of a mark («5б», «зч»/«зач»/«зачёт», «нз»/«незачёт», «н/а», «д»/«долг»,
// «осв.») gets the same tone. Server-safe.
import type { ReactNode } from "react";
import { cx } from "./cx";

export type MarkTone = "excellent" | "good" | "fair" | "poor" | "pass" | "neutral";

const POOR = new Set(["н/а", "нз", "незач", "незач.", "незачёт", "д", "долг", "нет"]);
const PASS = new Set(["з", "зч", "зач", "зач.", "зачёт", "осв", "осв."]);

/** The tone of a mark by its label: 5 / 4 / 3 / 2–1 / pass / failing specials / anything else. */
export function markTone(label: string): MarkTone {
  const text = label.trim().toLowerCase();
  const digit = /^[1-5]/.exec(text)?.[0];
  if (digit === "5") return "excellent";
  if (digit === "4") return "good";
  if (digit === "3") return "fair";
  if (digit === "2" || digit === "1") return "poor";
  if (POOR.has(text)) return "poor";
  if (PASS.has(text)) return "pass";
  return "neutral";
}

const TEXT: Record<MarkTone, string> = {
  excellent: "text-emerald-700",
  good: "text-blue-700",
  fair: "text-amber-700",
  poor: "text-red-600",
  pass: "text-teal-700",
  neutral: "text-slate-700",
};

/** Text colour of a mark (grid cells, editable final cells). */
export function markTextClass(label: string): string {
  return TEXT[markTone(label)];
}

export function MarkBadge({
  label,
  variant = "chip",
  fresh = false,
  title,
  className,
  children,
  ...data
}: {
  label: string;
  /** `chip`: coloured background (diary, finals); `text`: coloured text only (the dense grid). */
  variant?: "chip" | "text";
  /** New since the last visit (DRY-7): a ring and data-new. */
  fresh?: boolean;
  title?: string;
  className?: string;
  /** Shown after the label (a type, a weight, «б» for a hospital mark). */
  children?: ReactNode;
  [data: `data-${string}`]: string | undefined;
}) {
  const tone = markTone(label);
  return (
    <span
      title={title}
      data-tone={tone}
      data-new={fresh ? "true" : undefined}
      className={cx(
        // The chip: one short class, its colours by data-tone (app/globals.css `.mk`, issue 22 item 5:
        // ≈ 110 characters of utilities per mark, twice where a server tree sends it).
        variant === "chip" ? "mk" : TEXT[tone],
        fresh && "ring-2 ring-emerald-500",
        className,
      )}
      {...data}
    >
      {label}
      {children}
    </span>
  );
}
