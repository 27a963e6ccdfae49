// Writes of the weekly timetable (SCH-2): an entry is saved only when it has no conflict;
// the conflict check and the write run in one transaction under a per-organisation lock,
// so two schedulers cannot place the same teacher twice at once. A closed year's timetable is
// frozen for everyone (REC-2). DAY-1: in the same transaction the class's journal lessons are
// regenerated over the entry's old and new validity (the planner never touches a lesson holding
// data and reports it).
import { isoDate } from "@/lib/org/time";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { auditChange } from "@/lib/audit/mutations";
import type { StoredScopeCheck } from "@/lib/access/stored";
import type { EntryInput } from "../schema";
import { HOLDS_NO_DATA } from "../lessons/data";
import { regenerateLessonsIn, type GenerateReport } from "../lessons/mutations";
import {
  bellBook,
  bellSpan,
  classBrief,
  clubSlotsOnWeekday,
  entriesOnWeekday,
  entryNames,
  inOrder,
  loadsOfClass,
  yearOfClass,
} from "./data";
import { entryConflicts, regenerationRange, type SlotEntry } from "./rules";

import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";

/** REC-2: is the class's academic year closed (every write to it refused)? Reused by PRG-4's publication. */
export async function yearClosedOf(
  tx: Prisma.TransactionClient,
  organisationId: number,
  classId: number,
): Promise<boolean> {
  const c = await tx.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: { year: { select: { status: true } } },
  });
  return c?.year.status === "CLOSED";
}

/** The class's year of lessons is planned inside the transaction: more than Prisma's default 5 s on a busy server. */
const LONG_TX = { timeout: 60_000, maxWait: 20_000 };

const NOTHING: GenerateReport = { created: 0, updated: 0, deleted: 0, unchanged: 0, kept: [] };

/** Regenerates one class's lessons over the given validity ranges inside the year (DAY-1). */
async function regenerateClass(
  tx: Prisma.TransactionClient,
  organisationId: number,
  actorId: number,
  classId: number,
  ranges: { from: Date; to: Date }[],
): Promise<GenerateReport> {
  const year = await yearOfClass(organisationId, classId, tx);
  const range = year && regenerationRange(ranges, { from: year.startDate, to: year.endDate });
  if (!range) return NOTHING;
  return regenerateLessonsIn(tx, organisationId, actorId, { ...range, classIds: [classId] });
}

const TIMETABLE_LOCK = 4_202;

/**
 * The organisation's timetable lock for the transaction: every write that a clash check guards
 * (a timetable entry, a club's slot or member — PRG-2) takes it first, so two cannot pass at once.
 */
