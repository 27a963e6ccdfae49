// A small organisation with one user per matrix column and the relations scopes need
// (load, class teacher, department, parent link), written straight through the data layer.
import { db } from "@/lib/db";
import type { MatrixColumn } from "@/lib/access/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { ALL, type SweepIds } from "./sweep-table";
import { sessionUser } from "./session-user";

/** The sweep's ids of this organisation (SweepIds), another organisation, two clubs and one user per column. */
export type AccessFixture = Pick<
  SweepIds,
  "organisationId" | "classA" | "classB" | "subject" | "studentA" | "studentB" | "lessonA" | "lessonB"
> & {
  otherOrganisationId: number;
  /** PRG-2: a club led by the TEACHER, and one led by the CLASS_TEACHER («leader» scope). */
  clubLed: number;
  clubOther: number;
  users: Record<MatrixColumn, number>;
};

let seq = 0;

export async function createAccessFixture(): Promise<AccessFixture> {
  seq += 1;
  const tag = `${process.pid}-${seq}`;
  const region = await db.region.create({ data: { name: `Регион ${tag}` } });
  const municipality = await db.municipality.create({ data: { regionId: region.id, name: `Округ ${tag}` } });
  const [org, other] = await Promise.all(
    ["Школа", "Чужая школа"].map((name) =>
      db.organisation.create({
        data: {
          regionId: region.id,
          municipalityId: municipality.id,
          kind: "SCHOOL",
          name: `${name} ${tag}`,
          shortName: name,
        },
      }),
    ),
  );
  const organisationId = org.id;
  const year = await db.academicYear.create({
    data: {
      organisationId,
      name: "2026/2027",
      startDate: new Date("2026-09-01"),
      endDate: new Date("2027-05-31"),
      isCurrent: true,
    },
  });
  const dept = await db.department.create({ data: { organisationId, name: "Отделение" } });
  const classA = await db.classGroup.create({
    data: { organisationId, yearId: year.id, name: "5А", grade: 5, departmentId: dept.id },
  });
  const classB = await db.classGroup.create({ data: { organisationId, yearId: year.id, name: "5Б", grade: 5 } });
  const subject = await db.subject.create({ data: { organisationId, name: "Математика", shortName: "Мат" } });

  const users = {} as Record<MatrixColumn, number>;
  for (const column of ALL) {
    const user = await db.user.create({
      data: {
        organisationId,
        login: column.toLowerCase(),
        passwordHash: "-",
        mustChangePassword: false,
        lastName: column,
        firstName: "Тест",
      },
    });
    // CLASS_TEACHER is a relation of a TEACHER login, not a role (ACCESS_MATRIX notes).
    await db.userRole.create({
      data: { organisationId, userId: user.id, role: column === "CLASS_TEACHER" ? "TEACHER" : column },
    });
    users[column] = user.id;
  }
  await db.department.update({
    where: { organisationId_id: { organisationId, id: dept.id } },
    data: { headId: users.HEAD_OF_DEPT },
  });
  await db.teacherLoad.create({
    data: {
      organisationId,
      yearId: year.id,
      teacherId: users.TEACHER,
      classId: classA.id,
      subjectId: subject.id,
      hoursPerWeek: 5,
    },
  });
  await db.classTeacher.create({ data: { organisationId, classId: classA.id, userId: users.CLASS_TEACHER } });

  const today = new Date(new Date().toISOString().slice(0, 10));
  const mkStudent = async (lastName: string, classId: number, userId: number | null) => {
    const s = await db.student.create({
      data: { organisationId, userId, lastName, firstName: "Ученик", birthDate: new Date("2015-03-01") },
    });
    await db.classMembership.create({
      data: { organisationId, studentId: s.id, classId, startDate: new Date("2026-09-01") },
    });
    return s.id;
  };
  const studentA = await mkStudent("Свой", classA.id, users.STUDENT);
  const studentB = await mkStudent("Чужой", classB.id, null);
  const parent = await db.parent.create({
    data: { organisationId, userId: users.PARENT, lastName: "Родитель", firstName: "Тест" },
  });
  await db.parentLink.create({ data: { organisationId, parentId: parent.id, studentId: studentA } });

  const mkLesson = (classId: number) =>
    db.lesson.create({
      data: { organisationId, classId, subjectId: subject.id, teacherId: users.ADMIN, date: today, bellNumber: 1 },
    });
  const [lessonA, lessonB] = await Promise.all([mkLesson(classA.id), mkLesson(classB.id)]);
  const mkClub = (name: string, leaderId: number) =>
    db.club.create({ data: { organisationId, yearId: year.id, name, leaderId }, select: { id: true } });
  const [clubLed, clubOther] = await Promise.all([
    mkClub("Шахматы", users.TEACHER),
    mkClub("Хор", users.CLASS_TEACHER),
  ]);
  return {
    organisationId,
    otherOrganisationId: other.id,
    classA: classA.id,
    classB: classB.id,
    subject: subject.id,
    studentA,
    studentB,
    lessonA: lessonA.id,
    lessonB: lessonB.id,
    clubLed: clubLed.id,
    clubOther: clubOther.id,
    users,
  };
}

/** The session user of the fixture's user of a matrix column (no login roles, named after the column). */
export function fixtureUser(f: AccessFixture, column: MatrixColumn): CurrentUser {
  return sessionUser(f.users[column], f.organisationId, {
    login: column.toLowerCase(),
    fullName: column,
    shortName: column,
  });
}

/** The sweep's ids over the fixture: its classes, students, lessons, the PARENT's parent row, and
 * the other organisation's class, student and lesson (0: none). */
export async function sweepIds(
  f: AccessFixture,
  other: { classId: number; studentId: number; lessonId: number } = { classId: 0, studentId: 0, lessonId: 0 },
): Promise<SweepIds> {
  const parent = await db.parent.findFirstOrThrow({
    where: { organisationId: f.organisationId, userId: f.users.PARENT },
  });
  return {
    organisationId: f.organisationId,
    classA: f.classA,
    classB: f.classB,
    subject: f.subject,
    studentA: f.studentA,
    studentB: f.studentB,
    lessonA: f.lessonA,
    lessonB: f.lessonB,
    parentA: parent.id,
    staffUser: f.users.TEACHER,
    otherClass: other.classId,
    otherStudent: other.studentId,
    otherLesson: other.lessonId,
  };
}

/** In the other organisation: a current year 2026/2027, its class 9В and a student «Чужой Ученик» (not enrolled). */
export async function foreignClass(f: AccessFixture): Promise<{ yearId: number; classId: number; studentId: number }> {
  const o = f.otherOrganisationId;
  const year = await db.academicYear.create({
    data: {
      organisationId: o,
      name: "2026/2027",
      startDate: new Date("2026-09-01"),
      endDate: new Date("2027-05-31"),
      isCurrent: true,
    },
  });
  const cls = await db.classGroup.create({ data: { organisationId: o, yearId: year.id, name: "9В", grade: 9 } });
  const st = await db.student.create({
    data: { organisationId: o, lastName: "Чужой", firstName: "Ученик", birthDate: new Date("2011-01-01") },
  });
  return { yearId: year.id, classId: cls.id, studentId: st.id };
}
