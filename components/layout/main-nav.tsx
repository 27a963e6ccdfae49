"use client";
// The main menu (DAY-7): the bar and «Ещё», drawn from NAV_ITEMS on the client side of the page.
// The server decides which items the user's rights open and in what order (app-header.tsx) and
// sends only their hrefs: the labels, sections and classes of every link are not repeated in each
// page's RSC payload (issue 22: the layout is paid on every request). The HTML is the same as when
// the server drew it.
import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { NAV_GROUPS, NAV_ITEMS, type NavItem } from "./nav-items";
import { MoreMenu } from "./more-menu";

const BY_HREF = new Map(NAV_ITEMS.map((item) => [item.href, item]));

const itemsOf = (hrefs: readonly string[]): NavItem[] =>
  hrefs.map((href) => BY_HREF.get(href)).filter((item): item is NavItem => item !== undefined);

export function MainNav({
  bar,
  more,
  mailBadge,
}: {
  bar: readonly string[];
  more: readonly string[];
  mailBadge: ReactNode;
}) {
  const inMore = itemsOf(more);
  return (
    <nav aria-label="Основное меню" className="order-last flex w-full flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
      {itemsOf(bar).map((item) => (
        <Link key={item.href} href={item.href} className="text-slate-700 hover:text-blue-700">
          {item.label}
          {item.href === "/mail" && mailBadge}
        </Link>
      ))}
      {inMore.length > 0 && (
        <MoreMenu>
          {NAV_GROUPS.map((group) => {
            const inGroup = inMore.filter((item) => item.group === group);
            if (inGroup.length === 0) return null;
            return (
              <div key={group}>
                <p className="text-[11px] uppercase tracking-wide text-slate-500">{group}</p>
                <ul>
                  {inGroup.map((item) => (
                    <li key={item.href}>
                      <Link href={item.href} className="block py-0.5 text-slate-700 hover:text-blue-700">
                        {item.label}
                        {item.href === "/mail" && mailBadge}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </MoreMenu>
      )}
    </nav>
  );
}
