// The default access matrix (ACL-2) as data: seed 003, Приложение № 1, as reconstructed in
// shared/ACCESS_MATRIX.md. Every cell is a default an ADMIN may change per organisation
// (RolePermission rows); a missing cell is a denial (ACL-1).
//
// Scopes (ACL-3): "all" — every class of the organisation; "dept" — HEAD_OF_DEPT's «x», limited
// to the groups of their department; "own" — the class+subject(+subgroup) pairs one teaches by
// load or substitution; "class" — the class one is class teacher of; "self" — oneself or
// one's own children; "leader" — the clubs (extracurricular groups, PRG-2) one leads.

import type { MatrixColumn } from "./roles";

export const SCOPES = ["all", "dept", "own", "class", "self", "leader"] as const;
export type Scope = (typeof SCOPES)[number];

export type MatrixRow = {
  key: string;
  label: string;
  defaults: Partial<Record<MatrixColumn, Scope>>;
};

export const MATRIX = [
  { key: "org.edit", label: "Изменять сведения о школе", defaults: { ADMIN: "all" } },
  {
    key: "org.view",
    label: "Просматривать сведения о школе",
    defaults: { ADMIN: "all", DIRECTOR: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept", SECRETARY: "all", MEDIC: "all" },
  },
  {
    key: "org.settings",
    label: "Изменять региональные настройки и настройки школы (отметки, способ усреднения, веса)",
    defaults: { ADMIN: "all" },
  },
  {
    key: "dict.edit",
    label: "Редактировать справочники (типы заданий, кабинеты, причины)",
    defaults: { ADMIN: "all", DEPUTY: "all", SECRETARY: "all" },
  },
  {
    key: "staff.manage",
    label: "Вести список сотрудников (полная карточка)",
    defaults: { ADMIN: "all", SECRETARY: "all" },
  },
  {
    key: "staff.brief",
    label: "Просматривать краткие сведения о сотрудниках",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
      STUDENT: "all",
      PARENT: "all",
      MEDIC: "all",
      PSYCHOLOGIST: "all",
      STAFF: "all",
    },
  },
  {
    key: "people.manage",
    label: "Вести списки учеников и родителей (полная карточка)",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SECRETARY: "all",
      CLASS_TEACHER: "class",
    },
  },
  { key: "people.medical", label: "Редактировать мед. данные учеников", defaults: { ADMIN: "all", MEDIC: "all" } },
  {
    key: "people.psych",
    label: "Редактировать психолого-пед. карточку, девиантное поведение, соц. положение",
    defaults: { ADMIN: "all", PSYCHOLOGIST: "all" },
  },
  {
    key: "people.brief",
    label: "Просматривать краткие сведения об учениках и родителях",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "own",
      CLASS_TEACHER: "class",
      MEDIC: "all",
      PSYCHOLOGIST: "all",
    },
  },
  { key: "users.delete", label: "Удалить пользователей из системы", defaults: { ADMIN: "all" } },
  { key: "users.issueStaff", label: "Выдавать реквизиты доступа сотрудникам", defaults: { ADMIN: "all" } },
  {
    key: "users.issueFamily",
    label: "Выдавать реквизиты доступа ученикам и родителям",
    defaults: { ADMIN: "all", CLASS_TEACHER: "class" },
  },
  { key: "acl.edit", label: "Изменять права доступа ролей", defaults: { ADMIN: "all" } },
  {
    key: "year.transition",
    label: "Осуществлять переход на новый учебный год, закрытие года",
    defaults: { ADMIN: "all" },
  },
  {
    key: "curriculum.edit",
    label: "Составлять учебный план, тарификацию",
    defaults: { ADMIN: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept" },
  },
  {
    key: "curriculum.view",
    label: "Просматривать учебный план",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
    },
  },
  {
    key: "periods.edit",
    label: "Редактировать границы и типы учебных периодов",
    defaults: { ADMIN: "all", DEPUTY: "all" },
  },
  {
    key: "movement.edit",
    label: "Редактировать книгу движения учащихся",
    defaults: { ADMIN: "all", HEAD_OF_DEPT: "dept", SECRETARY: "all" },
  },
  {
    key: "movement.view",
    label: "Просматривать книгу движения учащихся",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SECRETARY: "all",
      CLASS_TEACHER: "class",
    },
  },
  {
    key: "docs.view",
    label: "Просматривать хранилище школьных документов",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
      MEDIC: "all",
      PSYCHOLOGIST: "all",
      STAFF: "all",
    },
  },
  {
    key: "docs.edit",
    label: "Редактировать хранилище школьных документов",
    defaults: { ADMIN: "all", DEPUTY: "all", SECRETARY: "all" },
  },
  {
    key: "classes.view",
    label: "Просматривать классы, предметы, подгруппы",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
    },
  },
  {
    key: "classes.edit",
    label: "Создавать классы, редактировать предметы и подгруппы в классах",
    defaults: { ADMIN: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept", SCHEDULER: "all", SECRETARY: "all" },
  },
  {
    key: "subgroups.all",
    label: "Набирать учеников в подгруппы во всех классах",
    defaults: { ADMIN: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept", SCHEDULER: "all" },
  },
  {
    key: "subgroups.own",
    label: "Набирать учеников в подгруппы в своём классе/предмете",
    defaults: { TEACHER: "own", CLASS_TEACHER: "class" },
  },
  {
    key: "plans.viewAll",
    label: "Просматривать планы уроков по всем предметам",
    defaults: { ADMIN: "all", DIRECTOR: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept" },
  },
  {
    key: "plans.viewOwn",
    label: "Просматривать планы уроков по своему предмету",
    defaults: { TEACHER: "own", CLASS_TEACHER: "class" },
  },
  {
    key: "plans.editAll",
    label: "Создавать планы уроков по всем предметам",
    defaults: { ADMIN: "all", DEPUTY: "all" },
  },
  { key: "plans.editOwn", label: "Создавать планы уроков по своему предмету", defaults: { TEACHER: "own" } },
  {
    key: "plans.approve",
    label: "Утверждать календарно-тематические планы",
    defaults: { DIRECTOR: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept" },
  },
  {
    key: "schedule.viewAll",
    label: "Просматривать расписание для всех классов",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
    },
  },
  {
    key: "schedule.edit",
    label: "Составлять расписание и определять список кабинетов",
    defaults: { ADMIN: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept", SCHEDULER: "all" },
  },
  {
    key: "schedule.viewOwn",
    label: "Просматривать расписание для своего класса или предмета",
    defaults: { TEACHER: "own", CLASS_TEACHER: "class", STUDENT: "self", PARENT: "self" },
  },
  {
    key: "events.school",
    label: "Определять школьные мероприятия",
    defaults: { ADMIN: "all", DIRECTOR: "all", DEPUTY: "all", SCHEDULER: "all" },
  },
  {
    key: "events.class",
    label: "Определять классные мероприятия",
    defaults: { ADMIN: "all", DEPUTY: "all", CLASS_TEACHER: "class" },
  },
  {
    key: "journal.viewAll",
    label: "Просматривать оценки и посещаемость для всех классов",
    defaults: { ADMIN: "all", DIRECTOR: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept" },
  },
  {
    key: "journal.viewOwn",
    label: "Просматривать оценки и посещаемость для своего класса или предмета",
    defaults: { TEACHER: "own", CLASS_TEACHER: "class" },
  },
  { key: "journal.editAll", label: "Редактировать оценки и посещаемость для всех классов", defaults: { ADMIN: "all" } },
  {
    key: "journal.editOwn",
    label: "Редактировать оценки и посещаемость для своего класса или предмета",
    defaults: { TEACHER: "own" },
  },
  {
    key: "attendance.reason",
    label: "Указывать причину пропуска (УП/НП/Б)",
    defaults: { ADMIN: "all", DEPUTY: "all", CLASS_TEACHER: "class" },
  },
  {
    key: "journal.unlock",
    label: "Открывать дату для выставления оценок по прошествии X дней",
    defaults: { ADMIN: "all" },
  },
  {
    key: "finals.viewAll",
    label: "Просматривать итоговые оценки для всех классов",
    defaults: { ADMIN: "all", DIRECTOR: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept" },
  },
  {
    key: "finals.viewOwn",
    label: "Просматривать итоговые оценки для своего класса или предмета",
    defaults: { TEACHER: "own", CLASS_TEACHER: "class" },
  },
  {
    key: "finals.editAll",
    label: "Редактировать итоговые оценки для всех классов",
    defaults: { ADMIN: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept" },
  },
  {
    key: "finals.editOwn",
    label: "Редактировать итоговые оценки для своего класса или предмета",
    defaults: { TEACHER: "own" },
  },
  {
    key: "diary.view",
    label: "Просматривать свои оценки и посещаемость (или своего ребёнка)",
    defaults: { STUDENT: "self", PARENT: "self" },
  },
  {
    key: "control.view",
    label: "Контроль ведения журнала, отчёт о доступе к журналу",
    defaults: { ADMIN: "all", DIRECTOR: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept" },
  },
  {
    key: "remarks.write",
    label: "Формировать замечания по ведению журнала",
    defaults: { DIRECTOR: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept" },
  },
  { key: "remarks.resolve", label: "Устранять замечания", defaults: { TEACHER: "own" } },
  {
    key: "reports.admin",
    label: "Просматривать административные отчёты (по всем классам)",
    defaults: { ADMIN: "all", DIRECTOR: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept", SECRETARY: "all" },
  },
  {
    key: "reports.class",
    label: "Просматривать отчёты в своём классе / по своему предмету",
    defaults: { TEACHER: "own", CLASS_TEACHER: "class" },
  },
  {
    key: "reports.self",
    label: "Просматривать отчёты о себе (или о своём ребёнке)",
    defaults: { STUDENT: "self", PARENT: "self" },
  },
  {
    key: "archive.manage",
    label: "Формировать и проверять архив года",
    defaults: { ADMIN: "all", DEPUTY: "all", SECRETARY: "all" },
  },
  {
    key: "audit.view",
    label: "Журнал действий пользователей, статистика посещений",
    defaults: { ADMIN: "all", DIRECTOR: "all", DEPUTY: "all", CLASS_TEACHER: "class" },
  },
  {
    key: "board.view",
    label: "Просматривать объявления",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
      STUDENT: "all",
      PARENT: "all",
      MEDIC: "all",
      PSYCHOLOGIST: "all",
      STAFF: "all",
    },
  },
  {
    key: "board.post",
    label: "Создавать объявления",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
      MEDIC: "all",
      PSYCHOLOGIST: "all",
    },
  },
  {
    key: "mail.use",
    label: "Отправлять и получать почтовые сообщения",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
      STUDENT: "all",
      PARENT: "all",
      MEDIC: "all",
      PSYCHOLOGIST: "all",
      STAFF: "all",
    },
  },
  {
    key: "forum.use",
    label: "Отправлять и получать сообщения в форуме",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
      STUDENT: "all",
      PARENT: "all",
      MEDIC: "all",
      PSYCHOLOGIST: "all",
      STAFF: "all",
    },
  },
  { key: "forum.moderate", label: "Назначать модераторов форума", defaults: { ADMIN: "all" } },
  // ───── second wave (SPEC §17–24, ACCESS_MATRIX «Second-wave rows») ─────
  {
    key: "period.close",
    label: "Закрывать учебный период (REC-1)",
    defaults: { ADMIN: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept" },
  },
  { key: "year.reopen", label: "Открывать закрытый учебный год для исправлений (REC-2)", defaults: { ADMIN: "all" } },
  {
    key: "archive.dispose",
    label: "Утверждать акт о выделении документов к уничтожению (REC-5)",
    defaults: { ADMIN: "all" },
  },
  {
    key: "decisions.edit",
    label: "Вносить решения педсовета с протоколом (REC-4)",
    defaults: { ADMIN: "all", DEPUTY: "all", SECRETARY: "all" },
  },
  {
    key: "journal.hospital",
    label: "Выставлять отметки по справке санаторной/больничной школы (REC-6)",
    defaults: { ADMIN: "all", DEPUTY: "all", CLASS_TEACHER: "class" },
  },
  {
    key: "absence.record",
    label: "Отмечать отсутствие ученика за период по документу (DUT-3)",
    defaults: { ADMIN: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept", CLASS_TEACHER: "class" },
  },
  {
    key: "absence.notify",
    label: "Сообщать классному руководителю об отсутствии ребёнка (DUT-4)",
    defaults: { PARENT: "self" },
  },
  {
    key: "control.check",
    label: "Записывать проверку журнала (DUT-2)",
    defaults: { ADMIN: "all", DIRECTOR: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept", CLASS_TEACHER: "class" },
  },
  {
    key: "risk.notify",
    label: "Сообщать родителям учеников группы риска (DUT-5)",
    defaults: { DEPUTY: "all", HEAD_OF_DEPT: "dept", TEACHER: "own", CLASS_TEACHER: "class" },
  },
  { key: "homework.handin", label: "Сдавать домашнее задание (LRN-1)", defaults: { STUDENT: "self" } },
  { key: "homework.review", label: "Проверять сданные работы (LRN-1)", defaults: { TEACHER: "own" } },
  {
    key: "materials.view",
    label: "Просматривать учебные материалы (LRN-2)",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
      STUDENT: "self",
      PARENT: "self",
    },
  },
  {
    key: "materials.edit",
    label: "Размещать учебные материалы (LRN-2)",
    defaults: { ADMIN: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept", TEACHER: "own" },
  },
  {
    key: "resources.view",
    label: "Просматривать школьные ресурсы (LRN-4)",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
      STUDENT: "all",
      PARENT: "all",
      MEDIC: "all",
      PSYCHOLOGIST: "all",
      STAFF: "all",
    },
  },
  {
    key: "resources.edit",
    label: "Редактировать школьные ресурсы (LRN-4)",
    defaults: { ADMIN: "all", DEPUTY: "all", SECRETARY: "all" },
  },
  {
    key: "portfolio.edit",
    label: "Добавлять достижения в портфолио (LRN-5)",
    defaults: { ADMIN: "all", DEPUTY: "all", TEACHER: "own", CLASS_TEACHER: "class", STUDENT: "self", PARENT: "self" },
  },
  {
    key: "portfolio.confirm",
    label: "Подтверждать достижения (LRN-5)",
    defaults: { ADMIN: "all", DEPUTY: "all", CLASS_TEACHER: "class" },
  },
  {
    key: "portfolio.view",
    label: "Просматривать портфолио (LRN-5)",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      CLASS_TEACHER: "class",
      STUDENT: "self",
      PARENT: "self",
    },
  },
  {
    key: "programmes.edit",
    label: "Составлять рабочие программы (PRG-1)",
    defaults: { ADMIN: "all", DEPUTY: "all", HEAD_OF_DEPT: "dept", TEACHER: "own" },
  },
  {
    key: "programmes.approve",
    label: "Утверждать рабочие программы (PRG-1)",
    defaults: { ADMIN: "all", DEPUTY: "all" },
  },
  {
    key: "clubs.manage",
    label: "Вести объединения внеурочной деятельности (PRG-2)",
    defaults: { ADMIN: "all", DEPUTY: "all", SCHEDULER: "all" },
  },
  {
    key: "clubs.journal",
    label: "Вести журнал объединения (PRG-2)",
    defaults: { ADMIN: "all", DEPUTY: "all", TEACHER: "leader" },
  },
  {
    key: "clubs.enrol",
    label: "Записываться в объединения и выходить из них при открытой записи (PRG-2)",
    defaults: { STUDENT: "self", PARENT: "self" },
  },
  { key: "timetable.approve", label: "Утверждать расписание (PRG-3)", defaults: { ADMIN: "all", DIRECTOR: "all" } },
  {
    key: "assessments.publish",
    label: "Публиковать график оценочных процедур (PRG-4)",
    defaults: { ADMIN: "all", DEPUTY: "all" },
  },
  {
    key: "assessments.view",
    label: "Просматривать график оценочных процедур (PRG-4)",
    defaults: {
      ADMIN: "all",
      DIRECTOR: "all",
      DEPUTY: "all",
      HEAD_OF_DEPT: "dept",
      SCHEDULER: "all",
      SECRETARY: "all",
      TEACHER: "all",
      CLASS_TEACHER: "all",
      STUDENT: "self",
      PARENT: "self",
    },
  },
  { key: "results.import", label: "Загружать результаты ГИА и ВПР (REG-3)", defaults: { ADMIN: "all", DEPUTY: "all" } },
  { key: "webhooks.manage", label: "Настраивать подписки на события (REG-4)", defaults: { ADMIN: "all" } },
] as const satisfies readonly MatrixRow[];

export type Permission = (typeof MATRIX)[number]["key"];

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
