// A small organisation with one user per matrix column and the relations scopes need
// (load, class teacher, department, parent link), written straight through the data layer.
import { db } from "@/lib/db";
import type { MatrixColumn } from "@/lib/access/roles";

export type AccessFixture = {
  organisationId: number;
  otherOrganisationId: number;
  classA: number;
  classB: number;
  subject: number;
  studentA: number;
  studentB: number;
  lessonA: number;
  lessonB: number;
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

  const columns: MatrixColumn[] = [
    "ADMIN",
    "DIRECTOR",
    "DEPUTY",
    "HEAD_OF_DEPT",
    "SCHEDULER",
    "SECRETARY",
    "TEACHER",
    "CLASS_TEACHER",
    "STUDENT",
    "PARENT",
    "MEDIC",
    "PSYCHOLOGIST",
    "STAFF",
  ];
  const users = {} as Record<MatrixColumn, number>;
  for (const column of columns) {
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
