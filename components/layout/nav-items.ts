// The navigation: each item names the permission that opens it, so a role sees only what it
// may open (the pages check the same permission on the server).
import type { Permission } from "@/lib/access/matrix";

export type NavItem = { href: string; label: string; permission: Permission };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Главная", permission: "board.view" },
  { href: "/admin/access", label: "Права доступа", permission: "acl.edit" },
  { href: "/plans", label: "Планы (КТП)", permission: "plans.viewAll" },
  { href: "/plans", label: "Планы (КТП)", permission: "plans.viewOwn" },
  { href: "/plans/fulfilment", label: "Выполнение программ", permission: "plans.viewAll" },
];
