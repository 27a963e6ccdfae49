// The year selector of the journal, finals, reports, archive and diary pages (REC-3, ARC-2): one
// link per academic year; a closed year opens read-only. Plain links, so it works without JavaScript.
import { yearLabel } from "@/lib/org/year/rules";
import { LinkTabs, type LinkTab } from "@/components/ui/link-tabs";

export type YearTab = { id: number; name: string; status: string; isCurrent: boolean; href: string };

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
  const all: LinkTab[] = allHref
    ? [{ key: "all", href: allHref, label: "все годы", current: selectedId === null }]
    : [];
  return (
    <LinkTabs
      label="Учебный год"
      lead="Учебный год:"
      tabs={[
        ...all,
        ...years.map((y) => ({ key: y.id, href: y.href, label: yearLabel(y), current: y.id === selectedId })),
      ]}
    />
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
