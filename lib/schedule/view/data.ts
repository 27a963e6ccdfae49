// The schedule of one week by class, teacher or room (SCH-2), with the week's changes and
// substitutions applied by the planner, and the events of the week (SCH-1). Bound to the
// organisation (ACL-5).
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import { db, rawStatement } from "@/lib/db";
import { col } from "@/lib/sql";
import { isoDate } from "@/lib/org/time";
import { Prisma } from "@/prisma/generated/prisma/client";
import { planLessons, type DesiredLesson } from "../rules";
import { loadPlanInput } from "../lessons/data";
import { bellBook, bellsOfClass } from "../timetable/data";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";

export type WeekFilter =
  | { kind: "class"; id: number; subgroupIds?: number[] | null }
  | { kind: "teacher"; id: number }
  | { kind: "room"; id: number };

export type WeekLesson = {
  key: string;
  date: Date;
  bellNumber: number;
  startTime: string | null;
  endTime: string | null;
  classId: number;
  className: string;
  subgroupName: string | null;
  subjectName: string;
  teacherName: string;
  substituteName: string | null;
  roomName: string | null;
  cancelled: boolean;
  changed: boolean;
  hours: number;
};

export type WeekEvent = {
  id: number;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  className: string | null;
};

function matches(l: DesiredLesson, f: WeekFilter): boolean {
  if (f.kind === "class")
    return l.classId === f.id && (!f.subgroupIds || l.subgroupId === null || f.subgroupIds.includes(l.subgroupId));
  if (f.kind === "teacher") return (l.teacherId === f.id && l.substituteId === null) || l.substituteId === f.id;
  return l.roomId === f.id;
}

/**
 * The classes whose plan of [from, to] can hold a lesson of this teacher or room (issue 22 item 7:
 * the teacher's «Моё расписание» planned the whole school's week — ≈ 1,400 entries read and planned
 * — to keep a teacher's ≈ 20 lessons). planLessons plans each class on its own (a class's entries,
 * changes and holidays; substitutions by the lesson's own teacher, class and subject), so planning
 * only these classes gives the same lessons of the teacher or room as planning all. A teacher's
 * lesson comes from a template entry of theirs, a change naming them (REPLACE, MOVE, ADD) or moving
 * their entry, or a substitution naming them as substitute — of its class, or of every class of the
 * absent teacher (their entries and changes, as for the teacher). A room's: an entry in it, or a
 * change placing a lesson in it or moving a lesson of it. More classes than needed are harmless.
 */
export const WEEK_CLASSES_OF = rawStatement(
  { classId: col.int },
  (organisationId: number, kind: "teacher" | "room", id: number, from: string, to: string) => {
    const column = Prisma.raw(kind === "teacher" ? `"teacherId"` : `"roomId"`);
    const subs =
      kind === "teacher"
        ? Prisma.sql`SELECT s."originalId", s."classId" FROM "Substitution" s
                      WHERE s."organisationId" = ${organisationId} AND s."substituteId" = ${id}
                        AND s."dateFrom" <= ${to}::date AND s."dateTo" >= ${from}::date`
        : Prisma.sql`SELECT NULL::int AS "originalId", NULL::int AS "classId" WHERE false`;
    return Prisma.sql`
      WITH subs AS (${subs}),
      who AS (SELECT ${id}::int AS id UNION SELECT "originalId" FROM subs WHERE "classId" IS NULL)
      SELECT e."classId" FROM "TimetableEntry" e
       WHERE e."organisationId" = ${organisationId} AND e.${column} IN (SELECT id FROM who)
         AND e."validFrom" <= ${to}::date AND e."validTo" >= ${from}::date
      UNION
      SELECT c."classId" FROM "TimetableChange" c
        LEFT JOIN "TimetableEntry" e ON e."organisationId" = c."organisationId" AND e.id = c."entryId"
       WHERE c."organisationId" = ${organisationId}
         AND (c.date BETWEEN ${from}::date AND ${to}::date OR c."toDate" BETWEEN ${from}::date AND ${to}::date)
         AND (c.${column} IN (SELECT id FROM who) OR e.${column} IN (SELECT id FROM who))
      UNION
      SELECT "classId" FROM subs WHERE "classId" IS NOT NULL`;
  },
);

