// The education authority's menu (REG-1): each item with the permission that opens it (null: every
// account), read by the server's header (which hrefs the role opens) and the client's menus (labels, icons).
import type { AuthorityPermission } from "@/lib/access/authority";
import type { MenuEntry } from "@/components/layout/nav-items";

export const REGION_MENU: readonly (MenuEntry & { permission: AuthorityPermission | null })[] = [
  { href: "/region", label: "Территория", group: "Организация", permission: "region.view" },
  { href: "/region/reports", label: "Отчёты", group: "Контроль", permission: "region.reports" },
  { href: "/region/users", label: "Пользователи", group: "Люди", permission: "region.staff" },
  { href: "/change-password", label: "Сменить пароль", group: "Организация", permission: null },
];
