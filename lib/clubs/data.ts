// PRG-2: reads of clubs, bound to the organisation (ACL-5).
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { db, rawStatement, type RowOf } from "@/lib/db";
import { col, jsonArray } from "@/lib/sql";
import { dateOnly, isoDate } from "@/lib/org/time";
import { Prisma } from "@/prisma/generated/prisma/client";
import { compareRu } from "@/lib/org/collation";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import type { AttendanceCodeName } from "@/lib/journal/rules";

export async function currentClubYear(organisationId: number) {
  return db.academicYear.findFirst({
    where: { organisationId, isCurrent: true },
    select: { id: true, name: true, status: true, startDate: true, endDate: true },
  });
}

/** ORG-2 settings of clubs: marks allowed (and the organisation's scale), open enrolment by the family. */
export async function clubSettings(organisationId: number) {
  const s = await db.organisationSettings.findUnique({
    where: { organisationId },
    select: { clubMarksAllowed: true, clubOpenEnrolment: true, minMark: true, maxMark: true },
  });
  return {
    marksAllowed: s?.clubMarksAllowed ?? ORG_SETTINGS_DEFAULTS.clubMarksAllowed,
    openEnrolment: s?.clubOpenEnrolment ?? ORG_SETTINGS_DEFAULTS.clubOpenEnrolment,
    minMark: s?.minMark ?? ORG_SETTINGS_DEFAULTS.minMark,
    maxMark: s?.maxMark ?? ORG_SETTINGS_DEFAULTS.maxMark,
  };
}

export type ClubRow = {
  id: number;
  name: string;
  leaderId: number;
  leaderName: string;
  members: number;
  slots: { weekday: number; start: number; end: number }[];
};

/** The clubs of a year: every one, or one leader's (scope «leader»). */
export async function listClubs(organisationId: number, yearId: number, leaderId: number | null): Promise<ClubRow[]> {
  const rows = await db.club.findMany({
    where: { organisationId, yearId, ...(leaderId !== null ? { leaderId } : {}) },
    select: {
      id: true,
      name: true,
      leaderId: true,
      leader: { select: NAME_FIELDS },
      _count: { select: { members: true } },
      slots: { select: { weekday: true, startMinute: true, endMinute: true }, orderBy: [{ weekday: "asc" }] },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      leaderId: r.leaderId,
      leaderName: shortName(r.leader),
      members: r._count.members,
      slots: r.slots.map((s) => ({ weekday: s.weekday, start: s.startMinute, end: s.endMinute })),
    }))
    .sort((a, b) => compareRu(a.name, b.name));
}

export type ClubMemberRow = { studentId: number; name: string; className: string };

/** A club with its year, leader, members, slots and КТП. */
export async function clubCard(organisationId: number, clubId: number) {
  const c = await db.club.findUnique({
    where: { organisationId_id: { organisationId, id: clubId } },
    select: {
      id: true,
      name: true,
      description: true,
      capacity: true,
      leaderId: true,
      leader: { select: NAME_FIELDS },
      year: { select: { id: true, name: true, status: true, startDate: true, endDate: true } },
      members: {
        select: {
          student: {
            select: {
              id: true,
              ...NAME_FIELDS,
              memberships: { where: { endDate: null }, select: { class: { select: { name: true, yearId: true } } } },
            },
          },
        },
      },
      slots: {
        select: {
          id: true,
          weekday: true,
          startMinute: true,
          endMinute: true,
          validFrom: true,
          validTo: true,
          room: { select: { name: true } },
        },
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      },
      planItems: { select: { position: true, topic: true, hours: true }, orderBy: { position: "asc" } },
    },
  });
  if (!c) return null;
  const members: ClubMemberRow[] = c.members
    .map(({ student: s }) => ({
      studentId: s.id,
      name: fullName(s),
      className: s.memberships.find((m) => m.class.yearId === c.year.id)?.class.name ?? "—",
    }))
    .sort((a, b) => compareRu(a.name, b.name));
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    capacity: c.capacity,
    leaderId: c.leaderId,
    leaderName: fullName(c.leader),
    year: c.year,
    members,
    slots: c.slots.map((s) => ({
      id: s.id,
      weekday: s.weekday,
      start: s.startMinute,
      end: s.endMinute,
      validFrom: s.validFrom,
      validTo: s.validTo,
      roomName: s.room?.name ?? null,
    })),
    plan: c.planItems,
  };
}
export type ClubCard = NonNullable<Awaited<ReturnType<typeof clubCard>>>;

/** Students of a year's classes (the member picker), grouped by class in the page. */
export async function studentsOfYear(organisationId: number, yearId: number) {
  const rows = await db.classMembership.findMany({
    where: { organisationId, endDate: null, class: { yearId } },
    select: {
      classId: true,
      class: { select: { name: true, grade: true } },
      student: { select: { id: true, ...NAME_FIELDS } },
    },
  });
  return rows.map((r) => ({
    studentId: r.student.id,
    name: fullName(r.student),
    classId: r.classId,
    className: r.class.name,
    grade: r.class.grade,
  }));
}