export async function lockTimetable(tx: Prisma.TransactionClient, organisationId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TIMETABLE_LOCK}::int4, ${organisationId}::int4)`;
}

export type SaveEntryResult =
  | { ok: true; id: number; lessons: GenerateReport }
  | { ok: false; reason: "not_found" | "invalid" | "conflict" | "locked"; messages: string[] };

export async function saveTimetableEntry(
  organisationId: number,
  actorId: number,
  input: EntryInput,
  college: boolean,
  inScope?: StoredScopeCheck,
): Promise<SaveEntryResult> {
  return db.$transaction(async (tx) => {
    await lockTimetable(tx, organisationId);
    let previous: { from: Date; to: Date } | null = null;
    const cls = await classBrief(organisationId, input.classId, tx);
    if (!cls) return { ok: false, reason: "not_found", messages: ["Класс не найден"] };
    if (await yearClosedOf(tx, organisationId, cls.id))
      return { ok: false, reason: "locked", messages: [YEAR_CLOSED_REASON] };
    if (input.entryId !== null) {
      const existing = await tx.timetableEntry.findUnique({
        where: { organisationId_id: { organisationId, id: input.entryId } },
        select: { classId: true, validFrom: true, validTo: true },
      });
      if (existing) previous = { from: existing.validFrom, to: existing.validTo };
      // SEC-2: the stored entry's class is authorised too, then it must be the submitted one.
      if (existing) await inScope?.(tx, { kind: "class", classId: existing.classId });
      if (!existing || existing.classId !== input.classId)
        return { ok: false, reason: "not_found", messages: ["Урок расписания не найден"] };
    }
    const names = await entryNames(organisationId, input, tx);
    const invalid: string[] = [];
    if (!names.subjectName) invalid.push("Предмет не найден");
    if (!names.teacherName) invalid.push("Учитель не найден");
    if (names.roomMissing) invalid.push("Кабинет не найден");
    if (input.subgroupId !== null && names.subgroup?.classId !== input.classId)
      invalid.push("Подгруппа не относится к этому классу");
    const book = await bellBook(organisationId, tx);
    const span = bellSpan(book, cls.bellScheduleId, input.bellNumber);
    if (span.start >= 10_000) invalid.push(`В расписании звонков класса нет ${input.bellNumber}-го урока`);
    if (invalid.length) return { ok: false, reason: "invalid", messages: invalid };

    const candidate: SlotEntry = {
      id: input.entryId,
      classId: cls.id,
      className: cls.name,
      subgroupId: input.subgroupId,
      subgroupName: names.subgroup?.name ?? null,
      subjectId: input.subjectId,
      subjectName: names.subjectName!,
      teacherId: input.teacherId,
      teacherName: names.teacherName!,
      roomId: input.roomId,
      roomName: names.roomName,
      weekday: input.weekday,
      bellNumber: input.bellNumber,
      ...span,
      validFrom: input.validFrom,
      validTo: input.validTo,
    };
    const [others, loads, clubs] = await inOrder([
      () => entriesOnWeekday(organisationId, cls.yearId, input.weekday, tx),
      () => loadsOfClass(organisationId, cls.id, tx),
      () => clubSlotsOnWeekday(organisationId, cls.yearId, input.weekday, tx),
    ]);
    const conflicts = entryConflicts(candidate, others, loads, college, clubs);
    if (conflicts.length) return { ok: false, reason: "conflict", messages: conflicts };

    const data = {
      classId: cls.id,
      subgroupId: input.subgroupId,
      subjectId: input.subjectId,
      teacherId: input.teacherId,
      roomId: input.roomId,
      weekday: input.weekday,
      bellNumber: input.bellNumber,
      hours: input.hours,
      validFrom: input.validFrom,
      validTo: input.validTo,
    };
    const saved =
      input.entryId === null
        ? await tx.timetableEntry.create({ data: { organisationId, ...data }, select: { id: true } })
        : await tx.timetableEntry.update({
            where: { organisationId_id: { organisationId, id: input.entryId } },
            data,
            select: { id: true },
          });
    await auditChange(
      tx,
      { organisationId, userId: actorId },
      input.entryId === null ? "timetable.create" : "timetable.update",
      ["TimetableEntry", saved.id],
      {
        ...data,
        validFrom: isoDate(data.validFrom),
        validTo: isoDate(data.validTo),
      },
    );
    const lessons = await regenerateClass(tx, organisationId, actorId, cls.id, [
      ...(previous ? [previous] : []),
      { from: input.validFrom, to: input.validTo },
    ]);
    return { ok: true, id: saved.id, lessons };
  }, LONG_TX);
}

export type DeleteEntryResult =
  { ok: true; closed: boolean; lessons: GenerateReport } | { ok: false; reason: "not_found" | "in_use" | "locked" };

/**
 * Removes an entry with its empty lessons. One whose lessons hold journal data (or that a timetable
 * change names) is closed instead (validTo = the day before `today`): its past lessons keep their
 * source, its empty lessons from today on go, and any of those holding data are kept and reported.
 */
export async function deleteTimetableEntry(
  organisationId: number,
  actorId: number,
  entryId: number,
  classId: number,
  today: Date,
  inScope?: StoredScopeCheck,
): Promise<DeleteEntryResult> {
  return db.$transaction(async (tx) => {
    const entry = await tx.timetableEntry.findUnique({
      where: { organisationId_id: { organisationId, id: entryId } },
      select: { classId: true, validFrom: true, validTo: true },
    });
    if (entry) await inScope?.(tx, { kind: "class", classId: entry.classId }); // SEC-2
    if (!entry || entry.classId !== classId) return { ok: false, reason: "not_found" };
    if (await yearClosedOf(tx, organisationId, classId)) return { ok: false, reason: "locked" };
    const [withData, changes] = await inOrder([
      () => tx.lesson.count({ where: { organisationId, entryId, NOT: HOLDS_NO_DATA } }),
      () => tx.timetableChange.count({ where: { organisationId, entryId } }),
    ]);
    const inUse = withData > 0 || changes > 0;
    let lessons: GenerateReport;
    if (inUse) {
      const yesterday = new Date(today.getTime() - 86_400_000);
      if (yesterday.getTime() < entry.validFrom.getTime()) return { ok: false, reason: "in_use" };
      await tx.timetableEntry.update({
        where: { organisationId_id: { organisationId, id: entryId } },
        data: { validTo: yesterday },
      });
      lessons = await regenerateClass(tx, organisationId, actorId, classId, [{ from: today, to: entry.validTo }]);
    } else {
      const removed = await tx.lesson.deleteMany({ where: { organisationId, entryId, ...HOLDS_NO_DATA } });
      lessons = { ...NOTHING, deleted: removed.count };
      await tx.timetableEntry.delete({ where: { organisationId_id: { organisationId, id: entryId } } });
    }
    await auditChange(
      tx,
      { organisationId, userId: actorId },
      inUse ? "timetable.close" : "timetable.delete",
      ["TimetableEntry", entryId],
      { lessonsDeleted: lessons.deleted, lessonsKept: lessons.kept.map((k) => k.lessonId) },
    );
    return { ok: true, closed: inUse, lessons };
  }, LONG_TX);
}
