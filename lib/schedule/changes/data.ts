// Reads for date-specific changes and substitutions (SCH-2, SCH-3). Bound to the organisation (ACL-5).
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { bellLabel } from "../week";
import { changeMeets } from "../timetable/data";
import { lessonsGivenBy } from "@/lib/journal/rules";
import { formatDate } from "@/lib/org/time";
import { compareRu } from "@/lib/org/collation";
import { cap, vocabulary } from "@/lib/org/vocabulary";

type Client = typeof db | Prisma.TransactionClient;

/** A teacher's or a room's other lesson at the same date and bell, as a message naming the clash; null when free. */
export async function busyAt(
  organisationId: number,
  who: { teacherId?: number | null; roomId?: number | null },
  at: { date: Date; bellNumber: number; exceptClassId: number },
  college: boolean,
  client: Client = db,
): Promise<string | null> {
  const where = (extra: Prisma.LessonWhereInput): Prisma.LessonWhereInput => ({
    organisationId,
    date: at.date,
    bellNumber: at.bellNumber,
    status: "SCHEDULED",
    classId: { not: at.exceptClassId },
    ...extra,
  });
  const slot = `${formatDate(at.date)}, ${bellLabel(at.bellNumber, college)}`;
  // DAY-6 (issue 22 round 24): a college's «Преподаватель … ведёт занятие».
  const v = vocabulary(college);
  if (who.teacherId) {
    const t = who.teacherId;
    const other = await client.lesson.findFirst({
      where: where(lessonsGivenBy(t)),
      select: { class: { select: { name: true } } },
    });
    if (other) {
      const u = await client.user.findUnique({
        where: { organisationId_id: { organisationId, id: t } },
        select: NAME_FIELDS,
      });
      return `${cap(v.teacher.nom)} ${u ? shortName(u) : ""} в это время ведёт ${v.lesson.acc} в ${other.class.name} (${slot})`;
    }
  }
  if (who.roomId) {
    const other = await client.lesson.findFirst({
      where: where({ roomId: who.roomId }),
      select: { class: { select: { name: true } }, room: { select: { name: true } } },
    });
    if (other)
      return `Кабинет ${other.room?.name ?? ""} в это время занят: ${v.lesson.nom} в ${other.class.name} (${slot})`;
  }
  return null;
}

export type ChangeRow = {
  id: number;
  kind: "REPLACE" | "CANCEL" | "MOVE" | "ADD";
  date: Date;
  toDate: Date | null;
  bellNumber: number | null;
  className: string;
  subjectName: string | null;
  teacherName: string | null;
  roomName: string | null;
  note: string | null;
};

/** Changes of a week for the given classes (null = every class). */
export async function changesBetween(
  organisationId: number,
  from: Date,
  to: Date,
  classIds: readonly number[] | null,
): Promise<ChangeRow[]> {
  const rows = await db.timetableChange.findMany({
    where: {
      organisationId,
      ...(classIds ? { classId: { in: [...classIds] } } : {}),
      ...changeMeets(from, to),
    },
    select: {
      id: true,
      kind: true,
      date: true,
      toDate: true,
      bellNumber: true,
      note: true,
      class: { select: { name: true } },
      subject: { select: { name: true } },
      room: { select: { name: true } },
      teacher: { select: NAME_FIELDS },
    },
    orderBy: [{ date: "asc" }, { bellNumber: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    date: r.date,
    toDate: r.toDate,
    bellNumber: r.bellNumber,
    note: r.note,
    className: r.class.name,
    subjectName: r.subject?.name ?? null,
    roomName: r.room?.name ?? null,
    teacherName: r.teacher ? shortName(r.teacher) : null,
  }));
}

/** Teachers of the organisation (for substitutions), sorted by name. */
export async function teachersOf(organisationId: number): Promise<{ id: number; name: string }[]> {
  const rows = await db.user.findMany({
    where: { organisationId, isActive: true, roles: { some: { role: "TEACHER" } } },
    select: { id: true, ...NAME_FIELDS },
  });
  return rows.map((u) => ({ id: u.id, name: fullName(u) })).sort((a, b) => compareRu(a.name, b.name));
}

export type SubstitutionRow = {
  id: number;
  original: string;
  substitute: string;
  className: string | null;
  subjectName: string | null;
  dateFrom: Date;
  dateTo: Date;
  lessons: number;
};

export async function substitutionsBetween(organisationId: number, from: Date, to: Date): Promise<SubstitutionRow[]> {
  const rows = await db.substitution.findMany({
    where: { organisationId, dateFrom: { lte: to }, dateTo: { gte: from } },
    select: {
      id: true,
      dateFrom: true,
      dateTo: true,
      class: { select: { name: true } },
      subject: { select: { name: true } },
      original: { select: NAME_FIELDS },
      substitute: { select: NAME_FIELDS },
      _count: { select: { lessons: true } },
    },
    orderBy: { dateFrom: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    original: shortName(r.original),
    substitute: shortName(r.substitute),
    className: r.class?.name ?? null,
    subjectName: r.subject?.name ?? null,
    dateFrom: r.dateFrom,
    dateTo: r.dateTo,
    lessons: r._count.lessons,
  }));
}
