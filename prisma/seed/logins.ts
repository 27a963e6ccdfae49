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

/** REG-1: the demo education-authority logins (sign in choosing the territory, not an organisation). */
export interface DemoAuthorityLogin {
  role: "REGIONAL_ADMIN" | "REGIONAL_SPECIALIST" | "MUNICIPAL_SPECIALIST";
  roleLabel: string;
  /** Where the sign-in page's select lists it: the region or the demo municipality. */
  territory: "region" | "municipality";
  login: string;
  password: string;
  lastName: string;
  firstName: string;
  middleName: string;
}

export const DEMO_AUTHORITY_LOGINS: ReadonlyArray<DemoAuthorityLogin> = [
  {
    role: "REGIONAL_ADMIN",
    roleLabel: "Администратор региона",
    territory: "region",
    login: "region_admin",
    password: DEMO_PASSWORD,
    lastName: "Лебедев",
    firstName: "Олег",
    middleName: "Петрович",
  },
  {
    role: "REGIONAL_SPECIALIST",
    roleLabel: "Специалист регионального органа",
    territory: "region",
    login: "region_spec",
    password: DEMO_PASSWORD,
    lastName: "Захарова",
    firstName: "Ирина",
    middleName: "Николаевна",
  },
  {
    role: "MUNICIPAL_SPECIALIST",
    roleLabel: "Специалист муниципального органа",
    territory: "municipality",
    login: "mo_spec",
    password: DEMO_PASSWORD,
    lastName: "Титова",
    firstName: "Марина",
    middleName: "Юрьевна",
  },
];
