// The navigation: each item names the permission that opens it, so a role sees only what it
// may open (the pages check the same permission on the server).
import type { Permission } from "@/lib/access/matrix";

export type NavItem = { href: string; label: string; permission: Permission };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Главная", permission: "board.view" },
  { href: "/admin/access", label: "Права доступа", permission: "acl.edit" },
  { href: "/people", label: "Ученики", permission: "people.brief" },
  { href: "/people/staff", label: "Сотрудники", permission: "staff.manage" },
  { href: "/people/movement", label: "Движение", permission: "movement.view" },
  { href: "/people/import", label: "Импорт", permission: "movement.edit" },
  { href: "/admin/visits", label: "Посещения", permission: "audit.view" },
];
