// The default access matrix (ACL-2) as data: seed 003, Приложение № 1, as reconstructed in
// shared/ACCESS_MATRIX.md. Every cell is a default an ADMIN may change per organisation
// (RolePermission rows); a missing cell is a denial (ACL-1).
//
// Scopes (ACL-3): "all" — every class of the organisation; "dept" — HEAD_OF_DEPT's «x», limited
// to the groups of their department; "own" — the class+subject(+subgroup) pairs one teaches by
// load or substitution; "class" — the class one is class teacher of; "self" — oneself or
// one's own children; "leader" — the clubs (extracurricular groups, PRG-2) one leads.

import { MATRIX_COLUMNS, type MatrixColumn } from "./roles";

export const SCOPES = ["all", "dept", "own", "class", "self", "leader"] as const;
export type Scope = (typeof SCOPES)[number];

type Defaults = Partial<Record<MatrixColumn, Scope>>;

export type MatrixRow = {
  key: string;
  label: string;
  defaults: Defaults;
};

/** A cell's letter → its scope; "." is no right. */
const CELL_SCOPES: Record<string, Scope | null> = {
  a: "all",
  d: "dept",
  o: "own",
  c: "class",
  s: "self",
  l: "leader",
  ".": null,
};

/**
 * One matrix row from its cells, one letter per column of MATRIX_COLUMNS in their order
 * (AD DR DP HD SC SE TE CT ST PA ME PS SF, as the columns of ACCESS_MATRIX.md), space-separated.
 */
export function row<K extends string>(
  cells: string,
  key: K,
  label: string,
): { key: K; label: string; defaults: Defaults } {
  const letters = cells.split(" ");
  if (letters.length !== MATRIX_COLUMNS.length) {
    throw new Error(`Matrix row ${key}: ${letters.length} cells for ${MATRIX_COLUMNS.length} columns`);
  }
  const defaults: Defaults = {};
  letters.forEach((letter, i) => {
    if (!(letter in CELL_SCOPES)) throw new Error(`Matrix row ${key}: unknown cell «${letter}»`);
    const scope = CELL_SCOPES[letter];
    if (scope) defaults[MATRIX_COLUMNS[i]] = scope;
  });
  return { key, label, defaults };
}

