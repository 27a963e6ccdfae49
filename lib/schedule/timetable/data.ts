// Reads of the weekly timetable (SCH-1, SCH-2). Every query is bound to the organisation (ACL-5).
import { NAME_FIELDS, shortName } from "@/lib/people/names";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { isoWeekday } from "@/lib/org/time";
import { minutesOf } from "../week";
import type { ClubMemberRef, ClubSlotEntry, LoadRef, NamedEntry, SlotEntry } from "./rules";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";

export type Client = typeof db | Prisma.TransactionClient;

/** Runs reads one after another: an interactive transaction's connection takes one query at a time. */
export async function inOrder<T extends readonly (() => unknown)[]>(
  thunks: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const thunk of thunks) out.push(await thunk());
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

export type ClassBrief = { id: number; name: string; grade: number; yearId: number; bellScheduleId: number | null };

export async function classBrief(
  organisationId: number,
  classId: number,
  client: Client = db,
): Promise<ClassBrief | null> {
  return client.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: { id: true, name: true, grade: true, yearId: true, bellScheduleId: true },
  });
}

export type BellRow = { scheduleId: number; number: number; startTime: string; endTime: string };

export type BellBook = { defaultScheduleId: number | null; bells: BellRow[] };

export async function bellBook(organisationId: number, client: Client = db): Promise<BellBook> {
  const [schedules, bells] = await inOrder([
    () =>
      client.bellSchedule.findMany({
        where: { organisationId },
        select: { id: true, isDefault: true },
        orderBy: { id: "asc" },
      }),
    () =>
      client.bell.findMany({
        where: { organisationId },
        select: { scheduleId: true, number: true, startTime: true, endTime: true },
        orderBy: { number: "asc" },
      }),
  ]);
  return { defaultScheduleId: (schedules.find((s) => s.isDefault) ?? schedules[0])?.id ?? null, bells };
}

/** The bells of a class: its own schedule or the organisation's default. */
export function bellsOfClass(book: BellBook, bellScheduleId: number | null): BellRow[] {
  const id = bellScheduleId ?? book.defaultScheduleId;
  return book.bells.filter((b) => b.scheduleId === id);
}

/** Start and end minutes of a bell; an unknown bell sorts after the day (it meets only the same number). */
export function bellSpan(
  book: BellBook,
  bellScheduleId: number | null,
  bellNumber: number,
): { start: number; end: number } {
  const bell = bellsOfClass(book, bellScheduleId).find((b) => b.number === bellNumber);
  const start = bell ? minutesOf(bell.startTime) : null;
  const end = bell ? minutesOf(bell.endTime) : null;
  return start !== null && end !== null
    ? { start, end }
    : { start: 10_000 + bellNumber * 10, end: 10_000 + bellNumber * 10 + 5 };
}

/** A timetable entry's own columns (one select for every reader of entries). */
export const entryColumns = {
  id: true,
  classId: true,
  subgroupId: true,
  subjectId: true,
  teacherId: true,
  roomId: true,
  weekday: true,
  bellNumber: true,
  hours: true,
  validFrom: true,
  validTo: true,
} satisfies Prisma.TimetableEntrySelect;

/** A date-specific change's own columns (SCH-2): its day (and the day a move goes to), class, slot and who/where. */
export const changeColumns = {
  date: true,
  toDate: true,
  classId: true,
  entryId: true,
  subjectId: true,
  teacherId: true,
  roomId: true,
  bellNumber: true,
} satisfies Prisma.TimetableChangeSelect;

/** Changes that touch the days `from`…`to`: dated there, or moving a lesson there. */
export function changeMeets(from: Date, to: Date) {
  return { OR: [{ date: { gte: from, lte: to } }, { toDate: { gte: from, lte: to } }] };
}

/** The entry's columns with the names the pages show; `namedEntry` maps a row of it. */
export const namedEntrySelect = {
  ...entryColumns,
  class: { select: { name: true } },
  subgroup: { select: { name: true } },
  subject: { select: { name: true } },
  teacher: { select: NAME_FIELDS },
  room: { select: { name: true } },
} satisfies Prisma.TimetableEntrySelect;

