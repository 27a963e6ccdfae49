// Reads of remarks on journal keeping (CTL-2), bound to the organisation; the writer's class
// scope (null = all) and the teacher filter come from the access gate.
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import type { RemarkStatusName } from "../rules";
import { cap, vocabulary, type Vocabulary } from "@/lib/org/vocabulary";

export type RemarkRow = {
  id: number;
  status: RemarkStatusName;
  text: string;
  teacherNote: string | null;
  createdAt: Date;
  doneAt: Date | null;
  closedAt: Date | null;
  authorId: number;
  author: string;
  teacherId: number;
  teacher: string;
  className: string | null;
  subjectName: string | null;
  lessonDate: Date | null;
};

const select = {
  id: true,
  status: true,
  text: true,
  teacherNote: true,
  createdAt: true,
  doneAt: true,
  closedAt: true,
  authorId: true,
  teacherId: true,
  author: { select: NAME_FIELDS },
  teacher: { select: NAME_FIELDS },
  class: { select: { name: true } },
  subject: { select: { name: true } },
  lesson: { select: { date: true } },
} as const;

/** A remark as Prisma reads it (`select`): the row's own columns, the names and the lesson still nested. */
type Raw = Omit<RemarkRow, "status" | "author" | "teacher" | "className" | "subjectName" | "lessonDate"> & {
  status: string;
  author: { lastName: string; firstName: string; middleName: string | null };
  teacher: { lastName: string; firstName: string; middleName: string | null };
  class: { name: string } | null;
  subject: { name: string } | null;
  lesson: { date: Date } | null;
};

function toRow(r: Raw): RemarkRow {
  return {
    id: r.id,
    status: r.status as RemarkStatusName,
    text: r.text,
    teacherNote: r.teacherNote,
    createdAt: r.createdAt,
    doneAt: r.doneAt,
    closedAt: r.closedAt,
    authorId: r.authorId,
    author: shortName(r.author),
    teacherId: r.teacherId,
    teacher: fullName(r.teacher),
    className: r.class?.name ?? null,
    subjectName: r.subject?.name ?? null,
    lessonDate: r.lesson?.date ?? null,
  };
}

export type RemarkListQuery = {
  fromAt: Date;
  toAt: Date;
  status?: RemarkStatusName;
  teacherId?: number;
  /** null = every remark of the organisation; otherwise only remarks on these classes or by `authorId`. */
  classIds: Set<number> | null;
  authorId: number;
};

