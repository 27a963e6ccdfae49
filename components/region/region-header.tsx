// The header of the education-authority pages (REG-1): the territory, a menu by the account's
// permissions, the account and sign-out. Server component; the menus are region-menus.tsx's.
// In line with the organisation's header (components/layout/app-header.tsx): on a phone one compact line —
// «Журнал», the account's name, «Выйти» — and the menu is the bottom bar; the header is ONE SoftNav whose
// plain anchors the app's one listener opens on the client (issue 22 item 1).
import { SoftNav } from "@/components/ui/soft-nav";
import type { CurrentAuthority } from "@/lib/auth/session";
import { authorityAllows } from "@/lib/access/authority";
import { AUTHORITY_ROLE_LABELS } from "@/lib/auth/authority/rules";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { RegionMenus } from "./region-menus";
import { REGION_MENU } from "./region-menu-items";

export function RegionHeader({ authority }: { authority: CurrentAuthority }) {
  const hrefs = REGION_MENU.filter((m) => m.permission === null || authorityAllows(authority.role, m.permission)).map(
    (m) => m.href,
  );
  return (
    <SoftNav as="header" className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-nowrap items-center gap-x-3 gap-y-2 px-4 py-2 sm:flex-wrap sm:gap-x-6">
        <a href="/region" className="font-semibold text-blue-800 max-sm:shrink-0">
          <span className="sm:hidden">Журнал</span>
          <span className="hidden sm:inline">Электронный журнал · {authority.territoryName}</span>
        </a>
        <RegionMenus hrefs={hrefs} />
        <div className="ml-auto flex items-center gap-3 text-sm max-sm:min-w-0">
          <span className="text-right leading-tight max-sm:min-w-0">
            <span className="block font-medium max-sm:truncate">{authority.shortName}</span>
            <span className="hidden text-xs text-slate-500 sm:block">{AUTHORITY_ROLE_LABELS[authority.role]}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </SoftNav>
  );
}
