"use client";
// The education authority's menus (REG-1), in line with the organisation's (main-nav.tsx, DAY-4 and DAY-7):
// from Tailwind's `sm` up a line of the header; on a phone that line is hidden and the same items are the
// bar fixed to the screen's bottom (bottom-nav.tsx — icon and short label, the current page marked; the
// authority's at most four items need no «Ещё»). Before round 20 the region's header wrapped its whole
// menu, the territory's name, the account and «Выйти» into three lines at 390 px and had no bar. The
// server sends only the hrefs the account's role opens; the links are plain anchors inside the header's
// SoftNav (the app's one soft navigation, issue 22 item 1).
import { usePathname } from "next/navigation";
import { BottomNav } from "@/components/layout/bottom-nav";
import { currentHref } from "@/components/layout/nav-items";
import { REGION_MENU } from "./region-menu-items";

/** `hrefs`: the items the account's role opens (the header decides on the server). */
export function RegionMenus({ hrefs }: { hrefs: readonly string[] }) {
  const items = REGION_MENU.filter((item) => hrefs.includes(item.href));
  const current = currentHref(usePathname(), hrefs);
  return (
    <>
      <nav aria-label="Основное меню" className="order-last hidden w-full flex-wrap gap-x-4 gap-y-1 text-sm sm:flex">
        {items.map((item) => (
          <a key={item.href} className="text-slate-700 hover:text-blue-700" href={item.href}>
            {item.label}
          </a>
        ))}
      </nav>
      <BottomNav items={items} current={current} unread={0} />
    </>
  );
}
