// PRG-2: writes of clubs. A slot or a new member passes the timetable's clash check (lib/schedule)
// under the timetable's lock, inside the write's transaction: a student is never at a lesson and a
// club at once, nor at two clubs; a leader and a room are never in two places. Audited.
import { db } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors";
import { auditChange } from "@/lib/audit/mutations";
import { isoDate } from "@/lib/org/time";
import {
  clubPart,
  clubSlotsOnWeekday,
  entriesOnWeekday,
  inOrder,
  oneOffLessons,
  slotsOfClub,
  type Client,
} from "@/lib/schedule/timetable/data";
import { lockTimetable } from "@/lib/schedule/timetable/mutations";
import { clubSlotConflicts, type ClubSlotEntry } from "@/lib/schedule/timetable/rules";
import type { CellInput, PlanItem } from "./rules";
import type { ClubInput } from "./schema";

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };
const refuse = (code: ErrorCode, message: string) => ({ ok: false as const, code, message });

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === "P2002";
}

export async function saveClub(
  organisationId: number,
  actorId: number,
  yearId: number,
  input: ClubInput,
): Promise<Outcome<number>> {
  const data = {
    name: input.name,
    leaderId: input.leaderId,
    description: input.description,
    capacity: input.capacity ?? null,
  };
  try {
    return await db.$transaction(async (tx) => {
      const saved =
        input.clubId === undefined
          ? await tx.club.create({ data: { organisationId, yearId, ...data }, select: { id: true } })
          : await tx.club.update({
              where: { organisationId_id: { organisationId, id: input.clubId } },
              data,
              select: { id: true },
            });
      await auditChange(
        tx,
        { organisationId, userId: actorId },
        input.clubId === undefined ? "club.create" : "club.update",
        ["Club", saved.id],
        data,
      );
      return { ok: true as const, value: saved.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return refuse("CONFLICT", "Объединение с таким названием в этом году уже есть");
    throw e;
  }
}

/** The lessons of a weekday a club slot must not meet: the weekly timetable's and the one-off changes' (SCH-2). */
async function lessonsOnWeekday(organisationId: number, yearId: number, weekday: number, tx: Client) {
  const [weekly, oneOff] = await inOrder([
    () => entriesOnWeekday(organisationId, yearId, weekday, tx),
    () => oneOffLessons(organisationId, { yearId, weekday }, tx),
  ]);
  return [...weekly, ...oneOff];
}

/** A slot's candidate for the clash check with only some members (a joining one): not its leader or room again. */
function withMembersOnly(slot: ClubSlotEntry, studentIds: ReadonlySet<number>): ClubSlotEntry {
  return { ...slot, leaderId: 0, roomId: null, members: slot.members.filter((m) => studentIds.has(m.studentId)) };
}

/** Adds a student of the club's year; refused when one of the club's slots clashes with their lessons or clubs. */
export async function addMember(
  organisationId: number,
  actorId: number,
  club: { id: number; yearId: number },
  studentId: number,
  college: boolean,
  /** Open enrolment: the club's places (null = no limit), counted under the timetable's lock. */
  capacity: number | null = null,
): Promise<Outcome<null>> {
  return db
    .$transaction(async (tx) => {
      await lockTimetable(tx, organisationId);
      const inYear = await tx.classMembership.findFirst({
        where: { organisationId, studentId, endDate: null, class: { yearId: club.yearId } },
        select: { id: true },
      });
      if (!inYear) return refuse("INVALID_INPUT", "Ученик не учится в классах этого учебного года");
      const already = await tx.clubMember.findUnique({
        where: { organisationId_clubId_studentId: { organisationId, clubId: club.id, studentId } },
        select: { studentId: true },
      });
      if (already) return refuse("CONFLICT", "Ученик уже в объединении");
      if (capacity !== null && (await tx.clubMember.count({ where: { organisationId, clubId: club.id } })) >= capacity)
        return refuse("CONFLICT", "Свободных мест в объединении нет");
      await tx.clubMember.create({ data: { organisationId, clubId: club.id, studentId } });
      const only = new Set([studentId]);
      for (const slot of await slotsOfClub(organisationId, club.id, tx)) {
        const [lessons, clubs] = await inOrder([
          () => lessonsOnWeekday(organisationId, club.yearId, slot.weekday, tx),
          () => clubSlotsOnWeekday(organisationId, club.yearId, slot.weekday, tx),
        ]);
        const clashes = clubSlotConflicts(withMembersOnly(slot, only), lessons, clubs, college);
        if (clashes.length) throw new Clash(clashes);
      }
      await auditChange(tx, { organisationId, userId: actorId }, "club.member_add", ["Club", club.id], { studentId });
      return { ok: true as const, value: null };
    })
    .catch(asRefusal);
}

/** Thrown inside a transaction to roll it back with the clash messages. */
class Clash extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("; "));
  }
}

function asRefusal(e: unknown): Outcome<never> {
  if (e instanceof Clash) return refuse("CONFLICT", e.messages.join("\n"));
  throw e;
}

