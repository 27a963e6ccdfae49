// The header of every signed-in page: the menu the user's rights open (DAY-7, drawn by main-nav.tsx
// from the hrefs chosen here), the unread mail count, who is signed in, «Выйти».
import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/session";
import { heldPermissions } from "@/lib/access/loaders";
import { ROLE_LABELS } from "@/lib/access/roles";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NAV_ITEMS, menuOf, navItemOpen } from "./nav-items";
import { primaryRole } from "@/components/home/home-title";
import { MainNav } from "./main-nav";
import { UnreadBadge } from "@/components/messages/unread-badge";

export async function AppHeader({ user }: { user: CurrentUser }) {
  const held = await heldPermissions(user.organisationId, user.id);
  const items = NAV_ITEMS.filter((item) => navItemOpen(item, held));
  const { bar, more } = menuOf(items, primaryRole(user.roles));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="font-semibold text-blue-800">
          Электронный журнал
        </Link>
        <MainNav
          bar={bar.map((item) => item.href)}
          more={more.map((item) => item.href)}
          mailBadge={items.some((item) => item.href === "/mail") ? <UnreadBadge user={user} /> : null}
        />
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-right leading-tight">
            <Link href="/profile" className="block font-medium hover:text-blue-700" title="Профиль">
              {user.shortName}
            </Link>
            <span className="block text-xs text-slate-500">
              {user.orgName} · {user.roles.map((r) => ROLE_LABELS[r]).join(", ")}
            </span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