export function namedEntry(e: Prisma.TimetableEntryGetPayload<{ select: typeof namedEntrySelect }>): NamedEntry {
  return {
    classId: e.classId,
    className: e.class.name,
    subgroupId: e.subgroupId,
    subgroupName: e.subgroup?.name ?? null,
    subjectId: e.subjectId,
    subjectName: e.subject.name,
    teacherId: e.teacherId,
    teacherName: shortName(e.teacher),
    roomId: e.roomId,
    roomName: e.room?.name ?? null,
    weekday: e.weekday,
    bellNumber: e.bellNumber,
  };
}

const entrySelect = {
  ...namedEntrySelect,
  class: { select: { name: true, bellScheduleId: true } },
} satisfies Prisma.TimetableEntrySelect;

type EntryRow = Prisma.TimetableEntryGetPayload<{ select: typeof entrySelect }>;

export function toSlotEntry(e: EntryRow, book: BellBook): SlotEntry {
  return {
    id: e.id,
    ...namedEntry(e),
    ...bellSpan(book, e.class.bellScheduleId, e.bellNumber),
    validFrom: e.validFrom,
    validTo: e.validTo,
  };
}

export type TimetableEntryView = SlotEntry & { hours: number };

/** Entries of a year's classes on one weekday (the candidates for a clash). */
export async function entriesOnWeekday(
  organisationId: number,
  yearId: number,
  weekday: number,
  client: Client = db,
): Promise<SlotEntry[]> {
  const [rows, book] = await inOrder([
    () =>
      client.timetableEntry.findMany({ where: { organisationId, weekday, class: { yearId } }, select: entrySelect }),
    () => bellBook(organisationId, client),
  ]);
  return rows.map((r) => toSlotEntry(r, book));
}

/** Timetable entries matching a filter (a class, a teacher or a room) valid on some day of [from, to]. */
export async function entriesFor(
  organisationId: number,
  filter: { classId?: number; teacherId?: number; roomId?: number },
  from: Date,
  to: Date,
): Promise<TimetableEntryView[]> {
  const [rows, book] = await inOrder([
    () =>
      db.timetableEntry.findMany({
        where: { organisationId, ...filter, validFrom: { lte: to }, validTo: { gte: from } },
        select: entrySelect,
        orderBy: [{ weekday: "asc" }, { bellNumber: "asc" }, { subgroupId: "asc" }],
      }),
    () => bellBook(organisationId),
  ]);
  return rows.map((r) => ({ ...toSlotEntry(r, book), hours: Number(r.hours) }));
}

const clubPartSelect = {
  id: true,
  name: true,
  yearId: true,
  leaderId: true,
  leader: { select: NAME_FIELDS },
  members: {
    select: {
      student: {
        select: {
          id: true,
          ...NAME_FIELDS,
          memberships: { where: { endDate: null }, select: { classId: true, class: { select: { yearId: true } } } },
          subgroups: { select: { subgroupId: true } },
        },
      },
    },
  },
} satisfies Prisma.ClubSelect;

const clubSlotSelect = {
  id: true,
  weekday: true,
  startMinute: true,
  endMinute: true,
  roomId: true,
  validFrom: true,
  validTo: true,
  room: { select: { name: true } },
  club: { select: clubPartSelect },
} satisfies Prisma.ClubSlotSelect;

type ClubPartRow = Prisma.ClubGetPayload<{ select: typeof clubPartSelect }>;
type ClubSlotRow = Prisma.ClubSlotGetPayload<{ select: typeof clubSlotSelect }>;

/** A club's side of a clash: its name, leader and members (each with their class of the club's year). */
export type ClubPart = Pick<ClubSlotEntry, "clubId" | "clubName" | "leaderId" | "leaderName" | "members">;

function toClubPart(c: ClubPartRow): ClubPart {
  return {
    clubId: c.id,
    clubName: c.name,
    leaderId: c.leaderId,
    leaderName: shortName(c.leader),
    members: c.members.map(({ student: s }): ClubMemberRef => ({
      studentId: s.id,
      name: shortName(s),
      classId: s.memberships.find((m) => m.class.yearId === c.yearId)?.classId ?? null,
      subgroupIds: s.subgroups.map((g) => g.subgroupId),
    })),
  };
}