/** Planned lessons of [from, to] for a filter, with names and bell times. */
export async function weekLessons(
  organisationId: number,
  filter: WeekFilter,
  from: Date,
  to: Date,
): Promise<WeekLesson[]> {
  const classIds =
    filter.kind === "class"
      ? [filter.id]
      : (await WEEK_CLASSES_OF.run(db, organisationId, filter.kind, filter.id, isoDate(from), isoDate(to))).map(
          (r) => r.classId,
        );
  if (!classIds.length) return [];
  const input = await loadPlanInput(organisationId, from, to, classIds);
  const lessons = planLessons(input).filter((l) => matches(l, filter));
  if (!lessons.length) return [];
  const ids = (pick: (l: DesiredLesson) => number | null) => [
    ...new Set(lessons.map(pick).filter((v): v is number => v !== null)),
  ];
  const [classes, subjects, users, rooms, subgroups, book] = await Promise.all([
    db.classGroup.findMany({
      where: { organisationId, id: { in: ids((l) => l.classId) } },
      select: { id: true, name: true, bellScheduleId: true },
    }),
    db.subject.findMany({
      where: { organisationId, id: { in: ids((l) => l.subjectId) } },
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: { organisationId, id: { in: [...ids((l) => l.teacherId), ...ids((l) => l.substituteId)] } },
      select: { id: true, ...NAME_FIELDS },
    }),
    db.room.findMany({ where: { organisationId, id: { in: ids((l) => l.roomId) } }, select: { id: true, name: true } }),
    db.subgroup.findMany({
      where: { organisationId, id: { in: ids((l) => l.subgroupId) } },
      select: { id: true, name: true },
    }),
    bellBook(organisationId),
  ]);
  const classOf = new Map(classes.map((c) => [c.id, c]));
  const name = <T extends { id: number; name: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r.name]));
  const subjectName = name(subjects);
  const roomName = name(rooms);
  const subgroupName = name(subgroups);
  const userName = new Map(users.map((u) => [u.id, shortName(u)]));
  const entryTeacher = new Map(input.entries.map((e) => [e.id, e]));
  return lessons.map((l) => {
    const cls = classOf.get(l.classId);
    const bell = bellsOfClass(book, cls?.bellScheduleId ?? null).find((b) => b.number === l.bellNumber);
    const entry = l.entryId !== null ? entryTeacher.get(l.entryId) : undefined;
    const moved = !entry || entry.bellNumber !== l.bellNumber || entry.weekday !== (l.date.getUTCDay() || 7);
    return {
      key: `${l.classId}|${l.date.toISOString()}|${l.bellNumber}|${l.subjectId}|${l.subgroupId ?? 0}`,
      date: l.date,
      bellNumber: l.bellNumber,
      startTime: bell?.startTime ?? null,
      endTime: bell?.endTime ?? null,
      classId: l.classId,
      className: cls?.name ?? "",
      subgroupName: l.subgroupId !== null ? (subgroupName.get(l.subgroupId) ?? null) : null,
      subjectName: subjectName.get(l.subjectId) ?? "",
      teacherName: userName.get(l.teacherId) ?? "",
      substituteName: l.substituteId !== null ? (userName.get(l.substituteId) ?? null) : null,
      roomName: l.roomId !== null ? (roomName.get(l.roomId) ?? null) : null,
      cancelled: l.status === "CANCELLED",
      changed:
        moved ||
        !entry ||
        entry.subjectId !== l.subjectId ||
        entry.teacherId !== l.teacherId ||
        entry.roomId !== l.roomId,
      hours: l.hours,
    };
  });
}

/** Events between two instants: school-wide ones and those of the given classes. */
export async function eventsBetween(
  organisationId: number,
  from: Date,
  to: Date,
  classIds: readonly number[] | null,
): Promise<WeekEvent[]> {
  const rows = await db.schoolEvent.findMany({
    where: {
      organisationId,
      startsAt: { lt: to },
      OR: [{ endsAt: { gte: from } }, { endsAt: null, startsAt: { gte: from } }],
      ...(classIds ? { AND: [{ OR: [{ classId: null }, { classId: { in: [...classIds] } }] }] } : {}),
    },
    select: {
      id: true,
      title: true,
      description: true,
      startsAt: true,
      endsAt: true,
      place: true,
      class: { select: { name: true } },
    },
    orderBy: { startsAt: "asc" },
  });
  return rows.map((r) => ({ ...r, className: r.class?.name ?? null }));
}

/** Pickers of the views: classes of the current year, teachers, rooms. */
export async function viewPickers(organisationId: number) {
  const [classes, teachers, rooms] = await Promise.all([
    db.classGroup.findMany({
      where: { organisationId, year: { isCurrent: true } },
      select: { id: true, name: true, grade: true },
      orderBy: [{ grade: "asc" }, { name: "asc" }],
    }),
    db.user.findMany({
      where: { organisationId, isActive: true, roles: { some: { role: "TEACHER" } } },
      select: { id: true, ...NAME_FIELDS },
    }),
    db.room.findMany({ where: { organisationId }, select: { id: true, name: true } }),
  ]);
  return {
    classes: classes.map((c) => ({ id: c.id, name: c.name })),
    teachers: teachers.map((t) => ({ id: t.id, name: fullName(t) })).sort((a, b) => compareRu(a.name, b.name)),
    rooms: rooms.sort((a, b) => compareRuNumeric(a.name, b.name)),
  };
}

export type ViewPickers = Awaited<ReturnType<typeof viewPickers>>;

/** The bells of a class's schedule, or the default one, for the grid's rows. */
export async function bellRowsOf(organisationId: number, classId: number | null) {
  const book = await bellBook(organisationId);
  const cls = classId
    ? await db.classGroup.findUnique({
        where: { organisationId_id: { organisationId, id: classId } },
        select: { bellScheduleId: true },
      })
    : null;
  return bellsOfClass(book, cls?.bellScheduleId ?? null);
}

export async function classNameOf(organisationId: number, classId: number): Promise<string | null> {
  const c = await db.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: { name: true },
  });
  return c?.name ?? null;
}
