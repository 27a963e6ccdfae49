import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/session";
import { heldPermissions } from "@/lib/access/loaders";
import { ROLE_LABELS } from "@/lib/access/roles";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NAV_GROUPS, NAV_ITEMS, menuOf, navItemOpen } from "./nav-items";
import { primaryRole } from "@/components/home/home-title";
import { MoreMenu } from "./more-menu";
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
        <nav
          aria-label="Основное меню"
          className="order-last flex w-full flex-wrap items-baseline gap-x-4 gap-y-1 text-sm"
        >
          {bar.map((item) => (
            <Link key={item.href} href={item.href} className="text-slate-700 hover:text-blue-700">
              {item.label}
              {item.href === "/mail" && <UnreadBadge user={user} />}
            </Link>
          ))}
          {more.length > 0 && (
            <MoreMenu>
              {NAV_GROUPS.map((group) => {
                const inGroup = more.filter((item) => item.group === group);
                if (inGroup.length === 0) return null;
                return (
                  <div key={group}>
                    <p className="text-[11px] uppercase tracking-wide text-slate-500">{group}</p>
                    <ul>
                      {inGroup.map((item) => (
                        <li key={item.href}>
                          <Link href={item.href} className="block py-0.5 text-slate-700 hover:text-blue-700">
                            {item.label}
                            {item.href === "/mail" && <UnreadBadge user={user} />}
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
