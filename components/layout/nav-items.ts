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
  { href: "/org", label: "Организация", permission: "org.view" },
  { href: "/org/periods", label: "Учебный год", permission: "periods.edit" },
  { href: "/org/classes", label: "Классы", permission: "classes.view" },
  { href: "/org/subjects", label: "Предметы", permission: "classes.view" },
  { href: "/org/curriculum", label: "Учебный план", permission: "curriculum.view" },
  { href: "/org/load", label: "Тарификация", permission: "curriculum.view" },
  { href: "/org/dictionaries", label: "Справочники", permission: "dict.edit" },
  { href: "/admin/year", label: "Новый учебный год", permission: "year.transition" },
];
