// The demo college: two specialties, four groups, semesters, disciplines, ПМ.01 with МДК.
import { academicStartYear, collegeCalendar } from "./calendar";
import { COLLEGE_DEMO_GROUP, buildCollegePlan } from "./college-plan";
import { buildContingent } from "./contingent";
import { seedJournal } from "./journal";
import { DEMO_ORG_NAMES } from "./logins";
import { insertMisc } from "./misc";
import { insertLearning } from "./learning";
import { insertRoster } from "./roster";
import { peopleUsers, type OrgSeedArgs } from "./school";
import { insertSetup, type OrgCard } from "./setup";
import { COLLEGE_ADMINS } from "./staff";
import { buildTimetable } from "./timetable";

const CARD: OrgCard = {
  kind: "COLLEGE",
  name: DEMO_ORG_NAMES.college,
  shortName: "Политехнический колледж",
  address: "443080, г. Самара, ул. Промышленная, д. 24",
  director: "Лаврентьев Андрей Николаевич",
  phone: "+7 (846) 276-40-10",
  email: "spk.samara@yandex.ru",
  website: "https://spk-samara.ru",
  settings: { passFailEnabled: true },
  bellScheduleName: "Пары",
  bells: [
    ["08:30", "10:00"],
    ["10:10", "11:40"],
    ["12:10", "13:40"],
    ["13:50", "15:20"],
    ["15:30", "17:00"],
  ],
  extraRooms: [
    ["Актовый зал", 150],
    ["Библиотека", 40],
  ],
  departments: [
    { key: "it", name: "Отделение информационных технологий", headLogin: "zavotd" },
    { key: "mech", name: "Механическое отделение", headLogin: "zavotd2" },
  ],
};

export async function seedCollege(a: OrgSeedArgs): Promise<Record<string, number>> {
  const { db, rng, today } = a;
  const cal = collegeCalendar(academicStartYear(today));
  const used = new Set(COLLEGE_ADMINS.map((x) => `login:${x.login}`));
  const plan = buildCollegePlan(rng.fork("plan"), used);
  const cont = buildContingent(rng.fork("people"), plan, cal, today, {
    college: true,
    size: [20, 25],
    demoClass: COLLEGE_DEMO_GROUP,
    demoStudent: { lastName: "Воронцов", firstName: "Даниил", middleName: "Игоревич" },
    demoFather: ["Игорь", "Игоревич", "Игоревна"],
  });
  const slots = buildTimetable(plan, rng.fork("timetable"));
  const ids = await insertSetup(
    db,
    rng.fork("setup"),
    a.geo,
    CARD,
    cal,
    plan,
    COLLEGE_ADMINS,
    peopleUsers(cont),
    a.passwordHash,
  );
  const roster = await insertRoster(db, ids, plan, cont, { college: true, registrarLogin: "zavotd" });
  a.log(
    `  колледж: ${cont.students.length} студентов, ${cont.parents.length} родителей, ${plan.teachers.length} преподавателей`,
  );
  const j = await seedJournal(
    db,
    a.sql,
    {
      college: true,
      today,
      cal,
      plan,
      ids,
      roster,
      cont,
      slots,
      deputyLogin: "zavuch",
      schedulerLogin: "zavuch",
    },
    rng.fork("journal"),
  );
  const demoTeacher = plan.teachers.find((t) => t.login === "teacher")!;
  const exams = plan.loads
    .filter(
      (l) =>
        l.className === COLLEGE_DEMO_GROUP &&
        plan.subjects.find((s) => s.key === l.subjectKey)!.controlKind === "EXAM" &&
        !l.subjectKey.startsWith("mdk"),
    )
    .map((l) => ({
      className: l.className,
      subjectId: ids.subjectIds.get(l.subjectKey)!,
      examinerId: ids.teacherIds.get(l.teacherKey)!,
      roomId: ids.roomIds.get(plan.teachers.find((t) => t.key === l.teacherKey)!.roomName)!,
    }));
  await insertMisc(db, {
    organisationId: ids.orgId,
    college: true,
    cal,
    today,
    users: ids.users,
    classIds: ids.classIds,
    demoTeacherLogin: demoTeacher.login,
    demoClass: COLLEGE_DEMO_GROUP,
    teacherName: `${demoTeacher.name.firstName} ${demoTeacher.name.middleName}`,
    exams,
  });
  await insertLearning(db, {
    organisationId: ids.orgId,
    college: true,
    today,
    users: ids.users,
  });
  return { students: cont.students.length, parents: cont.parents.length, teachers: plan.teachers.length, ...j.counts };
}