export type SessionRow = {
  id: number;
  date: Date;
  topic: string;
  cells: { studentId: number; code: AttendanceCodeName | null; mark: number | null }[];
};

export async function clubSessions(organisationId: number, clubId: number): Promise<SessionRow[]> {
  const rows = await db.clubSession.findMany({
    where: { organisationId, clubId },
    select: {
      id: true,
      date: true,
      topic: true,
      attendance: { select: { studentId: true, code: true, mark: true } },
    },
    orderBy: { date: "asc" },
  });
  return rows.map((r) => ({ id: r.id, date: r.date, topic: r.topic, cells: r.attendance }));
}

/** PRG-2: a student's clubs of the year with their slots and the sessions of [from, to] (the diary and the timetable). */
/**
 * PRG-2: the current year's clubs of a student with leader, slots (and room) and the sessions held in
 * [from, to] with the student's attendance — one statement (Prisma resolved member, club, leader,
 * slots, rooms, sessions and attendance as seven queries on every diary view).
 */
export const STUDENT_CLUBS = rawStatement(
  {
    clubId: col.int,
    clubName: col.text,
    lastName: col.text,
    firstName: col.text,
    middleName: col.text.nullable(),
    /** [{ weekday, start, end, validFrom, validTo, roomName }] by id, or null */
    slots: col.jsonArray,
    /** [{ date, topic, code, mark }] by date, or null */
    sessions: col.jsonArray,
  },
  (organisationId: number, studentId: number, from: Date, to: Date) => Prisma.sql`
    SELECT c.id AS "clubId", c.name AS "clubName", u."lastName", u."firstName", u."middleName",
           (SELECT json_agg(json_build_object('weekday', s.weekday, 'start', s."startMinute", 'end', s."endMinute",
                                              'validFrom', s."validFrom", 'validTo', s."validTo", 'roomName', r.name)
                            ORDER BY s.id)
              FROM "ClubSlot" s
              LEFT JOIN "Room" r ON r."organisationId" = s."organisationId" AND r.id = s."roomId"
             WHERE s."organisationId" = c."organisationId" AND s."clubId" = c.id) AS slots,
           (SELECT json_agg(json_build_object('date', cs.date, 'topic', cs.topic, 'code', a.code::text, 'mark', a.mark)
                            ORDER BY cs.date)
              FROM "ClubSession" cs
              LEFT JOIN "ClubAttendance" a
                ON a."organisationId" = cs."organisationId" AND a."sessionId" = cs.id AND a."studentId" = ${studentId}
             WHERE cs."organisationId" = c."organisationId" AND cs."clubId" = c.id
               AND cs.date >= ${isoDate(from)}::date AND cs.date <= ${isoDate(to)}::date) AS sessions
      FROM "ClubMember" m
      JOIN "Club" c ON c."organisationId" = m."organisationId" AND c.id = m."clubId"
      JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y."isCurrent"
      JOIN "User" u ON u."organisationId" = c."organisationId" AND u.id = c."leaderId"
     WHERE m."organisationId" = ${organisationId} AND m."studentId" = ${studentId}
     ORDER BY c.name, c.id`,
);

type ClubSlotJson = {
  weekday: number;
  start: number;
  end: number;
  validFrom: string;
  validTo: string;
  roomName: string | null;
};
type ClubSessionJson = { date: string; topic: string; code: AttendanceCodeName | null; mark: number | null };

export async function clubsOfStudent(organisationId: number, studentId: number, from: Date, to: Date) {
  return studentClubsOf(studentId, await STUDENT_CLUBS.run(db, organisationId, studentId, from, to));
}

/**
 * STUDENT_CLUBS' rows (or the same rows as json objects, the diary week reads them inside its own
 * statement: lib/diary/data.ts DIARY_WEEK) as the clubs' week takes them.
 */
export function studentClubsOf(studentId: number, rows: readonly RowOf<typeof STUDENT_CLUBS>[]) {
  return rows.map((r) => ({
    studentId,
    clubId: r.clubId,
    clubName: r.clubName,
    leaderName: shortName(r),
    slots: jsonArray<ClubSlotJson>(r.slots).map((s) => ({
      weekday: s.weekday,
      start: s.start,
      end: s.end,
      validFrom: dateOnly(s.validFrom),
      validTo: dateOnly(s.validTo),
      roomName: s.roomName,
    })),
    sessions: jsonArray<ClubSessionJson>(r.sessions).map((s) => ({
      date: dateOnly(s.date),
      topic: s.topic,
      code: s.code,
      mark: s.mark,
    })),
  }));
}

/** What the actions need of a club: its year (closed years are frozen) and its slots' days. */
export async function clubFacts(organisationId: number, clubId: number) {
  const c = await db.club.findUnique({
    where: { organisationId_id: { organisationId, id: clubId } },
    select: {
      id: true,
      yearId: true,
      leaderId: true,
      capacity: true,
      year: { select: { status: true, isCurrent: true, startDate: true, endDate: true } },
      slots: { select: { weekday: true, validFrom: true, validTo: true } },
      members: { select: { studentId: true } },
    },
  });
  return c
    ? {
        id: c.id,
        yearId: c.yearId,
        leaderId: c.leaderId,
        capacity: c.capacity,
        year: c.year,
        slots: c.slots,
        memberIds: c.members.map((m) => m.studentId),
      }
    : null;
}

