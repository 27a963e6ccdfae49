// Schedule reads used across pages. Every query is bound to the organisation (ACL-5).
import { db } from "@/lib/db";
import { lessonsGivenBy } from "@/lib/journal/rules";

export type DayLesson = {
  id: number;
  /** Where the lesson's journal opens: its class × subject (× subgroup) grid, or the lesson alone for a substitute. */
  journalHref: string;
  bellNumber: number;
  startTime: string | null;
  className: string;
  subjectName: string;
  roomName: string | null;
  topic: string | null;
  cancelled: boolean;
  substituted: boolean;
};

async function withBells(
  organisationId: number,
  lessons: {
    id: number;
    classId: number;
    subjectId: number;
    subgroupId: number | null;
    bellNumber: number;
    status: string;
    topic: string | null;
    substituteId: number | null;
    class: { name: string; bellScheduleId: number | null };
    subject: { name: string };
    room: { name: string } | null;
  }[],
): Promise<DayLesson[]> {
  const scheduleIds = [...new Set(lessons.map((l) => l.class.bellScheduleId).filter((v): v is number => v !== null))];
  const bells = scheduleIds.length
    ? await db.bell.findMany({ where: { organisationId, scheduleId: { in: scheduleIds } } })
    : [];
  const start = new Map(bells.map((b) => [`${b.scheduleId}:${b.number}`, b.startTime]));
  return lessons.map((l) => ({
    id: l.id,
    journalHref:
      l.substituteId !== null
        ? `/journal?lesson=${l.id}`
        : `/journal?class=${l.classId}&subject=${l.subjectId}${l.subgroupId !== null ? `&subgroup=${l.subgroupId}` : ""}`,
    bellNumber: l.bellNumber,
    startTime: start.get(`${l.class.bellScheduleId}:${l.bellNumber}`) ?? null,
    className: l.class.name,
    subjectName: l.subject.name,
    roomName: l.room?.name ?? null,
    topic: l.topic,
    cancelled: l.status === "CANCELLED",
    substituted: l.substituteId !== null,
  }));
}

const lessonSelect = {
  id: true,
  classId: true,
  subjectId: true,
  subgroupId: true,
  bellNumber: true,
  status: true,
  topic: true,
  substituteId: true,
  class: { select: { name: true, bellScheduleId: true } },
  subject: { select: { name: true } },
  room: { select: { name: true } },
} as const;

/** A teacher's lessons on a date: their own and those they substitute (SCH-3). */
export async function teacherLessonsOn(organisationId: number, teacherId: number, date: Date): Promise<DayLesson[]> {
  const lessons = await db.lesson.findMany({
    where: { organisationId, date, ...lessonsGivenBy(teacherId) },
    orderBy: [{ bellNumber: "asc" }],
    select: lessonSelect,
  });
  return withBells(organisationId, lessons);
}

/**
 * DAY-2: the teacher's next lessons after `date` — those of the first later day they teach (a Saturday's or a
 * holiday's home shows Monday's), within `days` days; null when none is scheduled so soon.
 */
export async function teacherNextLessons(
  organisationId: number,
  teacherId: number,
  date: Date,
  days = 14,
): Promise<{ date: Date; lessons: DayLesson[] } | null> {
  const until = new Date(date.getTime() + days * 86_400_000);
  const next = await db.lesson.findFirst({
    where: { organisationId, date: { gt: date, lte: until }, ...lessonsGivenBy(teacherId) },
    orderBy: [{ date: "asc" }],
    select: { date: true },
  });
  return next ? { date: next.date, lessons: await teacherLessonsOn(organisationId, teacherId, next.date) } : null;
}
