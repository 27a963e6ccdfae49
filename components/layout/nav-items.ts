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
  { href: "/plans", label: "Планы (КТП)", permission: ["plans.viewAll", "plans.viewOwn"] },
  { href: "/plans/fulfilment", label: "Выполнение программ", permission: "plans.viewAll" },
  { href: "/audit", label: "Журнал действий", permission: "audit.view", scope: "all" },
];
