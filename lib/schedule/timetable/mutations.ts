// Writes of the weekly timetable (SCH-2): an entry is saved only when it has no conflict;
// the conflict check and the write run in one transaction under a per-organisation lock,
// so two schedulers cannot place the same teacher twice at once. A closed year's timetable is
// frozen for everyone (REC-2).
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import type { StoredScopeCheck } from "@/lib/access/stored";
import type { EntryInput } from "../schema";
import { bellBook, bellSpan, classBrief, entriesOnWeekday, entryNames, inOrder, loadsOfClass } from "./data";
import { entryConflicts, type SlotEntry } from "./rules";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function yearClosedOf(tx: Tx, organisationId: number, classId: number): Promise<boolean> {
  const c = await tx.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: { year: { select: { status: true } } },
  });
  return c?.year.status === "CLOSED";
}

const TIMETABLE_LOCK = 4_202;

export type SaveEntryResult =
  { ok: true; id: number } | { ok: false; reason: "not_found" | "invalid" | "conflict" | "locked"; messages: string[] };

export async function saveTimetableEntry(
  organisationId: number,
  actorId: number,
  input: EntryInput,
  college: boolean,
  inScope?: StoredScopeCheck,
): Promise<SaveEntryResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TIMETABLE_LOCK}::int4, ${organisationId}::int4)`;
    const cls = await classBrief(organisationId, input.classId, tx);
    if (!cls) return { ok: false, reason: "not_found", messages: ["Класс не найден"] };
    if (await yearClosedOf(tx, organisationId, cls.id))
      return { ok: false, reason: "locked", messages: [YEAR_CLOSED_REASON] };
    if (input.entryId !== null) {
      const existing = await tx.timetableEntry.findUnique({
        where: { organisationId_id: { organisationId, id: input.entryId } },
        select: { classId: true },
      });
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
    const [others, loads] = await inOrder([
      () => entriesOnWeekday(organisationId, cls.yearId, input.weekday, tx),
      () => loadsOfClass(organisationId, cls.id, tx),
    ]);
    const conflicts = entryConflicts(candidate, others, loads, college);
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
    await recordAudit(tx, {
      organisationId,
      userId: actorId,
      action: input.entryId === null ? "timetable.create" : "timetable.update",
      entity: "TimetableEntry",
      entityId: String(saved.id),
      details: {
        ...data,
        validFrom: data.validFrom.toISOString().slice(0, 10),
        validTo: data.validTo.toISOString().slice(0, 10),
      },
    });
    return { ok: true, id: saved.id };
  });
}

export type DeleteEntryResult = { ok: true } | { ok: false; reason: "not_found" | "in_use" | "locked" };

/** Removes an entry. One that already produced journal lessons is closed instead (validTo = the day before `today`), so its lessons keep their source. */
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
      select: { classId: true, validFrom: true, _count: { select: { lessons: true } } },
    });
    if (entry) await inScope?.(tx, { kind: "class", classId: entry.classId }); // SEC-2
    if (!entry || entry.classId !== classId) return { ok: false, reason: "not_found" };
    if (await yearClosedOf(tx, organisationId, classId)) return { ok: false, reason: "locked" };
    const inUse =
      entry._count.lessons > 0 || (await tx.timetableChange.count({ where: { organisationId, entryId } })) > 0;
    if (inUse) {
      const yesterday = new Date(today.getTime() - 86_400_000);
      if (yesterday.getTime() < entry.validFrom.getTime()) return { ok: false, reason: "in_use" };
      await tx.timetableEntry.update({
        where: { organisationId_id: { organisationId, id: entryId } },
        data: { validTo: yesterday },
      });
    } else {
      await tx.timetableEntry.delete({ where: { organisationId_id: { organisationId, id: entryId } } });
    }
    await recordAudit(tx, {
      organisationId,
      userId: actorId,
      action: inUse ? "timetable.close" : "timetable.delete",
      entity: "TimetableEntry",
      entityId: String(entryId),
    });
    return { ok: true };
  });
}