function toClubSlotEntry(r: ClubSlotRow): ClubSlotEntry {
  return {
    id: r.id,
    ...toClubPart(r.club),
    roomId: r.roomId,
    roomName: r.room?.name ?? null,
    weekday: r.weekday,
    start: r.startMinute,
    end: r.endMinute,
    validFrom: r.validFrom,
    validTo: r.validTo,
  };
}

/** PRG-2: one club's side of a clash (a new slot or a new member is checked with it). */
export async function clubPart(organisationId: number, clubId: number, client: Client = db): Promise<ClubPart | null> {
  const c = await client.club.findUnique({
    where: { organisationId_id: { organisationId, id: clubId } },
    select: clubPartSelect,
  });
  return c ? toClubPart(c) : null;
}

/** PRG-2: a club's own slots (each a candidate when a member joins). */
export async function slotsOfClub(
  organisationId: number,
  clubId: number,
  client: Client = db,
): Promise<ClubSlotEntry[]> {
  const rows = await client.clubSlot.findMany({
    where: { organisationId, clubId },
    select: clubSlotSelect,
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
  });
  return rows.map(toClubSlotEntry);
}

/** PRG-2: club slots of a year on one weekday, with leaders and members (the other side of a clash). */
export async function clubSlotsOnWeekday(
  organisationId: number,
  yearId: number,
  weekday: number,
  client: Client = db,
): Promise<ClubSlotEntry[]> {
  const rows = await client.clubSlot.findMany({
    where: { organisationId, weekday, club: { yearId } },
    select: clubSlotSelect,
    orderBy: [{ startMinute: "asc" }, { id: "asc" }],
  });
  return rows.map(toClubSlotEntry);
}

export async function loadsOfClass(organisationId: number, classId: number, client: Client = db): Promise<LoadRef[]> {
  return client.teacherLoad.findMany({
    where: { organisationId, classId },
    select: { teacherId: true, classId: true, subjectId: true, subgroupId: true },
  });
}

export type NamedRef = { id: number; name: string };

