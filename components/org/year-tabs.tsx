// The year selector of the journal, finals, reports, archive and diary pages (REC-3, ARC-2): one
// link per academic year; a closed year opens read-only. Plain links, so it works without JavaScript.
import Link from "next/link";
import { yearLabel } from "@/lib/org/year/rules";

export type YearTab = { id: number; name: string; status: string; isCurrent: boolean; href: string };

const tab = (on: boolean) =>
  `rounded px-2 py-0.5 ${on ? "bg-slate-800 text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`;

/** `allHref`: a first tab «все годы» (selected when `selectedId` is null). */
export function YearTabs({
  years,
  selectedId,
  allHref,
}: {
  years: YearTab[];
  selectedId: number | null;
  allHref?: string;
}) {
  if (years.length < 2) return null;
  return (
    <nav aria-label="Учебный год" className="flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-xs text-slate-500">Учебный год:</span>
      {allHref && (
        <Link
          href={allHref}
          aria-current={selectedId === null ? "page" : undefined}
          className={tab(selectedId === null)}
        >
          все годы
        </Link>
      )}
      {years.map((y) => (
        <Link
          key={y.id}
          href={y.href}
          aria-current={y.id === selectedId ? "page" : undefined}
          className={tab(y.id === selectedId)}
        >
          {yearLabel(y)}
        </Link>
      ))}
    </nav>
  );
}

/** The badge a page shows above a closed year's data. */
export function ClosedYearNote({ what }: { what: string }) {
  return (
    <p
      role="status"
      data-testid="closed-year"
      className="rounded border border-slate-300 bg-slate-50 px-3 py-1 text-sm text-slate-700"
    >
      Учебный год закрыт: {what} только для просмотра.
    </p>
  );
}
