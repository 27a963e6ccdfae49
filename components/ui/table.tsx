// Table primitives of the kit — the frame (scrolls both ways inside itself, so the header can stay
// sticky even on a phone), header and body cells. `DataTable` is built on them; a table with cells
// of its own kind (the finals sheet, the timetable) uses them directly. Server-safe.
// The frame is never wider than its container (max-w-full): a frame sized to its table (`w-fit`)
// ran past a 390 px screen, so the page scrolled sideways, not the frame (DAY-4; round 24's walk:
// the class teacher's /journal/attendance was 701 px wide on a phone).
import { isValidElement, type ComponentProps, type ReactNode } from "react";
import { cx } from "./cx";

export type Align = "left" | "right" | "center";

export const ALIGN: Record<Align, string> = {
  left: "text-left",
  right: "text-right tabular-nums",
  center: "text-center",
};

export function Table({
  label,
  caption,
  maxHeight = "max-h-[75vh]",
  dense = false,
  className,
  tableClassName,
  children,
  ...rest
}: Omit<ComponentProps<"table">, "className"> & {
  /** The table's accessible name (when there is no visible caption). */
  label?: string;
  caption?: ReactNode;
  /** Tailwind max-height of the scrolling frame; `none` for a table that never scrolls on its own. */
  maxHeight?: string;
  dense?: boolean;
  className?: string;
  tableClassName?: string;
}) {
  return (
    <div
      className={cx(
        "max-w-full overflow-auto rounded border border-slate-200 bg-white",
        maxHeight !== "none" && maxHeight,
        className,
      )}
    >
      <table
        aria-label={caption ? undefined : label}
        data-dense={dense ? "true" : undefined}
        className={cx(
          "min-w-full border-separate border-spacing-0",
          dense ? "text-xs [&_td]:py-0.5 [&_th]:py-0.5" : "text-sm",
          tableClassName,
        )}
        {...rest}
      >
        {caption && <caption className="px-2 py-1 text-left text-sm font-semibold">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

/** A column header: sticky at the top of the frame. */
export function Th({
  align = "left",
  sticky = true,
  className,
  ...rest
}: ComponentProps<"th"> & { align?: Align; sticky?: boolean }) {
  return (
    <th
      scope="col"
      className={cx(
        "border-b border-slate-200 bg-slate-100 px-2 py-1 text-xs font-semibold text-slate-600",
        sticky && "sticky top-0 z-10",
        ALIGN[align],
        className,
      )}
      {...rest}
    />
  );
}

/** A header: its content, or content with its alignment and classes (a number column, an sr-only label). */
export type HeadSpec = ReactNode | { label: ReactNode; align?: Align; className?: string };

function isHeadSpec(h: HeadSpec): h is { label: ReactNode; align?: Align; className?: string } {
  return typeof h === "object" && h !== null && !isValidElement(h) && !Array.isArray(h) && "label" in h;
}

/** The table's head: one row of sticky column headers, in order (falsy entries are skipped). */
export function THead({ headers }: { headers: readonly (HeadSpec | false | null | undefined)[] }) {
  return (
    <thead>
      <tr>
        {headers
          .filter((h) => h !== false && h !== null && h !== undefined)
          .map((h, i) =>
            isHeadSpec(h) ? (
              <Th key={i} align={h.align} className={h.className}>
                {h.label}
              </Th>
            ) : (
              <Th key={i}>{h}</Th>
            ),
          )}
      </tr>
    </thead>
  );
}

/** A row's own header cell (the student's or the class's name). */
export function RowTh({ className, ...rest }: ComponentProps<"th">) {
  return (
    <th
      scope="row"
      className={cx("border-b border-slate-100 px-2 py-1 text-left align-top font-normal", className)}
      {...rest}
    />
  );
}

export function Td({ align = "left", className, ...rest }: ComponentProps<"td"> & { align?: Align }) {
  return <td className={cx("border-b border-slate-100 px-2 py-1 align-top", ALIGN[align], className)} {...rest} />;
}

/** A body row with the kit's hover. */
export function Tr({ className, ...rest }: ComponentProps<"tr">) {
  return <tr className={cx("hover:bg-slate-50", className)} {...rest} />;
}

/** The totals row's cell (tfoot). */
export function TotalTd({ align = "left", className, ...rest }: ComponentProps<"td"> & { align?: Align }) {
  return (
    <td
      className={cx("border-t border-slate-300 bg-slate-50 px-2 py-1 font-semibold", ALIGN[align], className)}
      {...rest}
    />
  );
}
