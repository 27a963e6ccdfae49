// Reads for the lesson planner (SCH-4): the timetable, changes, substitutions and holidays of a
// period, and the lessons that already exist there. Bound to the organisation (ACL-5).
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import type { ExistingLesson, PlanInput } from "../rules";
import { changeColumns, changeMeets, entryColumns, inOrder } from "../timetable/data";

type Client = typeof db | Prisma.TransactionClient;

/** Lessons of a period that hold journal data: marks, attendance, a topic, homework, assignments or a remark. */
export const HOLDS_NO_DATA = {
  topic: null,
  marks: { none: {} },
  attendance: { none: {} },
  homework: { none: {} },
  assignments: { none: {} },
  remarks: { none: {} },
} satisfies Prisma.LessonWhereInput;

export async function loadPlanInput(
  organisationId: number,
  from: Date,
  to: Date,
  classIds: readonly number[] | null,
  client: Client = db,
): Promise<PlanInput> {
  const classFilter = classIds ? { classId: { in: [...classIds] } } : {};
  const [org, changes, substitutions, holidays] = await inOrder([
    () => client.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } }),
    () =>
      client.timetableChange.findMany({
        where: {
          organisationId,
          ...classFilter,
          ...changeMeets(from, to),
        },
        select: { id: true, kind: true, ...changeColumns },
        orderBy: { id: "asc" },
      }),
    () =>
      client.substitution.findMany({
        where: { organisationId, dateFrom: { lte: to }, dateTo: { gte: from } },
        select: {
          id: true,
          originalId: true,
          substituteId: true,
          classId: true,
          subjectId: true,
          dateFrom: true,
          dateTo: true,
        },
        orderBy: { id: "asc" },
      }),
    () =>
      client.holiday.findMany({
        where: { organisationId, startDate: { lte: to }, endDate: { gte: from } },
        select: { startDate: true, endDate: true, grade: true },
      }),
  ]);
  const movedEntryIds = changes.filter((c) => c.kind === "MOVE" && c.entryId !== null).map((c) => c.entryId!);
  const entries = await client.timetableEntry.findMany({
    where: {
      organisationId,
      OR: [{ ...classFilter, validFrom: { lte: to }, validTo: { gte: from } }, { id: { in: movedEntryIds } }],
    },
    select: { ...entryColumns, class: { select: { grade: true } } },
  });
  const gradeOf = new Map(entries.map((e) => [e.classId, e.class.grade]));
  const otherClassIds = [...new Set(changes.map((c) => c.classId))].filter((id) => !gradeOf.has(id));
  if (otherClassIds.length) {
    const more = await client.classGroup.findMany({
      where: { organisationId, id: { in: otherClassIds } },
      select: { id: true, grade: true },
    });
    for (const c of more) gradeOf.set(c.id, c.grade);
  }
  return {
    from,
    to,
    entries: entries.map(({ class: _c, hours, ...e }) => ({ ...e, hours: Number(hours) })),
    changes,
    substitutions,
    holidays,
    gradeOf,
    defaultHours: org?.kind === "COLLEGE" ? 2 : 1,
  };
}

export async function existingLessons(
  organisationId: number,
  from: Date,
  to: Date,
  classIds: readonly number[] | null,
  client: Client = db,
): Promise<ExistingLesson[]> {
  const where = {
    organisationId,
    date: { gte: from, lte: to },
    ...(classIds ? { classId: { in: [...classIds] } } : {}),
  };
  const [rows, empty] = await inOrder([
    () =>
      client.lesson.findMany({
        where,
        select: {
          id: true,
          classId: true,
          subgroupId: true,
          subjectId: true,
          teacherId: true,
          substituteId: true,
          substitutionId: true,
          entryId: true,
          roomId: true,
          date: true,
          bellNumber: true,
          hours: true,
          status: true,
        },
      }),
    () =>
      client.lesson.findMany({
        where: { ...where, ...HOLDS_NO_DATA },
        select: { id: true },
      }),
  ]);
  const emptyIds = new Set(empty.map((l) => l.id));
  return rows.map((r) => ({ ...r, hours: Number(r.hours), holdsData: !emptyIds.has(r.id) }));
}

/** Class, subject and teacher names of lessons for the report of kept lessons. */
export async function lessonLabels(organisationId: number, ids: readonly number[], client: Client = db) {
  if (!ids.length) return new Map<number, { className: string; subjectName: string }>();
  const rows = await client.lesson.findMany({
    where: { organisationId, id: { in: [...ids] } },
    select: { id: true, class: { select: { name: true } }, subject: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [r.id, { className: r.class.name, subjectName: r.subject.name }]));
}

/** Classes a scoped scheduler may regenerate (HEAD_OF_DEPT: their department's groups). */
export async function departmentClassIds(organisationId: number, userId: number): Promise<number[]> {
  const rows = await db.classGroup.findMany({
    where: { organisationId, department: { headId: userId } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
