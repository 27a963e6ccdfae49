// Rows for the stored-scope sweep (SEC-2, tests/integration/sweep-stored.test.ts): for each kind
// of row an update or delete can reach by id, one inside and one outside the restricted users'
// scopes of tests/support/access-fixture.ts (class A is the head of department's department, the
// teacher's load and the class teacher's class; class B is none of these).
import { db } from "@/lib/db";
import type { AccessFixture } from "./access-fixture";

export type InOut = { in: number; out: number };

export type StoredIds = {
  subject2: number;
  /** Rows to update (in/out) and separate rows to delete (inDel/outDel), so the probes never meet. */
  curriculum: InOut & { inDel: number; outDel: number };
  load: InOut & { inDel: number; outDel: number };
  subgroup: InOut & { inDel: number; outDel: number };
  assignment: InOut;
  assignmentType: number;
  /** Attendance «н» of studentA on lessonA (the class teacher's reason) and of studentB on lessonB. */
  absenceVersion: number;
  announcement: InOut;
  remark: InOut;
  /** A parent of studentB only, and one of a second pupil of class A. */
  parent: InOut;
  studentA2: number;
  /** Logins of studentA / studentB. */
  login: InOut;
  entry: InOut & { inDel: number; outDel: number };
};

export async function createStoredFixture(f: AccessFixture): Promise<StoredIds> {
  const organisationId = f.organisationId;
  const year = await db.academicYear.findFirstOrThrow({ where: { organisationId }, select: { id: true } });
  const subject2 = (await db.subject.create({ data: { organisationId, name: "Физика", shortName: "Физ" } })).id;
  const both = async (make: (classId: number, n: number) => Promise<{ id: number }>) => ({
    in: (await make(f.classA, 1)).id,
    out: (await make(f.classB, 1)).id,
    inDel: (await make(f.classA, 2)).id,
    outDel: (await make(f.classB, 2)).id,
  });
  const curriculum = await both((classId, n) =>
    db.curriculumItem.create({
      data: { organisationId, classId, subjectId: n === 1 ? subject2 : f.subject, hours: 34 },
    }),
  );
  const load = await both((classId, n) =>
    db.teacherLoad.create({
      data: {
        organisationId,
        yearId: year.id,
        teacherId: n === 1 ? f.users.DIRECTOR : f.users.DEPUTY,
        classId,
        subjectId: subject2,
        hoursPerWeek: 2,
      },
    }),
  );
  const subgroup = await both((classId, n) =>
    db.subgroup.create({ data: { organisationId, classId, name: `Подгруппа ${classId}-${n}` } }),
  );
  const type = await db.assignmentType.create({ data: { organisationId, name: "Работа на уроке", shortName: "Р" } });
  const assignment = {
    in: (await db.assignment.create({ data: { organisationId, lessonId: f.lessonA, typeId: type.id } })).id,
    out: (await db.assignment.create({ data: { organisationId, lessonId: f.lessonB, typeId: type.id } })).id,
  };
  const absence = await db.attendance.create({
    data: { organisationId, lessonId: f.lessonA, studentId: f.studentA, code: "N", updatedById: f.users.ADMIN },
  });
  await db.attendance.create({
    data: { organisationId, lessonId: f.lessonB, studentId: f.studentB, code: "N", updatedById: f.users.ADMIN },
  });
  const announcement = {
    in: (
      await db.announcement.create({
        data: {
          organisationId,
          authorId: f.users.HEAD_OF_DEPT,
          title: "А",
          body: "А",
          audience: "CLASS",
          classId: f.classA,
        },
      })
    ).id,
    out: (
      await db.announcement.create({
        data: {
          organisationId,
          authorId: f.users.HEAD_OF_DEPT,
          title: "Б",
          body: "Б",
          audience: "CLASS",
          classId: f.classB,
        },
      })
    ).id,
  };
  // Written by the head of department while the class was theirs; class B has since left the department.
  const remark = {
    in: (
      await db.remark.create({
        data: {
          organisationId,
          authorId: f.users.HEAD_OF_DEPT,
          teacherId: f.users.TEACHER,
          classId: f.classA,
          text: "А",
        },
      })
    ).id,
    out: (
      await db.remark.create({
        data: {
          organisationId,
          authorId: f.users.HEAD_OF_DEPT,
          teacherId: f.users.TEACHER,
          classId: f.classB,
          text: "Б",
        },
      })
    ).id,
  };
  const studentA2 = (
    await db.student.create({
      data: { organisationId, lastName: "Второй", firstName: "Ученик", birthDate: new Date("2015-05-05") },
    })
  ).id;
  await db.classMembership.create({
    data: { organisationId, studentId: studentA2, classId: f.classA, startDate: new Date("2026-09-01") },
  });
  const mkParent = async (studentId: number, lastName: string) => {
    const p = await db.parent.create({ data: { organisationId, lastName, firstName: "Родитель" } });
    await db.parentLink.create({ data: { organisationId, parentId: p.id, studentId } });
    return p.id;
  };
  const parent = { in: await mkParent(studentA2, "Свой"), out: await mkParent(f.studentB, "Чужой") };
  const userB = await db.user.create({
    data: { organisationId, login: "pupil.b", passwordHash: "-", lastName: "Чужой", firstName: "Ученик" },
  });
  await db.userRole.create({ data: { organisationId, userId: userB.id, role: "STUDENT" } });
  await db.student.update({
    where: { organisationId_id: { organisationId, id: f.studentB } },
    data: { userId: userB.id },
  });
  const entry = await both((classId, n) =>
    db.timetableEntry.create({
      data: {
        organisationId,
        classId,
        subjectId: f.subject,
        teacherId: f.users.ADMIN,
        weekday: n,
        bellNumber: 3,
        validFrom: new Date("2026-09-01"),
        validTo: new Date("2027-05-31"),
      },
    }),
  );
  return {
    subject2,
    curriculum,
    load,
    subgroup,
    assignment,
    assignmentType: type.id,
    absenceVersion: absence.version,
    announcement,
    remark,
    parent,
    studentA2,
    login: { in: f.users.STUDENT, out: userB.id },
    entry,
  };
}
