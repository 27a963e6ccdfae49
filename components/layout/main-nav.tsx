"use client";
// The main menu (DAY-7): the bar and «Ещё», drawn from NAV_ITEMS on the client side of the page.
// The server decides which items the user's rights open and in what order (app-header.tsx) and
// sends only their hrefs: the labels, sections and classes of every link are not repeated in each
// page's RSC payload (issue 22: the layout is paid on every request). The HTML is the same as when
// the server drew it. From Tailwind's `sm` up it is a line of the header; on a phone the same menu
// is the bottom bar (bottom-nav.tsx, DAY-4) and this one is hidden.
import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { NAV_GROUPS, NAV_ITEMS, type NavItem } from "./nav-items";
import { MoreMenu } from "./more-menu";

const BY_HREF = new Map(NAV_ITEMS.map((item) => [item.href, item]));

export const itemsOf = (hrefs: readonly string[]): NavItem[] =>
  hrefs.map((href) => BY_HREF.get(href)).filter((item): item is NavItem => item !== undefined);

/** «Ещё»'s list: the items by menu section, each section under its name. */
export function MenuGroups({
  items,
  badge,
  current = null,
  linkClassName,
}: {
  items: readonly NavItem[];
  /** What follows «Почта» (the unread count). */
  badge: ReactNode;
  /** The current page's item: marked aria-current. */
  current?: string | null;
  linkClassName: string;
}) {
  return NAV_GROUPS.map((group) => {
    const inGroup = items.filter((item) => item.group === group);
    if (inGroup.length === 0) return null;
    return (
      <div key={group}>
        <p className="text-[11px] uppercase tracking-wide text-slate-500">{group}</p>
        <ul>
          {inGroup.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className={linkClassName}
                aria-current={item.href === current ? "page" : undefined}
              >
                {item.label}
                {item.href === "/mail" && badge}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  });
}

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
    <nav
      aria-label="Основное меню"
      className="order-last hidden w-full flex-wrap items-baseline gap-x-4 gap-y-1 text-sm sm:flex"
    >
      {itemsOf(bar).map((item) => (
        <Link key={item.href} href={item.href} className="text-slate-700 hover:text-blue-700">
          {item.label}
          {item.href === "/mail" && mailBadge}
        </Link>
      ))}
      {inMore.length > 0 && (
        <MoreMenu>
          <MenuGroups
            items={inMore}
            badge={mailBadge}
            linkClassName="block py-0.5 text-slate-700 hover:text-blue-700"
          />
        </MoreMenu>
      )}
    </nav>
  );
}
