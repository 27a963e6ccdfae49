// The navigation: each item names the permission that opens it, so a role sees only what it
// may open (the pages check the same permission on the server).
import type { Permission, Scope } from "@/lib/access/matrix";

/** An item opens through its permission, or through any of several; `scope` demands that scope (or one of several). */
export type NavItem = {
  href: string;
  label: string;
  permission: Permission | readonly Permission[];
  scope?: Scope | readonly Scope[];
  group: NavGroup;
  /** DAY-4: the phone bar's label when `label` is too long for a fifth of a phone's width; a prefix of `label`. */
  short?: string;
};

/**
 * What the menus draw of an item (its label, phone label, section and icon): the organisation's items
 * (NavItem) and the education authority's (components/region/region-menus.tsx) alike.
 */
export type MenuEntry = Pick<NavItem, "href" | "label" | "short" | "group">;

/** Menu sections in display order; a section shows only when one of its items is open. */
export const NAV_GROUPS = ["Учёба", "Общение", "Люди", "Организация", "Контроль"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export function navItemOpen(item: NavItem, held: ReadonlyMap<string, readonly Scope[]>): boolean {
  const permissions = typeof item.permission === "string" ? [item.permission] : item.permission;
  return permissions.some((p) => {
    const scopes = held.get(p);
    const wanted = item.scope === undefined ? null : typeof item.scope === "string" ? [item.scope] : item.scope;
    return scopes !== undefined && (wanted === null || wanted.some((w) => scopes.includes(w)));
  });
}

/**
 * DAY-6 (issue 22 round 24): the menu items a college names its own way — «Студенты», «Группы»,
 * «Дисциплины» where a school reads «Ученики», «Классы», «Предметы». Literal words, not
 * lib/org/vocabulary.ts: the menus are a client component on every page, and a unit test pins these equal
 * to the vocabulary's (tests/unit/vocabulary-round24).
 */
export const COLLEGE_NAV_LABELS: Readonly<Record<string, string>> = {
  "/people": "Студенты",
  "/org/classes": "Группы",
  "/org/subjects": "Дисциплины",
};

/** An item as the organisation reads it (a college's label from COLLEGE_NAV_LABELS). */
export function navItemFor(item: NavItem, college: boolean): NavItem {
  const label = college ? COLLEGE_NAV_LABELS[item.href] : undefined;
  return label ? { ...item, label } : item;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Главная", permission: "board.view", group: "Учёба" },
  // Teachers and class teachers hold journal.viewOwn, the administration journal.viewAll.
  { href: "/journal", label: "Журнал", permission: ["journal.viewOwn", "journal.viewAll"], group: "Учёба" },
  {
    href: "/journal/attendance",
    label: "Причины пропусков",
    permission: "attendance.reason",
    group: "Учёба",
    short: "Причины",
  },
  { href: "/journal/hospital", label: "Отметки из больницы", permission: "journal.hospital", group: "Учёба" },
  { href: "/journal/absences", label: "Отсутствия", permission: "absence.record", group: "Учёба" },
  { href: "/risk", label: "Группа риска", permission: "risk.notify", group: "Учёба" },
  {
    href: "/journal/unlock",
    label: "Открытие дат",
    permission: "journal.unlock",
    group: "Контроль",
    short: "Открытие",
  },
  {
    href: "/journal/closing",
    label: "Закрытие периодов",
    permission: "period.close",
    group: "Контроль",
    short: "Закрытие",
  },
  { href: "/diary", label: "Дневник", permission: "diary.view", group: "Учёба" },
  { href: "/diary/absences", label: "Сообщить об отсутствии", permission: "absence.notify", group: "Учёба" },
  {
    href: "/finals",
    label: "Итоговые отметки",
    permission: ["finals.viewOwn", "finals.viewAll", "finals.editOwn", "finals.editAll"],
    group: "Учёба",
    short: "Итоговые",
  },
  { href: "/schedule", label: "Расписание", permission: ["schedule.viewAll", "schedule.viewOwn"], group: "Учёба" },
  { href: "/reports", label: "Отчёты", permission: ["reports.admin", "reports.class"], group: "Контроль" },
  { href: "/mail", label: "Почта", permission: "mail.use", group: "Общение" },
  { href: "/board", label: "Объявления", permission: "board.view", group: "Общение" },
  { href: "/forum", label: "Форум", permission: "forum.use", group: "Общение" },
  { href: "/admin/access", label: "Права доступа", permission: "acl.edit", group: "Организация", short: "Права" },
  { href: "/admin/webhooks", label: "Вебхуки", permission: "webhooks.manage", group: "Организация" },
  { href: "/people", label: "Ученики", permission: "people.brief", group: "Люди" },
  { href: "/people/staff", label: "Сотрудники", permission: "staff.manage", group: "Люди" },
  { href: "/people/movement", label: "Движение", permission: "movement.view", group: "Люди" },
  { href: "/people/import", label: "Импорт", permission: "movement.edit", group: "Люди" },
  { href: "/admin/visits", label: "Посещения", permission: "audit.view", group: "Контроль" },
  { href: "/control/external", label: "Внешние оценки", permission: "results.import", group: "Контроль" },
  { href: "/org", label: "Организация", permission: "org.view", group: "Организация" },
  { href: "/org/periods", label: "Учебный год", permission: "periods.edit", group: "Организация" },
  { href: "/org/departments", label: "Отделения", permission: "org.edit", group: "Организация" },
  { href: "/org/classes", label: "Классы", permission: "classes.view", group: "Организация" },
  { href: "/org/subjects", label: "Предметы", permission: "classes.view", group: "Организация" },
  { href: "/org/curriculum", label: "Учебный план", permission: "curriculum.view", group: "Организация" },
  { href: "/org/load", label: "Тарификация", permission: "curriculum.view", group: "Организация" },
  { href: "/org/dictionaries", label: "Справочники", permission: "dict.edit", group: "Организация" },
  { href: "/org/decisions", label: "Решения педсовета", permission: "decisions.edit", group: "Организация" },
  { href: "/admin/year", label: "Новый учебный год", permission: "year.transition", group: "Организация" },
  {
    href: "/plans",
    label: "Планы (КТП)",
    permission: ["plans.viewAll", "plans.viewOwn"],
    group: "Учёба",
    short: "Планы",
  },
  {
    href: "/plans/programmes",
    label: "Рабочие программы",
    permission: ["programmes.edit", "programmes.approve"],
    group: "Учёба",
  },
  { href: "/plans/fulfilment", label: "Выполнение программ", permission: "plans.viewAll", group: "Контроль" },
  // PRG-4: staff's page; families (scope «self») see the published schedule in the diary's tab.
  {
    href: "/plans/assessments",
    label: "График оценочных процедур",
    permission: "assessments.view",
    scope: ["all", "dept"],
    group: "Учёба",
  },
  // PRG-2: clubs — those who keep them, and a teacher leading one (scope «leader»).
  { href: "/clubs", label: "Объединения", permission: ["clubs.manage", "clubs.journal"], group: "Учёба" },
  // PRG-3: the director's decision on the submitted timetable (the scheduler reaches it by the schedule's tabs).
  { href: "/schedule/approval", label: "Утверждение расписания", permission: "timetable.approve", group: "Контроль" },
  // LRN-1…LRN-5. Families reach the documents visible to them through the footer (docs.view is staff's).
  { href: "/handins", label: "Сдача работ", permission: "homework.review", group: "Учёба" },
  { href: "/materials", label: "Учебные материалы", permission: "materials.view", group: "Учёба" },
  { href: "/portfolio", label: "Портфолио", permission: ["portfolio.view", "portfolio.edit"], group: "Учёба" },
  { href: "/documents", label: "Документы", permission: ["docs.view", "docs.edit"], group: "Организация" },
  { href: "/resources", label: "Ресурсы", permission: "resources.view", group: "Организация" },
  { href: "/control", label: "Контроль журнала", permission: "control.view", group: "Контроль", short: "Контроль" },
  { href: "/control/remarks", label: "Замечания", permission: ["remarks.write", "control.view"], group: "Контроль" },
  {
    href: "/control/checks",
    label: "Проверки журнала",
    permission: ["control.check", "control.view"],
    group: "Контроль",
  },
  { href: "/control/activity", label: "Активность", permission: "control.view", scope: "all", group: "Контроль" },
  { href: "/archive", label: "Архив", permission: "archive.manage", group: "Контроль" },
  { href: "/audit", label: "Журнал действий", permission: "audit.view", scope: "all", group: "Контроль" },
];

/**
 * DAY-7: each role's usual work first — the menu bar shows the first MENU_BAR of a user's open
 * items in this order, the rest go under «Ещё» (grouped by section). Hrefs not listed follow in
 * NAV_ITEMS order.
 */
export const MENU_BAR = 8;

export const ROLE_FIRST: Readonly<Record<string, readonly string[]>> = {
  ADMIN: ["/", "/people/staff", "/admin/access", "/org", "/journal/unlock", "/control", "/audit", "/admin/visits"],
  DIRECTOR: ["/", "/control", "/reports", "/journal", "/finals", "/people", "/mail", "/board"],
  DEPUTY: ["/", "/control", "/journal", "/journal/closing", "/reports", "/plans", "/schedule", "/mail"],
  HEAD_OF_DEPT: ["/", "/control", "/journal", "/schedule", "/reports", "/plans", "/finals", "/mail"],
  SCHEDULER: ["/", "/schedule", "/org/classes", "/org/load", "/org/curriculum", "/mail", "/board"],
  SECRETARY: ["/", "/people", "/people/movement", "/people/import", "/people/staff", "/reports", "/archive", "/mail"],
  TEACHER: ["/", "/journal", "/schedule", "/plans", "/finals", "/journal/attendance", "/control/remarks", "/mail"],
  MEDIC: ["/", "/people", "/mail", "/board", "/forum"],
  PSYCHOLOGIST: ["/", "/people", "/mail", "/board", "/forum"],
  STAFF: ["/", "/mail", "/board", "/forum"],
  PARENT: ["/", "/diary", "/schedule", "/mail", "/board", "/forum"],
  STUDENT: ["/", "/diary", "/schedule", "/mail", "/board", "/forum"],
};

/**
 * The open items in the role's order: its usual work first (ROLE_FIRST), the rest in NAV_ITEMS order —
 * the ONE list the header sends for both menus (issue 22 item 1); splitMenu and phoneMenuOf cut it.
 */
export function menuOrder(open: readonly NavItem[], role: string | null): NavItem[] {
  const first = (role && ROLE_FIRST[role]) || [];
  const rank = (i: NavItem) => {
    const at = first.indexOf(i.href);
    return at === -1 ? first.length + NAV_ITEMS.indexOf(i) : at;
  };
  return [...open].sort((a, b) => rank(a) - rank(b));
}

/** A menu in menuOrder's order split into the header's bar (its first MENU_BAR) and «Ещё». */
export function splitMenu<T>(ordered: readonly T[]): { bar: T[]; more: T[] } {
  return { bar: ordered.slice(0, MENU_BAR), more: ordered.slice(MENU_BAR) };
}

/** DAY-4: on a phone the menu is a bottom bar of this many items and «Ещё». */
export const PHONE_BAR = 4;

/**
 * DAY-4: the phone's bottom bar — the first PHONE_BAR items of the role's own menu (in menuOrder's
 * order: the header's bar, then its «Ещё»); «Ещё» holds the rest in the same order.
 */
export function phoneMenuOf<T>(ordered: readonly T[]): { bar: T[]; more: T[] } {
  return { bar: ordered.slice(0, PHONE_BAR), more: ordered.slice(PHONE_BAR) };
}

/**
 * The menu item of the page at `pathname` (marked with aria-current): the longest href that is the
 * path or a folder above it, «/» only on the home page itself; null when none is.
 */
export function currentHref(pathname: string, hrefs: readonly string[]): string | null {
  let found: string | null = null;
  for (const href of hrefs) {
    const hit = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (hit && (found === null || href.length > found.length)) found = href;
  }
  return found;
}
