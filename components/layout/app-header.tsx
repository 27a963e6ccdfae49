import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/session";
import { heldPermissions } from "@/lib/access/loaders";
import { ROLE_LABELS } from "@/lib/access/roles";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NAV_GROUPS, NAV_ITEMS, navItemOpen } from "./nav-items";
import { UnreadBadge } from "@/components/messages/unread-badge";

export async function AppHeader({ user }: { user: CurrentUser }) {
  const held = await heldPermissions(user.organisationId, user.id);
  const items = NAV_ITEMS.filter((item) => navItemOpen(item, held));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="font-semibold text-blue-800">
          Электронный журнал
        </Link>
        <nav aria-label="Основное меню" className="order-last flex w-full flex-wrap gap-x-6 gap-y-1 text-sm">
          {NAV_GROUPS.map((group) => {
            const open = items.filter((item) => item.group === group);
            if (open.length === 0) return null;
            return (
              <div key={group} className="flex flex-wrap items-baseline gap-x-3">
                <span className="text-[11px] uppercase tracking-wide text-slate-500">{group}</span>
                {open.map((item) => (
                  <Link key={item.href} href={item.href} className="text-slate-700 hover:text-blue-700">
                    {item.label}
                    {item.href === "/mail" && <UnreadBadge user={user} />}
                  </Link>
                ))}
              </div>
            );
          })}
        </nav>
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