// Cells by column: AD DR DP HD SC SE TE CT ST PA ME PS SF.
export const MATRIX = [
  row("a . . . . . . . . . . . .", "org.edit", "Изменять сведения о школе"),
  row("a a a d . a . . . . a . .", "org.view", "Просматривать сведения о школе"),
  row(
    "a . . . . . . . . . . . .",
    "org.settings",
    "Изменять региональные настройки и настройки школы (отметки, способ усреднения, веса)",
  ),
  row("a . a . . a . . . . . . .", "dict.edit", "Редактировать справочники (типы заданий, кабинеты, причины)"),
  row("a . . . . a . . . . . . .", "staff.manage", "Вести список сотрудников (полная карточка)"),
  row("a a a d a a a a a a a a a", "staff.brief", "Просматривать краткие сведения о сотрудниках"),
  row("a a a d . a . c . . . . .", "people.manage", "Вести списки учеников и родителей (полная карточка)"),
  row("a . . . . . . . . . a . .", "people.medical", "Редактировать мед. данные учеников"),
  row(
    "a . . . . . . . . . . a .",
    "people.psych",
    "Редактировать психолого-пед. карточку, девиантное поведение, соц. положение",
  ),
  row("a a a d a a o c . . a a .", "people.brief", "Просматривать краткие сведения об учениках и родителях"),
  row("a . . . . . . . . . . . .", "users.delete", "Удалить пользователей из системы"),
  row("a . . . . . . . . . . . .", "users.issueStaff", "Выдавать реквизиты доступа сотрудникам"),
  row("a . . . . . . c . . . . .", "users.issueFamily", "Выдавать реквизиты доступа ученикам и родителям"),
  row("a . . . . . . . . . . . .", "acl.edit", "Изменять права доступа ролей"),
  row("a . . . . . . . . . . . .", "year.transition", "Осуществлять переход на новый учебный год, закрытие года"),
  row("a . a d . . . . . . . . .", "curriculum.edit", "Составлять учебный план, тарификацию"),
  row("a a a d a a a a . . . . .", "curriculum.view", "Просматривать учебный план"),
  row("a . a . . . . . . . . . .", "periods.edit", "Редактировать границы и типы учебных периодов"),
  row("a . . d . a . . . . . . .", "movement.edit", "Редактировать книгу движения учащихся"),
  row("a a a d . a . c . . . . .", "movement.view", "Просматривать книгу движения учащихся"),
  row("a a a d a a a a . . a a a", "docs.view", "Просматривать хранилище школьных документов"),
  row("a . a . . a . . . . . . .", "docs.edit", "Редактировать хранилище школьных документов"),
  row("a a a d a a a a . . . . .", "classes.view", "Просматривать классы, предметы, подгруппы"),
  row("a . a d a a . . . . . . .", "classes.edit", "Создавать классы, редактировать предметы и подгруппы в классах"),
  row("a . a d a . . . . . . . .", "subgroups.all", "Набирать учеников в подгруппы во всех классах"),
  row(". . . . . . o c . . . . .", "subgroups.own", "Набирать учеников в подгруппы в своём классе/предмете"),
  row("a a a d . . . . . . . . .", "plans.viewAll", "Просматривать планы уроков по всем предметам"),
  row(". . . . . . o c . . . . .", "plans.viewOwn", "Просматривать планы уроков по своему предмету"),
  row("a . a . . . . . . . . . .", "plans.editAll", "Создавать планы уроков по всем предметам"),
  row(". . . . . . o . . . . . .", "plans.editOwn", "Создавать планы уроков по своему предмету"),
  row(". a a d . . . . . . . . .", "plans.approve", "Утверждать календарно-тематические планы"),
  row("a a a d a a a a . . . . .", "schedule.viewAll", "Просматривать расписание для всех классов"),
  row("a . a d a . . . . . . . .", "schedule.edit", "Составлять расписание и определять список кабинетов"),
  row(". . . . . . o c s s . . .", "schedule.viewOwn", "Просматривать расписание для своего класса или предмета"),
  row("a a a . a . . . . . . . .", "events.school", "Определять школьные мероприятия"),
  row("a . a . . . . c . . . . .", "events.class", "Определять классные мероприятия"),
  row("a a a d . . . . . . . . .", "journal.viewAll", "Просматривать оценки и посещаемость для всех классов"),
  row(
    ". . . . . . o c . . . . .",
    "journal.viewOwn",
    "Просматривать оценки и посещаемость для своего класса или предмета",
  ),
  row("a . . . . . . . . . . . .", "journal.editAll", "Редактировать оценки и посещаемость для всех классов"),
  row(
    ". . . . . . o . . . . . .",
    "journal.editOwn",
    "Редактировать оценки и посещаемость для своего класса или предмета",
  ),
  row("a . a . . . . c . . . . .", "attendance.reason", "Указывать причину пропуска (УП/НП/Б)"),
  row("a . . . . . . . . . . . .", "journal.unlock", "Открывать дату для выставления оценок по прошествии X дней"),
  row("a a a d . . . . . . . . .", "finals.viewAll", "Просматривать итоговые оценки для всех классов"),
  row(". . . . . . o c . . . . .", "finals.viewOwn", "Просматривать итоговые оценки для своего класса или предмета"),
  row("a . a d . . . . . . . . .", "finals.editAll", "Редактировать итоговые оценки для всех классов"),
  row(". . . . . . o . . . . . .", "finals.editOwn", "Редактировать итоговые оценки для своего класса или предмета"),
  row(". . . . . . . . s s . . .", "diary.view", "Просматривать свои оценки и посещаемость (или своего ребёнка)"),
  row("a a a d . . . . . . . . .", "control.view", "Контроль ведения журнала, отчёт о доступе к журналу"),
  row(". a a d . . . . . . . . .", "remarks.write", "Формировать замечания по ведению журнала"),
  row(". . . . . . o . . . . . .", "remarks.resolve", "Устранять замечания"),
  row("a a a d . a . . . . . . .", "reports.admin", "Просматривать административные отчёты (по всем классам)"),
  row(". . . . . . o c . . . . .", "reports.class", "Просматривать отчёты в своём классе / по своему предмету"),
  row(". . . . . . . . s s . . .", "reports.self", "Просматривать отчёты о себе (или о своём ребёнке)"),
  row("a . a . . a . . . . . . .", "archive.manage", "Формировать и проверять архив года"),
  row("a a a . . . . c . . . . .", "audit.view", "Журнал действий пользователей, статистика посещений"),
  row("a a a d a a a a a a a a a", "board.view", "Просматривать объявления"),
  row("a a a d a a a a . . a a .", "board.post", "Создавать объявления"),
  row("a a a d a a a a a a a a a", "mail.use", "Отправлять и получать почтовые сообщения"),
  row("a a a d a a a a a a a a a", "forum.use", "Отправлять и получать сообщения в форуме"),
  row("a . . . . . . . . . . . .", "forum.moderate", "Назначать модераторов форума"),
  // ───── second wave (SPEC §17–24, ACCESS_MATRIX «Second-wave rows») ─────
  row("a . a d . . . . . . . . .", "period.close", "Закрывать учебный период (REC-1)"),
  row("a . . . . . . . . . . . .", "year.reopen", "Открывать закрытый учебный год для исправлений (REC-2)"),
  row("a . . . . . . . . . . . .", "archive.dispose", "Утверждать акт о выделении документов к уничтожению (REC-5)"),
  row("a . a . . a . . . . . . .", "decisions.edit", "Вносить решения педсовета с протоколом (REC-4)"),
  row(
    "a . a . . . . c . . . . .",
    "journal.hospital",
    "Выставлять отметки по справке санаторной/больничной школы (REC-6)",
  ),
  row("a . a d . . . c . . . . .", "absence.record", "Отмечать отсутствие ученика за период по документу (DUT-3)"),
  row(". . . . . . . . . s . . .", "absence.notify", "Сообщать классному руководителю об отсутствии ребёнка (DUT-4)"),
  row("a a a d . . . c . . . . .", "control.check", "Записывать проверку журнала (DUT-2)"),
  row(". . a d . . o c . . . . .", "risk.notify", "Сообщать родителям учеников группы риска (DUT-5)"),
  row(". . . . . . . . s . . . .", "homework.handin", "Сдавать домашнее задание (LRN-1)"),
  row(". . . . . . o . . . . . .", "homework.review", "Проверять сданные работы (LRN-1)"),
  row("a a a d a a a a s s . . .", "materials.view", "Просматривать учебные материалы (LRN-2)"),
  row("a . a d . . o . . . . . .", "materials.edit", "Размещать учебные материалы (LRN-2)"),
  row("a a a d a a a a a a a a a", "resources.view", "Просматривать школьные ресурсы (LRN-4)"),
  row("a . a . . a . . . . . . .", "resources.edit", "Редактировать школьные ресурсы (LRN-4)"),
  row("a . a . . . o c s s . . .", "portfolio.edit", "Добавлять достижения в портфолио (LRN-5)"),
  row("a . a . . . . c . . . . .", "portfolio.confirm", "Подтверждать достижения (LRN-5)"),
  row("a a a d . . . c s s . . .", "portfolio.view", "Просматривать портфолио (LRN-5)"),
  row("a . a d . . o . . . . . .", "programmes.edit", "Составлять рабочие программы (PRG-1)"),
  row("a . a . . . . . . . . . .", "programmes.approve", "Утверждать рабочие программы (PRG-1)"),
  row("a . a . a . . . . . . . .", "clubs.manage", "Вести объединения внеурочной деятельности (PRG-2)"),
  row("a . a . . . l . . . . . .", "clubs.journal", "Вести журнал объединения (PRG-2)"),
  row(
    ". . . . . . . . s s . . .",
    "clubs.enrol",
    "Записываться в объединения и выходить из них при открытой записи (PRG-2)",
  ),
  row("a a . . . . . . . . . . .", "timetable.approve", "Утверждать расписание (PRG-3)"),
  row("a . a . . . . . . . . . .", "assessments.publish", "Публиковать график оценочных процедур (PRG-4)"),
  row("a a a d a a a a s s . . .", "assessments.view", "Просматривать график оценочных процедур (PRG-4)"),
  row("a . a . . . . . . . . . .", "results.import", "Загружать результаты ГИА и ВПР (REG-3)"),
  row("a . . . . . . . . . . . .", "webhooks.manage", "Настраивать подписки на события (REG-4)"),
] as const;

