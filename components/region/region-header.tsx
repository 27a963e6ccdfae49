// The header of the education-authority pages (REG-1): the territory, a menu by the account's
// permissions, the account and sign-out. Server component.
import Link from "@/components/ui/link";
import type { CurrentAuthority } from "@/lib/auth/session";
import { authorityAllows, type AuthorityPermission } from "@/lib/access/authority";
import { AUTHORITY_ROLE_LABELS } from "@/lib/auth/authority/rules";
import { SignOutButton } from "@/components/auth/sign-out-button";

const MENU: { href: string; label: string; permission: AuthorityPermission }[] = [
  { href: "/region", label: "Территория", permission: "region.view" },
  { href: "/region/reports", label: "Отчёты", permission: "region.reports" },
  { href: "/region/users", label: "Пользователи", permission: "region.staff" },
];

export function RegionHeader({ authority }: { authority: CurrentAuthority }) {
  const items = MENU.filter((m) => authorityAllows(authority.role, m.permission));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/region" className="font-semibold text-blue-800">
          Электронный журнал · {authority.territoryName}
        </Link>
        <nav aria-label="Основное меню" className="order-last flex w-full flex-wrap gap-x-4 gap-y-1 text-sm">
          {items.map((item) => (
            <Link key={item.href} href={item.href} className="text-slate-700 hover:text-blue-700">
              {item.label}
            </Link>
          ))}
          <Link href="/change-password" className="text-slate-700 hover:text-blue-700">
            Сменить пароль
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-right leading-tight">
            <span className="block font-medium">{authority.shortName}</span>
            <span className="block text-xs text-slate-500">{AUTHORITY_ROLE_LABELS[authority.role]}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