/** Remarks written in [fromAt, toAt), newest first. */
export async function listRemarks(organisationId: number, q: RemarkListQuery): Promise<RemarkRow[]> {
  const rows = await db.remark.findMany({
    where: {
      organisationId,
      createdAt: { gte: q.fromAt, lt: q.toAt },
      ...(q.status ? { status: q.status } : {}),
      ...(q.teacherId ? { teacherId: q.teacherId } : {}),
      ...(q.classIds ? { OR: [{ classId: { in: [...q.classIds] } }, { authorId: q.authorId }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select,
  });
  return rows.map(toRow);
}

/** A teacher's remarks that are not closed (open first), for the home page. */
export async function teacherRemarks(organisationId: number, teacherId: number): Promise<RemarkRow[]> {
  const rows = await db.remark.findMany({
    where: { organisationId, teacherId, status: { in: ["OPEN", "DONE"] } },
    orderBy: [{ status: "desc" }, { createdAt: "desc" }],
    take: 50,
    select,
  });
  return rows.map(toRow).sort((a, b) => (a.status === b.status ? 0 : a.status === "OPEN" ? -1 : 1));
}

export async function findRemark(organisationId: number, id: number) {
  return db.remark.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { id: true, status: true, authorId: true, teacherId: true, classId: true },
  });
}

/** Checks the parts a remark binds to, inside the organisation; returns what is wrong, if anything. */
export async function checkRemarkTarget(
  organisationId: number,
  t: { teacherId: number; classId?: number; subjectId?: number; lessonId?: number; lessonDate?: Date },
  v: Vocabulary = vocabulary("SCHOOL"),
): Promise<
  | { ok: true; classId: number | null; subjectId: number | null; lessonId: number | null }
  | { ok: false; field: string; message: string }
> {
  if (t.lessonDate && !t.lessonId) {
    if (!t.classId || !t.subjectId)
      return {
        ok: false,
        field: "lessonDate",
        message: `Для ${v.lesson.gen} укажите ${v.class.acc} и ${v.subject.acc}`,
      };
    const found = await db.lesson.findFirst({
      where: {
        organisationId,
        classId: t.classId,
        subjectId: t.subjectId,
        date: t.lessonDate,
        status: "SCHEDULED",
        OR: [{ teacherId: t.teacherId }, { substituteId: t.teacherId }],
      },
      orderBy: { bellNumber: "asc" },
      select: { id: true },
    });
    if (!found)
      return { ok: false, field: "lessonDate", message: `В этот день у ${v.teacher.gen} нет такого ${v.lesson.gen}` };
    t = { ...t, lessonId: found.id };
  }
  const [teacher, cls, subject, lesson] = await Promise.all([
    db.user.findUnique({
      where: { organisationId_id: { organisationId, id: t.teacherId } },
      select: { isActive: true, roles: { select: { role: true } } },
    }),
    t.classId
      ? db.classGroup.findUnique({
          where: { organisationId_id: { organisationId, id: t.classId } },
          select: { id: true },
        })
      : null,
    t.subjectId
      ? db.subject.findUnique({
          where: { organisationId_id: { organisationId, id: t.subjectId } },
          select: { id: true },
        })
      : null,
    t.lessonId
      ? db.lesson.findUnique({
          where: { organisationId_id: { organisationId, id: t.lessonId } },
          select: { classId: true, subjectId: true, teacherId: true, substituteId: true },
        })
      : null,
  ]);
  if (!teacher || !teacher.isActive || !teacher.roles.some((r) => r.role === "TEACHER"))
    return { ok: false, field: "teacherId", message: `Выберите ${v.teacher.acc}` };
  if (t.classId && !cls) return { ok: false, field: "classId", message: cap(v.classNotFound) };
  if (t.subjectId && !subject) return { ok: false, field: "subjectId", message: cap(v.subjectNotFound) };
  if (t.lessonId) {
    if (!lesson) return { ok: false, field: "lessonId", message: cap(v.lessonNotFound) };
    if (lesson.teacherId !== t.teacherId && lesson.substituteId !== t.teacherId)
      return { ok: false, field: "lessonId", message: `${cap(v.thisLesson)} ведёт другой ${v.teacher.nom}` };
    if ((t.classId && lesson.classId !== t.classId) || (t.subjectId && lesson.subjectId !== t.subjectId)) {
      return {
        ok: false,
        field: "lessonId",
        message: `${cap(v.lesson.nom)} не из ${v.thisClass.gen} или ${v.subject.gen}`,
      };
    }
    return { ok: true, classId: lesson.classId, subjectId: lesson.subjectId, lessonId: t.lessonId };
  }
  return { ok: true, classId: t.classId ?? null, subjectId: t.subjectId ?? null, lessonId: null };
}

/** Teachers and classes for the remark form. */
export async function remarkFormChoices(organisationId: number, classIds: Set<number> | null) {
  const [teachers, classes, subjects] = await Promise.all([
    db.user.findMany({
      where: { organisationId, isActive: true, roles: { some: { role: "TEACHER" } } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      select: { id: true, ...NAME_FIELDS },
    }),
    db.classGroup.findMany({
      where: { organisationId, year: { isCurrent: true }, ...(classIds ? { id: { in: [...classIds] } } : {}) },
      orderBy: [{ grade: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
    db.subject.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { teachers: teachers.map((t) => ({ id: t.id, name: fullName(t) })), classes, subjects };
}
