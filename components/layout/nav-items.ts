// The navigation: each item names the permission that opens it, so a role sees only what it
// may open (the pages check the same permission on the server).
import type { Permission } from "@/lib/access/matrix";

/** An item opens through its permission, or through any of several. */
export type NavItem = { href: string; label: string; permission: Permission | readonly Permission[] };

export function navItemOpen(item: NavItem, held: ReadonlySet<string>): boolean {
  return typeof item.permission === "string" ? held.has(item.permission) : item.permission.some((p) => held.has(p));
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Главная", permission: "board.view" },
  { href: "/diary", label: "Дневник", permission: "diary.view" },
  { href: "/reports", label: "Отчёты", permission: ["reports.admin", "reports.class"] },
  { href: "/admin/access", label: "Права доступа", permission: "acl.edit" },
  { href: "/plans", label: "Планы (КТП)", permission: ["plans.viewAll", "plans.viewOwn"] },
  { href: "/plans/fulfilment", label: "Выполнение программ", permission: "plans.viewAll" },
];