export async function removeMember(
  organisationId: number,
  actorId: number,
  clubId: number,
  studentId: number,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const removed = await tx.clubMember.deleteMany({ where: { organisationId, clubId, studentId } });
    if (removed.count === 0) return refuse("NOT_FOUND", "Ученик не состоит в объединении");
    await auditChange(tx, { organisationId, userId: actorId }, "club.member_remove", ["Club", clubId], { studentId });
    return { ok: true as const, value: null };
  });
}

export type SlotWrite = {
  weekday: number;
  start: number;
  end: number;
  roomId: number | null;
  validFrom: Date;
  validTo: Date;
};

/** Saves a weekly slot of a club when nothing clashes (the timetable's check, PRG-2). */
export async function saveSlot(
  organisationId: number,
  actorId: number,
  club: { id: number; yearId: number },
  slot: SlotWrite,
  college: boolean,
): Promise<Outcome<number>> {
  return db.$transaction(async (tx) => {
    await lockTimetable(tx, organisationId);
    const part = await clubPart(organisationId, club.id, tx);
    if (!part) return refuse("NOT_FOUND", "Объединение не найдено");
    const room =
      slot.roomId === null
        ? null
        : await tx.room.findUnique({
            where: { organisationId_id: { organisationId, id: slot.roomId } },
            select: { name: true },
          });
    if (slot.roomId !== null && !room) return refuse("INVALID_INPUT", "Кабинет не найден");
    const candidate: ClubSlotEntry = {
      id: null,
      ...part,
      roomId: slot.roomId,
      roomName: room?.name ?? null,
      weekday: slot.weekday,
      start: slot.start,
      end: slot.end,
      validFrom: slot.validFrom,
      validTo: slot.validTo,
    };
    const [lessons, clubs] = await inOrder([
      () => lessonsOnWeekday(organisationId, club.yearId, slot.weekday, tx),
      () => clubSlotsOnWeekday(organisationId, club.yearId, slot.weekday, tx),
    ]);
    const clashes = clubSlotConflicts(candidate, lessons, clubs, college);
    if (clashes.length) return refuse("CONFLICT", clashes.join("\n"));
    const data = {
      weekday: slot.weekday,
      startMinute: slot.start,
      endMinute: slot.end,
      roomId: slot.roomId,
      validFrom: slot.validFrom,
      validTo: slot.validTo,
    };
    const saved = await tx.clubSlot.create({
      data: { organisationId, clubId: club.id, ...data },
      select: { id: true },
    });
    await auditChange(tx, { organisationId, userId: actorId }, "club.slot_create", ["Club", club.id], {
      ...data,
      validFrom: isoDate(slot.validFrom),
      validTo: isoDate(slot.validTo),
    });
    return { ok: true as const, value: saved.id };
  });
}

export async function deleteSlot(
  organisationId: number,
  actorId: number,
  clubId: number,
  slotId: number,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const removed = await tx.clubSlot.deleteMany({ where: { organisationId, clubId, id: slotId } });
    if (removed.count === 0) return refuse("NOT_FOUND", "Занятие расписания не найдено");
    await auditChange(tx, { organisationId, userId: actorId }, "club.slot_delete", ["Club", clubId], { slotId });
    return { ok: true as const, value: null };
  });
}

/** Replaces the club's КТП with the typed topics. */
export async function savePlan(
  organisationId: number,
  actorId: number,
  clubId: number,
  items: readonly PlanItem[],
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.clubPlanItem.deleteMany({ where: { organisationId, clubId } });
    await tx.clubPlanItem.createMany({
      data: items.map((i, n) => ({ organisationId, clubId, position: n + 1, topic: i.topic, hours: i.hours })),
    });
    await auditChange(tx, { organisationId, userId: actorId }, "club.plan_save", ["Club", clubId], {
      topics: items.length,
    });
  });
}

/**
 * One session of the journal: its topic and every current member's attendance (and mark), written
 * whole; the cells of students who have since left the club are kept as they were.
 */
export async function saveSession(
  organisationId: number,
  actorId: number,
  clubId: number,
  date: Date,
  topic: string,
  cells: readonly CellInput[],
): Promise<number> {
  return db.$transaction(async (tx) => {
    const session = await tx.clubSession.upsert({
      where: { organisationId_clubId_date: { organisationId, clubId, date } },
      create: { organisationId, clubId, date, topic, updatedById: actorId },
      update: { topic, updatedById: actorId },
      select: { id: true },
    });
    // Only the posted members' cells are rewritten: a former member's past marks stay (PRG-2, RPT-3).
    await tx.clubAttendance.deleteMany({
      where: { organisationId, sessionId: session.id, studentId: { in: cells.map((c) => c.studentId) } },
    });
    const rows = cells.filter((c) => c.code !== null || c.mark !== null);
    await tx.clubAttendance.createMany({
      data: rows.map((c) => ({
        organisationId,
        sessionId: session.id,
        studentId: c.studentId,
        code: c.code,
        mark: c.mark,
      })),
    });
    await auditChange(tx, { organisationId, userId: actorId }, "club.session_save", ["ClubSession", session.id], {
      clubId,
      date: isoDate(date),
      topic,
      cells: rows,
    });
    return session.id;
  });
}
