// Pill links that switch what a page shows (a school year, a period): plain links, so they work
// without JavaScript; the shown one is marked aria-current="page". Server-safe.
import Link from "./link";
import type { ReactNode } from "react";

export type LinkTab = { key: string | number; href: string; label: ReactNode; current: boolean };

export function LinkTabs({ label, lead, tabs }: { label: string; lead?: ReactNode; tabs: readonly LinkTab[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-1 text-sm">
      {lead && <span className="mr-1 text-xs text-slate-500">{lead}</span>}
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.current ? "page" : undefined}
          className={`rounded px-2 py-0.5 ${t.current ? "bg-slate-800 text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
