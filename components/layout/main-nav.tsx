"use client";
// The main menu (DAY-7) and the phone's bottom bar (DAY-4), drawn from NAV_ITEMS on the client side of
// the page. The server decides which items the user's rights open and in what order (app-header.tsx)
// and sends only their hrefs, ONE list for both menus: the labels, sections and classes of every link
// are not repeated in each page's RSC payload, and the bar's hrefs are not sent twice (issue 22 item 1:
// the layout is paid on every request). From Tailwind's `sm` up the menu is a line of the header: the
// first MENU_BAR items and «Ещё»; on a phone it is the bottom bar (bottom-nav.tsx) and this line is hidden.
// The links are plain anchors: the header around them is a SoftNav, whose links the app's one listener opens
// on the client — no next/link per link (≈ 0.9 ms per page, round 16's profile).
import type { ReactNode } from "react";
import { usePathname } from "next/navigation";
import { NAV_ITEMS, currentHref, navItemFor, splitMenu, type NavItem } from "./nav-items";
import { MenuGroups, MoreMenu } from "./more-menu";
import { BottomNav } from "./bottom-nav";

const BY_HREF = new Map(NAV_ITEMS.map((item) => [item.href, item]));

const itemsOf = (hrefs: readonly string[], college: boolean): NavItem[] =>
  hrefs
    .map((href) => BY_HREF.get(href))
    .filter((item): item is NavItem => item !== undefined)
    .map((item) => navItemFor(item, college));

/**
 * Both menus of one list of hrefs in menuOrder's order (the header's bar is its first MENU_BAR). `mailBadge` is
 * the header's unread count by «Почта» (the server's UnreadBadge), `unread` the same count for the phone's.
 */
export function MainMenus({
  menu,
  unread,
  mailBadge,
  college = false,
}: {
  menu: readonly string[];
  unread: number;
  mailBadge: ReactNode;
  /** DAY-6: a college's labels (sent only for a college: a school's payload is unchanged). */
  college?: boolean;
}) {
  const items = itemsOf(menu, college);
  const current = currentHref(usePathname(), menu);
  const { bar, more } = splitMenu(items);
  return (
    <>
      <nav
        aria-label="Основное меню"
        className="order-last hidden w-full flex-wrap items-baseline gap-x-4 gap-y-1 text-sm sm:flex"
      >
        {bar.map((item) => (
          <a key={item.href} className="text-slate-700 hover:text-blue-700" href={item.href}>
            {item.label}
            {item.href === "/mail" && mailBadge}
          </a>
        ))}
        {more.length > 0 && (
          <MoreMenu>
            <MenuGroups
              items={more}
              badge={mailBadge}
              linkClassName="block py-0.5 text-slate-700 hover:text-blue-700"
            />
          </MoreMenu>
        )}
      </nav>
      <BottomNav items={items} current={current} unread={unread} />
    </>
  );
}
