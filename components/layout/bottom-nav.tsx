// DAY-4: on a phone (below Tailwind's `sm`) the main menu is a bar fixed to the bottom of the screen —
// the role's first PHONE_BAR menu items (icon and short label, the current page marked) and «Ещё»,
// which opens upward with the rest. The same menu as the header's (one list of hrefs from the server,
// cut by phoneMenuOf; drawn by main-nav.tsx's MainMenus, the client side of both), under the same name
// «Основное меню»: only one of the two is ever shown, so a test or a screen reader finds one main menu
// at any width. From `sm` up it is hidden. Fixed to the screen, it sits in the header's DOM (after its
// line of menu), so the header's one click handler opens its plain anchors on the client (issue 22 item 1).
// The bar keeps clear of the phone's home indicator (env(safe-area-inset-bottom), with the viewport's
// viewport-fit=cover: app/layout.tsx); the layout leaves the same height free under the page
// (app/(app)/layout.tsx).
import { plural } from "@/lib/org/vocabulary";
import { phoneMenuOf, type MenuEntry } from "./nav-items";
import { MenuGroups, MoreMenu, OPEN_CELL } from "./more-menu";
import { MORE_ICON, NavIcon, iconOf } from "./nav-icons";

const CELL = "flex h-14 flex-col items-center justify-center gap-0.5 px-0.5 text-[11px] leading-tight";
const tone = (active: boolean) => (active ? "font-semibold text-blue-700" : "text-slate-600");

/** The unread count by «Почта» (the header's UnreadBadge is hidden on a phone): on its icon, or after it in «Ещё». */
function PhoneBadge({ count, inList = false }: { count: number; inList?: boolean }) {
  if (count === 0) return null;
  const words = ` ${plural(count, "непрочитанное письмо", "непрочитанных письма", "непрочитанных писем")}`;
  const place = inList ? "ml-1" : "absolute -right-2.5 -top-1.5";
  return (
    <span
      className={`${place} min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white tabular-nums`}
    >
      {count}
      <span className="sr-only">{words}</span>
    </span>
  );
}

/** The visible short label; the rest of the full label stays for screen readers and tests (the link's name). */
function Label({ item }: { item: MenuEntry }) {
  const short = item.short && item.label.startsWith(item.short) ? item.short : item.label;
  return (
    <span className="max-w-full truncate">
      {short}
      {short !== item.label && <span className="sr-only">{item.label.slice(short.length)}</span>}
    </span>
  );
}

/** `items`: the whole menu in menuOrder's order; `current`: the current page's href (aria-current). */
export function BottomNav({
  items,
  current,
  unread,
}: {
  items: readonly MenuEntry[];
  current: string | null;
  unread: number;
}) {
  const phone = phoneMenuOf(items);
  const restActive = phone.more.some((item) => item.href === current);
  return (
    <nav
      aria-label="Основное меню"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] shadow-[0_-2px_6px_rgba(0,0,0,0.06)] sm:hidden"
    >
      <ul className="flex">
        {phone.bar.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href} className="min-w-0 flex-1">
              <a aria-current={active ? "page" : undefined} className={`${CELL} ${tone(active)}`} href={item.href}>
                <span className="relative">
                  <NavIcon path={iconOf(item)} />
                  {item.href === "/mail" && <PhoneBadge count={unread} />}
                </span>
                <Label item={item} />
              </a>
            </li>
          );
        })}
        {phone.more.length > 0 && (
          <li className="min-w-0 flex-1">
            <MoreMenu
              up
              summaryClassName={`${CELL} cursor-pointer list-none [&::-webkit-details-marker]:hidden ${tone(restActive)} ${OPEN_CELL}`}
              summary={
                <>
                  <span className="relative">
                    <NavIcon path={MORE_ICON} />
                    {phone.more.some((item) => item.href === "/mail") && <PhoneBadge count={unread} />}
                  </span>
                  <span>Ещё</span>
                </>
              }
            >
              <MenuGroups
                items={phone.more}
                badge={<PhoneBadge count={unread} inList />}
                current={current}
                linkClassName="block py-1.5 text-slate-700 hover:text-blue-700 aria-[current=page]:font-semibold aria-[current=page]:text-blue-700"
              />
            </MoreMenu>
          </li>
        )}
      </ul>
    </nav>
  );
}
