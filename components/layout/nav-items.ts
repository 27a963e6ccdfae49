// The navigation: each item names the permission that opens it, so a role sees only what it
// may open (the pages check the same permission on the server).
import type { Permission } from "@/lib/access/matrix";

/** `permission`: the item shows for a holder of it (or of any one of a list). */
export type NavItem = { href: string; label: string; permission: Permission | readonly Permission[] };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Главная", permission: "board.view" },
  { href: "/admin/access", label: "Права доступа", permission: "acl.edit" },
  { href: "/schedule", label: "Расписание", permission: ["schedule.viewAll", "schedule.viewOwn"] },
];