/** Is the user an active teacher of the organisation (a club's leader is one)? */
export async function isActiveTeacher(organisationId: number, userId: number): Promise<boolean> {
  const n = await db.user.count({
    where: { organisationId, id: userId, isActive: true, roles: { some: { role: "TEACHER" } } },
  });
  return n > 0;
}

/**
 * PRG-2 / RPT-3: the clubs of a year (every one, or one leader's, or one club) with their current
 * members and the sessions held in [from, to] with every recorded cell — a former member's too, by name.
 */
export async function clubsForReport(
  organisationId: number,
  yearId: number,
  filter: { clubId: number | null; leaderId: number | null },
  from: Date,
  to: Date,
) {
  const person = { id: true, ...NAME_FIELDS } as const;
  const rows = await db.club.findMany({
    where: {
      organisationId,
      yearId,
      ...(filter.clubId !== null ? { id: filter.clubId } : {}),
      ...(filter.leaderId !== null ? { leaderId: filter.leaderId } : {}),
    },
    select: {
      id: true,
      name: true,
      leader: { select: NAME_FIELDS },
      members: { select: { student: { select: person } } },
      sessions: {
        where: { date: { gte: from, lte: to } },
        orderBy: { date: "asc" },
        select: {
          date: true,
          attendance: { select: { studentId: true, code: true, student: { select: person } } },
        },
      },
    },
  });
  const studentIds = new Set(
    rows.flatMap((r) => [
      ...r.members.map((m) => m.student.id),
      ...r.sessions.flatMap((s) => s.attendance.map((a) => a.studentId)),
    ]),
  );
  const classes = await db.classMembership.findMany({
    where: { organisationId, studentId: { in: [...studentIds] }, class: { yearId } },
    orderBy: { startDate: "asc" },
    select: { studentId: true, class: { select: { name: true } } },
  });
  const classOf = new Map(classes.map((c) => [c.studentId, c.class.name]));
  return rows
    .map((r) => {
      const names = new Map<number, string>();
      for (const m of r.members) names.set(m.student.id, fullName(m.student));
      for (const s of r.sessions) for (const a of s.attendance) names.set(a.studentId, fullName(a.student));
      return {
        id: r.id,
        name: r.name,
        leaderName: fullName(r.leader),
        memberIds: r.members.map((m) => m.student.id).sort((a, b) => compareRu(names.get(a)!, names.get(b)!)),
        sessions: r.sessions.map((s) => ({
          date: s.date,
          cells: s.attendance.map((a) => ({ studentId: a.studentId, code: a.code })),
        })),
        nameOf: (id: number) => names.get(id) ?? "",
        classOf: (id: number) => classOf.get(id) ?? "—",
      };
    })
    .sort((a, b) => compareRu(a.name, b.name));
}

/** The clubs' report's frame: the organisation's full name, the current year and, when asked, one of its periods. */
export async function clubReportFrame(organisationId: number, periodId: number | null) {
  const [org, year] = await Promise.all([
    db.organisation.findUnique({ where: { id: organisationId }, select: { name: true } }),
    currentClubYear(organisationId),
  ]);
  if (!org || !year) return null;
  const period =
    periodId === null
      ? null
      : await db.period.findFirst({
          where: { organisationId, yearId: year.id, id: periodId },
          select: { name: true, startDate: true, endDate: true },
        });
  return { orgName: org.name, year, period };
}

/** The periods of the current year for the report's picker. */
export async function clubReportPeriods(organisationId: number, yearId: number) {
  return db.period.findMany({
    where: { organisationId, yearId },
    orderBy: [{ kind: "asc" }, { number: "asc" }],
    select: { id: true, name: true, startDate: true, endDate: true },
  });
}

export type OpenClubRow = {
  id: number;
  name: string;
  description: string | null;
  leaderName: string;
  slots: { weekday: number; start: number; end: number; roomName: string | null }[];
  members: number;
  capacity: number | null;
  /** The student is a member. */
  enrolled: boolean;
};

/** PRG-2 open enrolment: the current year's clubs as a family sees them, with the student's own memberships. */
export async function openClubsFor(organisationId: number, yearId: number, studentId: number): Promise<OpenClubRow[]> {
  const rows = await db.club.findMany({
    where: { organisationId, yearId },
    select: {
      id: true,
      name: true,
      description: true,
      capacity: true,
      leader: { select: NAME_FIELDS },
      slots: {
        select: { weekday: true, startMinute: true, endMinute: true, room: { select: { name: true } } },
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      },
      _count: { select: { members: true } },
      members: { where: { studentId }, select: { studentId: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      leaderName: fullName(r.leader),
      slots: r.slots.map((s) => ({
        weekday: s.weekday,
        start: s.startMinute,
        end: s.endMinute,
        roomName: s.room?.name ?? null,
      })),
      members: r._count.members,
      capacity: r.capacity,
      enrolled: r.members.length > 0,
    }))
    .sort((a, b) => compareRu(a.name, b.name));
}
