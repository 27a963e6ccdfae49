// The demo logins (one per role, plus a college teacher and student). Kept free of
// heavy imports: the start-up tool prints this table.

export const DEMO_PASSWORD = "demo2026";

export const DEMO_ORG_NAMES = {
  school: "МБОУ «Школа № 17» г.о. Самара",
  college: "ГБПОУ «Самарский политехнический колледж»",
} as const;

export interface DemoLogin {
  role: string;
  roleLabel: string;
  org: "school" | "college";
  orgName: string;
  login: string;
  password: string;
  note?: string;
}

const entry = (
  org: "school" | "college",
  role: string,
  roleLabel: string,
  login: string,
  note?: string,
): DemoLogin => ({
  role,
  roleLabel,
  org,
  orgName: DEMO_ORG_NAMES[org],
  login,
  password: DEMO_PASSWORD,
  ...(note ? { note } : {}),
});

export const DEMO_LOGINS: ReadonlyArray<DemoLogin> = [
  entry("school", "ADMIN", "Администратор", "admin", "Морозов А. И.: логины сотрудников, права, настройки школы"),
  entry("school", "DIRECTOR", "Директор", "director", "Кузнецова Т. В."),
  entry("school", "DEPUTY", "Завуч", "zavuch", "Орлова М. С., заместитель директора по УВР"),
  entry("college", "HEAD_OF_DEPT", "Зав. отделением", "zavotd", "Белова Л. Г., отделение информационных технологий"),
  entry("school", "SCHEDULER", "Диспетчер расписания", "dispatcher", "Васильева И. П."),
  entry("school", "SECRETARY", "Секретарь", "secretary", "Никитина С. А."),
  entry("school", "TEACHER", "Учитель", "teacher", "Соколова Е. В., математика; классный руководитель 7А"),
  entry("school", "STUDENT", "Ученик", "student", "Смирнов Артём, 7А"),
  entry("school", "PARENT", "Родитель", "parent", "Смирнова О. Н.: дети в 7А и 3Б"),
  entry("school", "MEDIC", "Медработник", "medic", "Фёдорова Н. И."),
  entry("school", "PSYCHOLOGIST", "Психолог", "psychologist", "Павлова А. В."),
  entry("school", "STAFF", "Персонал", "staff", "Григорьев В. С., заведующий хозяйством"),
  entry("college", "TEACHER", "Преподаватель", "teacher", "Ковалёв С. А., куратор ИС-21"),
  entry("college", "STUDENT", "Студент", "student", "Воронцов Даниил, ИС-21"),
];