export type Permission = (typeof MATRIX)[number]["key"];

/**
 * DAY-6 (issue 22 round 24): the names a college reads in its access matrix — группа, студент, дисциплина,
 * занятие, куратор, колледж where the rows above say класс, ученик, предмет, урок, классный руководитель,
 * школа. The permission keys, cells and scopes are the same; only the words differ. A row not listed here
 * names nothing a school only has (e.g. «Утверждать расписание»).
 */
const COLLEGE_LABELS: Partial<Record<Permission, string>> = {
  "org.edit": "Изменять сведения о колледже",
  "org.view": "Просматривать сведения о колледже",
  "org.settings": "Изменять региональные настройки и настройки колледжа (отметки, способ усреднения, веса)",
  "people.manage": "Вести списки студентов и родителей (полная карточка)",
  "people.medical": "Редактировать мед. данные студентов",
  "people.brief": "Просматривать краткие сведения о студентах и родителях",
  "users.issueFamily": "Выдавать реквизиты доступа студентам и родителям",
  "movement.edit": "Редактировать книгу движения студентов",
  "movement.view": "Просматривать книгу движения студентов",
  "docs.view": "Просматривать хранилище документов колледжа",
  "docs.edit": "Редактировать хранилище документов колледжа",
  "classes.view": "Просматривать группы, дисциплины, подгруппы",
  "classes.edit": "Создавать группы, редактировать дисциплины и подгруппы в группах",
  "subgroups.all": "Набирать студентов в подгруппы во всех группах",
  "subgroups.own": "Набирать студентов в подгруппы в своей группе/дисциплине",
  "plans.viewAll": "Просматривать планы занятий по всем дисциплинам",
  "plans.viewOwn": "Просматривать планы занятий по своей дисциплине",
  "plans.editAll": "Создавать планы занятий по всем дисциплинам",
  "plans.editOwn": "Создавать планы занятий по своей дисциплине",
  "schedule.viewAll": "Просматривать расписание для всех групп",
  "schedule.viewOwn": "Просматривать расписание для своей группы или дисциплины",
  "events.school": "Определять мероприятия колледжа",
  "events.class": "Определять мероприятия групп",
  "journal.viewAll": "Просматривать оценки и посещаемость для всех групп",
  "journal.viewOwn": "Просматривать оценки и посещаемость для своей группы или дисциплины",
  "journal.editAll": "Редактировать оценки и посещаемость для всех групп",
  "journal.editOwn": "Редактировать оценки и посещаемость для своей группы или дисциплины",
  "finals.viewAll": "Просматривать итоговые оценки для всех групп",
  "finals.viewOwn": "Просматривать итоговые оценки для своей группы или дисциплины",
  "finals.editAll": "Редактировать итоговые оценки для всех групп",
  "finals.editOwn": "Редактировать итоговые оценки для своей группы или дисциплины",
  "reports.admin": "Просматривать административные отчёты (по всем группам)",
  "reports.class": "Просматривать отчёты в своей группе / по своей дисциплине",
  "absence.record": "Отмечать отсутствие студента за период по документу (DUT-3)",
  "absence.notify": "Сообщать куратору об отсутствии ребёнка (DUT-4)",
  "risk.notify": "Сообщать родителям студентов группы риска (DUT-5)",
  "resources.view": "Просматривать ресурсы колледжа (LRN-4)",
  "resources.edit": "Редактировать ресурсы колледжа (LRN-4)",
};

/** A permission's name as the organisation reads it (DAY-6): a college's words, a school's the matrix's own. */
export function permissionLabel(permission: Permission, kind: "SCHOOL" | "COLLEGE"): string {
  return (kind === "COLLEGE" ? COLLEGE_LABELS[permission] : undefined) ?? matrixRow(permission).label;
}

export const PERMISSIONS: readonly Permission[] = MATRIX.map((row) => row.key);

const byKey = new Map<string, MatrixRow>(MATRIX.map((row) => [row.key, row]));

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && byKey.has(value);
}

export function matrixRow(permission: Permission): MatrixRow {
  const row = byKey.get(permission);
  if (!row) throw new Error(`Unknown permission ${permission}`);
  return row;
}

/** The default scope a matrix column has for a permission, or null when denied. */
export function defaultScope(permission: Permission, column: MatrixColumn): Scope | null {
  return matrixRow(permission).defaults[column] ?? null;
}