/** What the grid's forms offer for a class: subjects and teachers from its load, subgroups, rooms. */
export async function classFormOptions(organisationId: number, classId: number) {
  const [loads, subgroups, rooms] = await Promise.all([
    db.teacherLoad.findMany({
      where: { organisationId, classId },
      select: {
        subgroupId: true,
        subject: { select: { id: true, name: true } },
        teacher: { select: { id: true, ...NAME_FIELDS } },
      },
    }),
    db.subgroup.findMany({
      where: { organisationId, classId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.room.findMany({ where: { organisationId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const subjects = new Map<number, string>();
  const teachers = new Map<number, string>();
  for (const l of loads) {
    subjects.set(l.subject.id, l.subject.name);
    teachers.set(l.teacher.id, shortName(l.teacher));
  }
  const sortRu = (m: Map<number, string>): NamedRef[] =>
    [...m].map(([id, name]) => ({ id, name })).sort((a, b) => compareRu(a.name, b.name));
  return {
    subjects: sortRu(subjects),
    teachers: sortRu(teachers),
    subgroups,
    rooms: rooms.sort((a, b) => compareRuNumeric(a.name, b.name)),
  };
}

export type ClassFormOptions = Awaited<ReturnType<typeof classFormOptions>>;

/** Names for a new entry that is not stored yet. */
export async function entryNames(
  organisationId: number,
  ids: { subjectId: number; teacherId: number; roomId: number | null; subgroupId: number | null },
  client: Client = db,
) {
  const [subject, teacher, room, subgroup] = await inOrder([
    () =>
      client.subject.findUnique({
        where: { organisationId_id: { organisationId, id: ids.subjectId } },
        select: { name: true },
      }),
    () =>
      client.user.findUnique({
        where: { organisationId_id: { organisationId, id: ids.teacherId } },
        select: NAME_FIELDS,
      }),
    () =>
      ids.roomId === null
        ? null
        : client.room.findUnique({
            where: { organisationId_id: { organisationId, id: ids.roomId } },
            select: { name: true },
          }),
    () =>
      ids.subgroupId === null
        ? null
        : client.subgroup.findUnique({
            where: { organisationId_id: { organisationId, id: ids.subgroupId } },
            select: { name: true, classId: true },
          }),
  ]);
  return {
    subjectName: subject?.name ?? null,
    teacherName: teacher ? shortName(teacher) : null,
    roomName: room?.name ?? null,
    roomMissing: ids.roomId !== null && !room,
    subgroup,
  };
}

/** The academic year of a class (for the default validity of new entries). */
export async function yearOfClass(organisationId: number, classId: number, client: Client = db) {
  const c = await client.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: {
      name: true,
      periodKind: true,
      year: {
        select: {
          startDate: true,
          endDate: true,
          periods: { select: { kind: true, startDate: true, endDate: true }, orderBy: { startDate: "asc" } },
        },
      },
    },
  });
  if (!c) return null;
  return {
    className: c.name,
    startDate: c.year.startDate,
    endDate: c.year.endDate,
    /** The class's own periods (quarters, half-years or semesters) in order. */
    periods: c.year.periods.filter((p) => p.kind === c.periodKind),
  };
}

/**
 * PRG-2 + SCH-2: the one-off changes that put a lesson somewhere (ADD, MOVE, REPLACE with a bell) as
 * one-day entries on their target date (a MOVE's new date) — of a year on one weekday (the other side
 * of a club slot's clash), or one change (a new change checked against the clubs). Subject, teacher,
 * room and subgroup are the change's, else its timetable entry's.
 */
export async function oneOffLessons(
  organisationId: number,
  where: { yearId: number; weekday?: number; changeId?: number },
  client: Client = db,
): Promise<SlotEntry[]> {
  const person = { select: NAME_FIELDS } as const;
  const [rows, book] = await inOrder([
    () =>
      client.timetableChange.findMany({
        where: {
          organisationId,
          kind: { not: "CANCEL" },
          bellNumber: { not: null },
          class: { yearId: where.yearId },
          ...(where.changeId !== undefined ? { id: where.changeId } : {}),
        },
        select: {
          ...changeColumns,
          class: { select: { name: true, bellScheduleId: true } },
          subject: { select: { name: true } },
          teacher: person,
          room: { select: { name: true } },
        },
        orderBy: { id: "asc" },
      }),
    () => bellBook(organisationId, client),
  ]);
  const dated = rows
    .map((r) => ({ r, day: r.toDate ?? r.date }))
    .filter((x) => where.weekday === undefined || isoWeekday(x.day) === where.weekday);
  const entryIds = [...new Set(dated.flatMap((x) => (x.r.entryId !== null ? [x.r.entryId] : [])))];
  const entries = entryIds.length
    ? await client.timetableEntry.findMany({
        where: { organisationId, id: { in: entryIds } },
        select: namedEntrySelect,
      })
    : [];
  const byId = new Map(entries.map((e) => [e.id, namedEntry(e)]));
  return dated.flatMap(({ r, day }): SlotEntry[] => {
    const e = r.entryId !== null ? byId.get(r.entryId) : undefined;
    const subjectId = r.subjectId ?? e?.subjectId;
    const teacherId = r.teacherId ?? e?.teacherId;
    if (subjectId === undefined || teacherId === undefined || r.bellNumber === null) return [];
    return [
      {
        id: null,
        classId: r.classId,
        className: r.class.name,
        subgroupId: e?.subgroupId ?? null,
        subgroupName: e?.subgroupName ?? null,
        subjectId,
        subjectName: r.subject?.name ?? e?.subjectName ?? "",
        teacherId,
        teacherName: r.teacher ? shortName(r.teacher) : (e?.teacherName ?? ""),
        roomId: r.roomId ?? e?.roomId ?? null,
        roomName: r.room?.name ?? e?.roomName ?? null,
        weekday: isoWeekday(day),
        bellNumber: r.bellNumber,
        ...bellSpan(book, r.class.bellScheduleId, r.bellNumber),
        validFrom: day,
        validTo: day,
        date: day,
      },
    ];
  });
}
