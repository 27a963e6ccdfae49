// The navigation: each item names the permission that opens it, so a role sees only what it
// may open (the pages check the same permission on the server).
import type { Permission, Scope } from "@/lib/access/matrix";

/** An item opens through its permission, or through any of several; `scope` demands that scope. */
export type NavItem = { href: string; label: string; permission: Permission | readonly Permission[]; scope?: Scope };

export function navItemOpen(item: NavItem, held: ReadonlyMap<string, readonly Scope[]>): boolean {
  const permissions = typeof item.permission === "string" ? [item.permission] : item.permission;
  return permissions.some((p) => {
    const scopes = held.get(p);
    return scopes !== undefined && (item.scope === undefined || scopes.includes(item.scope));
  });
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Главная", permission: "board.view" },
  // Teachers and class teachers hold journal.viewOwn, the administration journal.viewAll.
  { href: "/journal", label: "Журнал", permission: ["journal.viewOwn", "journal.viewAll"] },
  { href: "/journal/attendance", label: "Причины пропусков", permission: "attendance.reason" },
  { href: "/journal/unlock", label: "Открытие дат", permission: "journal.unlock" },
  { href: "/diary", label: "Дневник", permission: "diary.view" },
  { href: "/schedule", label: "Расписание", permission: ["schedule.viewAll", "schedule.viewOwn"] },
  { href: "/reports", label: "Отчёты", permission: ["reports.admin", "reports.class"] },
  { href: "/mail", label: "Почта", permission: "mail.use" },
  { href: "/board", label: "Объявления", permission: "board.view" },
  { href: "/forum", label: "Форум", permission: "forum.use" },
  { href: "/admin/access", label: "Права доступа", permission: "acl.edit" },
  { href: "/plans", label: "Планы (КТП)", permission: ["plans.viewAll", "plans.viewOwn"] },
  { href: "/plans/fulfilment", label: "Выполнение программ", permission: "plans.viewAll" },
  { href: "/audit", label: "Журнал действий", permission: "audit.view", scope: "all" },
];
