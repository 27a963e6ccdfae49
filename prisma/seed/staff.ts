// Teachers and administration of the demo organisations (their names, logins, positions).
import type { Role, Sex } from "../generated/prisma/enums";
import { FATHER_NAMES, SURNAMES, WOMAN_NAMES, patronymic, surnameFor, type PersonName } from "./names";
import { transliterate } from "@/lib/auth/rules";
import type { TeacherDef } from "./plan";
import type { Rng } from "./random";

const CATEGORIES: ReadonlyArray<readonly [string, number]> = [
  ["высшая", 35],
  ["первая", 35],
  ["соответствие занимаемой должности", 20],
  ["без категории", 10],
];

/** A login from the name: «Соколова Елена Викторовна» → sokolova.ev (unique within `used`). */
export function loginFor(name: PersonName, used: Set<string>): string {
  const base = `${transliterate(name.lastName)}.${transliterate(name.firstName)[0]}${transliterate(name.middleName)[0] ?? ""}`;
  let login = base;
  for (let i = 2; used.has(`login:${login}`); i++) login = `${base}${i}`;
  used.add(`login:${login}`);
  return login;
}

/** A random adult name not yet in `used`. */
export function uniqueAdultName(rng: Rng, used: Set<string>, sex: Sex): PersonName {
  for (;;) {
    const name: PersonName = {
      lastName: surnameFor(rng.pick(SURNAMES), sex),
      firstName: sex === "FEMALE" ? rng.pick(WOMAN_NAMES) : rng.pick(FATHER_NAMES)[0],
      middleName: patronymic(rng.pick(FATHER_NAMES), sex),
      sex,
    };
    const key = `name:${name.lastName} ${name.firstName} ${name.middleName}`;
    if (!used.has(key)) {
      used.add(key);
      return name;
    }
  }
}

export function makeTeacher(
  rng: Rng,
  used: Set<string>,
  key: string,
  position: string,
  roomName: string,
  roomCapacity: number,
  femaleShare: number,
  fixed?: { name: PersonName; login: string; birthYear: number; extraRoles?: Role[] },
): TeacherDef {
  const sex: Sex = rng.chance(femaleShare) ? "FEMALE" : "MALE";
  const name = fixed?.name ?? uniqueAdultName(rng, used, sex);
  if (fixed) {
    used.add(`name:${name.lastName} ${name.firstName} ${name.middleName}`);
    used.add(`login:${fixed.login}`);
  }
  return {
    key,
    name,
    login: fixed?.login ?? loginFor(name, used),
    position,
    category: rng.weighted(CATEGORIES),
    roomName,
    roomCapacity,
    birthYear: fixed?.birthYear ?? rng.int(1962, 2000),
    extraRoles: fixed?.extraRoles,
  };
}

export interface AdminDef {
  login: string;
  roles: Role[];
  name: PersonName;
  position: string;
  birthYear: number;
}

const p = (lastName: string, firstName: string, middleName: string, sex: Sex): PersonName => ({
  lastName,
  firstName,
  middleName,
  sex,
});

export const SCHOOL_ADMINS: AdminDef[] = [
  {
    login: "director",
    roles: ["DIRECTOR"],
    name: p("Кузнецова", "Татьяна", "Владимировна", "FEMALE"),
    position: "директор",
    birthYear: 1971,
  },
  {
    login: "zavuch",
    roles: ["DEPUTY"],
    name: p("Орлова", "Марина", "Сергеевна", "FEMALE"),
    position: "заместитель директора по УВР",
    birthYear: 1978,
  },
  {
    login: "admin",
    roles: ["ADMIN"],
    name: p("Морозов", "Алексей", "Игоревич", "MALE"),
    position: "администратор АСУ РСО (инженер-программист)",
    birthYear: 1989,
  },
  {
    login: "dispatcher",
    roles: ["SCHEDULER"],
    name: p("Васильева", "Ирина", "Петровна", "FEMALE"),
    position: "диспетчер образовательного учреждения",
    birthYear: 1975,
  },
  {
    login: "secretary",
    roles: ["SECRETARY"],
    name: p("Никитина", "Светлана", "Андреевна", "FEMALE"),
    position: "секретарь учебной части",
    birthYear: 1993,
  },
  {
    login: "medic",
    roles: ["MEDIC"],
    name: p("Фёдорова", "Наталья", "Ивановна", "FEMALE"),
    position: "медицинская сестра",
    birthYear: 1969,
  },
  {
    login: "psychologist",
    roles: ["PSYCHOLOGIST"],
    name: p("Павлова", "Анна", "Викторовна", "FEMALE"),
    position: "педагог-психолог",
    birthYear: 1990,
  },
  {
    login: "staff",
    roles: ["STAFF"],
    name: p("Григорьев", "Виктор", "Степанович", "MALE"),
    position: "заведующий хозяйством",
    birthYear: 1966,
  },
];

export const COLLEGE_ADMINS: AdminDef[] = [
  {
    login: "director",
    roles: ["DIRECTOR"],
    name: p("Лаврентьев", "Андрей", "Николаевич", "MALE"),
    position: "директор",
    birthYear: 1968,
  },
  {
    login: "zavuch",
    roles: ["DEPUTY"],
    name: p("Седова", "Ольга", "Михайловна", "FEMALE"),
    position: "заместитель директора по учебной работе",
    birthYear: 1974,
  },
  {
    login: "admin",
    roles: ["ADMIN"],
    name: p("Тарасов", "Илья", "Олегович", "MALE"),
    position: "администратор АСУ РСО",
    birthYear: 1991,
  },
  {
    login: "zavotd",
    roles: ["HEAD_OF_DEPT"],
    name: p("Белова", "Людмила", "Геннадьевна", "FEMALE"),
    position: "заведующий отделением информационных технологий",
    birthYear: 1976,
  },
  {
    login: "zavotd2",
    roles: ["HEAD_OF_DEPT"],
    name: p("Кравцов", "Николай", "Петрович", "MALE"),
    position: "заведующий механическим отделением",
    birthYear: 1965,
  },
];
