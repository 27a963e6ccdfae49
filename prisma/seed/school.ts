// The demo general school: plan → contingent → timetable → set-up → roster → journal → board.
import type pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import { academicStartYear, schoolCalendar } from "./calendar";
import { buildContingent, type Contingent, type ContingentOptions } from "./contingent";
import { seedJournal } from "./journal";
import { DEMO_ORG_NAMES } from "./logins";
import { insertMisc } from "./misc";
import { insertLearning } from "./learning";
import { seedPastYear } from "./past-year";
import type { Rng } from "./random";
import { insertRoster } from "./roster";
import { SCHOOL_DEMO_CLASS, SCHOOL_DEMO_TEACHER, buildSchoolPlan } from "./school-plan";
import type { OrgPlan } from "./plan";
import { insertSetup, type OrgCard } from "./setup";
import { SCHOOL_ADMINS } from "./staff";
import { buildTimetable } from "./timetable";

export interface OrgSeedArgs {
  db: PrismaClient;
  sql: pg.ClientBase;
  geo: { regionId: number; municipalityId: number };
  today: Date;
  passwordHash: string;
  rng: Rng;
  log: (s: string) => void;
}

/** The general school's bell schedule (the demo school and the benchmark's). */
export const SCHOOL_BELLS: Pick<OrgCard, "bellScheduleName" | "bells"> = {
  bellScheduleName: "Основное",
  bells: [
    ["08:30", "09:15"],
    ["09:25", "10:10"],
    ["10:25", "11:10"],
    ["11:25", "12:10"],
    ["12:20", "13:05"],
    ["13:15", "14:00"],
    ["14:10", "14:55"],
  ],
};

const CARD: OrgCard = {
  kind: "SCHOOL",
  name: DEMO_ORG_NAMES.school,
  shortName: "Школа № 17",
  address: "443030, г. Самара, ул. Мичурина, д. 17",
  director: "Кузнецова Татьяна Владимировна",
  phone: "+7 (846) 335-17-17",
  email: "mbou17.samara@yandex.ru",
  website: "https://school17-samara.ru",
  settings: { passFailEnabled: false },
  ...SCHOOL_BELLS,
  extraRooms: [
    ["Актовый зал", 200],
    ["Библиотека", 30],
    ["Кабинет информатики № 2", 16],
  ],
};

/** User accounts of students and parents (logins s…, p…, and the demo ones). */
export function peopleUsers(cont: Contingent) {
  return [
    ...cont.students.map((s) => ({ login: s.login, name: s.name, roles: ["STUDENT" as const], email: s.card.email })),
    ...cont.parents.map((p) => ({ login: p.login, name: p.name, roles: ["PARENT" as const], email: p.email })),
  ];
}

/**
 * A school's common steps over a plan: contingent → timetable → set-up → roster → journal → misc
 * (the demo school and the benchmark's large one); `people` sizes its classes, `describe` logs them.
 */
export async function seedSchoolCore(
  a: OrgSeedArgs,
  card: OrgCard,
  plan: OrgPlan,
  people: Pick<ContingentOptions, "size" | "classSize">,
  describe: (cont: Contingent) => string,
) {
  const { db, rng, today } = a;
  const cal = schoolCalendar(academicStartYear(today));
  const cont = buildContingent(rng.fork("people"), plan, cal, today, {
    college: false,
    ...people,
    demoClass: SCHOOL_DEMO_CLASS,
    demoStudent: { lastName: "Смирнов", firstName: "Артём", middleName: "Дмитриевич" },
    demoFather: ["Дмитрий", "Дмитриевич", "Дмитриевна"],
    sibling: { className: "3Б", firstName: "Полина" },
  });
  const slots = buildTimetable(plan, rng.fork("timetable"));
  const ids = await insertSetup(
    db,
    rng.fork("setup"),
    a.geo,
    card,
    cal,
    plan,
    SCHOOL_ADMINS,
    peopleUsers(cont),
    a.passwordHash,
  );
  const roster = await insertRoster(db, ids, plan, cont, { college: false, registrarLogin: "secretary" });
  a.log(describe(cont));
  const j = await seedJournal(
    db,
    a.sql,
    {
      college: false,
      today,
      cal,
      plan,
      ids,
      roster,
      cont,
      slots,
      deputyLogin: "zavuch",
      schedulerLogin: "dispatcher",
      demo: { teacherKey: SCHOOL_DEMO_TEACHER, className: SCHOOL_DEMO_CLASS, subjectKey: "alg" },
    },
    rng.fork("journal"),
  );
  const demoTeacher = plan.teachers.find((t) => t.key === SCHOOL_DEMO_TEACHER)!;
  await insertMisc(db, {
    organisationId: ids.orgId,
    college: false,
    cal,
    today,
    users: ids.users,
    classIds: ids.classIds,
    demoTeacherLogin: demoTeacher.login,
    demoClass: SCHOOL_DEMO_CLASS,
    noTopicLesson: j.noTopicLesson,
    lessons: j.lessons,
    teacherName: `${demoTeacher.name.firstName} ${demoTeacher.name.middleName}`,
    parentName: cont.demoParent ? `${cont.demoParent.name.firstName} ${cont.demoParent.name.middleName}` : undefined,
    childName: cont.demoStudent.name.firstName,
  });
  return { cal, cont, ids, roster, j, demoTeacher };
}

export async function seedSchool(a: OrgSeedArgs): Promise<Record<string, number>> {
  const { db, rng, today } = a;
  const plan = buildSchoolPlan(rng.fork("plan"));
  const { cal, cont, ids, roster, j, demoTeacher } = await seedSchoolCore(
    a,
    CARD,
    plan,
    { size: [22, 28] },
    (cont) =>
      `  школа: ${cont.students.length} учеников, ${cont.parents.length} родителей, ${plan.teachers.length} учителей`,
  );
  await insertLearning(db, {
    organisationId: ids.orgId,
    college: false,
    today,
    users: ids.users,
    demo: {
      classId: ids.classIds.get(SCHOOL_DEMO_CLASS)!,
      subjectId: ids.subjectIds.get("alg")!,
      grade: plan.classes.find((c) => c.name === SCHOOL_DEMO_CLASS)!.grade,
      teacherLogin: demoTeacher.login,
      studentLogin: "student",
      homeworkTypeId: ids.types.get("Домашняя работа")!.id,
      lessons: j.lessons,
    },
  });
  // REC-3, REC-4: the previous, closed year of 7А and 3Б (read-only journals, the diary's past year).
  const past = await seedPastYear({
    db,
    sql: a.sql,
    plan,
    ids,
    cal,
    subgroupIds: roster.subgroupIds,
    subgroupMembers: roster.subgroupMembers,
    rng: rng.fork("past-year"),
  });
  a.log(`  школа, прошлый учебный год: ${JSON.stringify(past)}`);
  return { students: cont.students.length, parents: cont.parents.length, teachers: plan.teachers.length, ...j.counts };
}
