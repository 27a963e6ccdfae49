// Reads of the diary week (DRY-1, DRY-4): a constant number of queries whatever the week holds.
// Every query is bound to the organisation and to the one student the page has authorised.
import { readDb as db } from "@/lib/db";
import { eventsBetween } from "@/lib/schedule/view/data";
import { shortName } from "@/lib/people/names";
import { addDays, coversDate } from "./rules";

export type DiaryLesson = {
  id: number;
  date: Date;
  bellNumber: number;
  startTime: string | null;
  endTime: string | null;
  subjectName: string;
  roomName: string | null;
  topic: string | null;
  cancelled: boolean;
  substituteName: string | null;
  homework: { id: number; text: string; dueDate: Date | null; createdAt: Date; files: { id: number; fileName: string; size: number }[] }[];
  marks: { id: number; kind: string; value: number | null; isHospital: boolean; comment: string | null; typeName: string; weight: number; at: Date }[];
  attendance: { code: string; missedHours: number | null } | null;
};

export type DiaryEvent = { id: number; title: string; startsAt: Date; place: string | null; className: string | null };

export type DiaryWeek = { lessons: DiaryLesson[]; events: DiaryEvent[] };

export async function diaryWeek(organisationId: number, studentId: number, monday: Date): Promise<DiaryWeek> {
  const sunday = addDays(monday, 6);
  const [memberships, subgroups] = await Promise.all([
    db.classMembership.findMany({
      where: { organisationId, studentId, startDate: { lte: sunday }, OR: [{ endDate: null }, { endDate: { gte: monday } }] },
      select: { classId: true, startDate: true, endDate: true },
    }),
    db.subgroupMember.findMany({ where: { organisationId, studentId }, select: { subgroupId: true } }),
  ]);
  const classIds = [...new Set(memberships.map((m) => m.classId))];
  const subgroupIds = subgroups.map((s) => s.subgroupId);
  const [lessonRows, eventRows] = await Promise.all([
    db.lesson.findMany({
      where: {
        organisationId,
        classId: { in: classIds },
        date: { gte: monday, lte: sunday },
        OR: [{ subgroupId: null }, { subgroupId: { in: subgroupIds } }],
      },
      orderBy: [{ date: "asc" }, { bellNumber: "asc" }],
      select: {
        id: true,
        classId: true,
        date: true,
        bellNumber: true,
        topic: true,
        status: true,
        subject: { select: { name: true } },
        room: { select: { name: true } },
        class: { select: { bellScheduleId: true } },
        substitute: { select: { lastName: true, firstName: true, middleName: true } },
        homework: {
          select: { id: true, text: true, dueDate: true, createdAt: true, files: { select: { id: true, fileName: true, size: true } } },
        },
        marks: {
          where: { studentId },
          select: {
            id: true,
            kind: true,
            value: true,
            isHospital: true,
            comment: true,
            updatedAt: true,
            assignment: { select: { weight: true, type: { select: { name: true, weight: true } } } },
          },
        },
        attendance: { where: { studentId }, select: { code: true, missedHours: true } },
      },
    }),
    // School-wide and class events, including those that span the week (SCH-1, DRY-4).
    eventsBetween(organisationId, monday, addDays(sunday, 1), classIds),
  ]);
  // Only the lessons of the class the student was in on that date (PPL-3).
  const lessonsInStay = lessonRows.filter((l) =>
    memberships.some((m) => m.classId === l.classId && coversDate(m.startDate, m.endDate, l.date)),
  );
  const scheduleIds = [...new Set(lessonsInStay.map((l) => l.class.bellScheduleId).filter((v): v is number => v !== null))];
  const bells = scheduleIds.length ? await db.bell.findMany({ where: { organisationId, scheduleId: { in: scheduleIds } } }) : [];
  const bellOf = new Map(bells.map((b) => [`${b.scheduleId}:${b.number}`, b]));
  return {
    lessons: lessonsInStay.map((l) => {
      const bell = bellOf.get(`${l.class.bellScheduleId}:${l.bellNumber}`);
      return {
        id: l.id,
        date: l.date,
        bellNumber: l.bellNumber,
        startTime: bell?.startTime ?? null,
        endTime: bell?.endTime ?? null,
        subjectName: l.subject.name,
        roomName: l.room?.name ?? null,
        topic: l.topic,
        cancelled: l.status === "CANCELLED",
        substituteName: l.substitute ? shortName(l.substitute) : null,
        homework: l.homework,
        marks: l.marks.map((m) => ({
          id: m.id,
          kind: m.kind,
          value: m.value,
          isHospital: m.isHospital,
          comment: m.comment,
          typeName: m.assignment.type.name,
          weight: Number(m.assignment.weight ?? m.assignment.type.weight),
          at: m.updatedAt,
        })),
        attendance: l.attendance[0]
          ? { code: l.attendance[0].code, missedHours: l.attendance[0].missedHours === null ? null : Number(l.attendance[0].missedHours) }
          : null,
      };
    }),
    events: eventRows.map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt, place: e.place, className: e.className })),
  };
}

export type DiaryChild = { studentId: number; name: string };

/** Whose diaries the signed-in user may switch between: a parent's children, or the student. */
export async function diaryStudentsOf(organisationId: number, userId: number): Promise<DiaryChild[]> {
  const user = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: {
      student: { select: { id: true, lastName: true, firstName: true } },
      parent: { select: { children: { select: { student: { select: { id: true, lastName: true, firstName: true } } } } } },
    },
  });
  const list = [
    ...(user?.student ? [user.student] : []),
    ...(user?.parent?.children.map((c) => c.student) ?? []),
  ].map((s) => ({ studentId: s.id, name: `${s.firstName} ${s.lastName}` }));
  return list.sort((a, b) => a.name.localeCompare(b.name, "ru"));
}

/** The classes a student is in on a date (movement book). */
export async function studentClassIdsOn(organisationId: number, studentId: number, date: Date): Promise<number[]> {
  const rows = await db.classMembership.findMany({
    where: { organisationId, studentId, startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] },
    select: { classId: true },
  });
  return rows.map((r) => r.classId);
}
