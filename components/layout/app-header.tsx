// The header of every signed-in page: the menu the user's rights open (DAY-7, drawn by main-nav.tsx
// from the hrefs chosen here), the unread mail count, who is signed in, «Выйти». On a phone (below
// Tailwind's `sm`) it is one compact line — «Журнал», the user's name, «Выйти» — and the menu is the
// bottom bar (bottom-nav.tsx, DAY-4): the header took three lines of menu there (≈ 160 px) and
// pushed the diary's first lesson down.
// Every link of the header is a plain anchor and the header ONE SoftNav (components/ui/soft-nav.tsx), whose
// links the app's one listener opens on the client: the brand, both menus (the phone's bar sits in the header's DOM, fixed to the
// screen's bottom) and the profile — ≈ 28 next/link client components per page before (issue 22 item 1).
import { SoftNav } from "@/components/ui/soft-nav";
import type { CurrentUser } from "@/lib/auth/session";
import { heldPermissions } from "@/lib/access/loaders";
import { rolesLabel } from "@/lib/access/roles";
import { loadUnreadCount } from "@/lib/messages/mail/loaders";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NAV_ITEMS, menuOrder, navItemOpen } from "./nav-items";
import { primaryRole } from "@/components/home/home-title";
import { MainMenus } from "./main-nav";
import { UnreadBadge } from "@/components/messages/unread-badge";

/** The open items' hrefs in the role's order (both menus draw from this one list), and whether «Почта» is one. */
type Menu = { hrefs: string[]; mail: boolean };

// The menu of a held-permissions map and a role, worked out once: the map is kept with the actor's
// facts under their AccessVersion (lib/access/loaders.ts), so a changed right brings a new map and
// a new menu at the next request (issue 22 item 1: the header sorted the menu on every page).
const menus = new WeakMap<object, Map<string, Menu>>();

function menuFor(held: Awaited<ReturnType<typeof heldPermissions>>, role: string | null): Menu {
  const byRole = menus.get(held) ?? new Map<string, Menu>();
  menus.set(held, byRole);
  const known = byRole.get(role ?? "");
  if (known) return known;
  const items = NAV_ITEMS.filter((item) => navItemOpen(item, held));
  const menu = {
    hrefs: menuOrder(items, role).map((item) => item.href),
    mail: items.some((item) => item.href === "/mail"),
  };
  byRole.set(role ?? "", menu);
  return menu;
}

export async function AppHeader({ user }: { user: CurrentUser }) {
  const held = await heldPermissions(user.organisationId, user.id);
  const { hrefs, mail } = menuFor(held, primaryRole(user.roles));
  // The same per-request count the header's UnreadBadge reads (loadUnreadCount is cache()d).
  const unread = mail ? await loadUnreadCount(user) : 0;
  return (
    <SoftNav as="header" className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-nowrap items-center gap-x-3 gap-y-2 px-4 py-2 sm:flex-wrap sm:gap-x-6">
        <a className="font-semibold text-blue-800 max-sm:shrink-0" href="/">
          <span className="sm:hidden">Журнал</span>
          <span className="hidden sm:inline">Электронный журнал</span>
        </a>
        <MainMenus
          menu={hrefs}
          unread={unread}
          mailBadge={mail ? <UnreadBadge user={user} /> : null}
          {...(user.orgKind === "COLLEGE" ? { college: true } : {})}
        />
        <div className="ml-auto flex items-center gap-3 text-sm max-sm:min-w-0">
          <span className="text-right leading-tight max-sm:min-w-0">
            <a className="block font-medium hover:text-blue-700 max-sm:truncate" title="Профиль" href="/profile">
              {user.shortName}
            </a>
            <span className="hidden text-xs text-slate-500 sm:block">
              {user.orgName} · {rolesLabel(user.roles, user.orgKind)}
            </span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </SoftNav>
  );
}
