// The navigation: each item names the permission that opens it, so a role sees only what it
// may open (the pages check the same permission on the server).
import type { Permission } from "@/lib/access/matrix";

export type NavItem = { href: string; label: string; permission: Permission };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Главная", permission: "board.view" },
  { href: "/mail", label: "Почта", permission: "mail.use" },
  { href: "/board", label: "Объявления", permission: "board.view" },
  { href: "/forum", label: "Форум", permission: "forum.use" },
  { href: "/admin/access", label: "Права доступа", permission: "acl.edit" },
];
