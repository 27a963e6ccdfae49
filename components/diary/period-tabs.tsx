// The diary tabs' period choice (marks, assessment schedule): one link per period of the year,
// `?period=` on the tab's own address.
import { LinkTabs } from "@/components/ui/link-tabs";

export function PeriodTabs({
  base,
  periods,
  currentId,
}: {
  /** The tab's address, e.g. `/diary/12/marks`. */
  base: string;
  periods: readonly { id: number; name: string }[];
  currentId: number | null;
}) {
  if (periods.length === 0) return null;
  return (
    <LinkTabs
      label="Периоды"
      tabs={periods.map((p) => ({
        key: p.id,
        href: `${base}?period=${p.id}`,
        label: p.name,
        current: p.id === currentId,
      }))}
    />
  );
}
