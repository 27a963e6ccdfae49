// SCH-2: date-specific changes (replace, cancel, move, add) and SCH-3: substitutions. A change
// is written with an announcement to the class's board (source «schedule», audience CLASS) and
// the class's lessons of the affected dates are regenerated at once, so the diary shows it.
// Neither touches a day of a closed period or a closed year (REC-1, REC-2: the one lock, kind
// «schedule», through frozenDays).
import { NAME_FIELDS, shortName } from "@/lib/people/names";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { auditChange } from "@/lib/audit/mutations";
import type { StoredScopeCheck } from "@/lib/access/stored";
import { formatDate, isoDate } from "@/lib/org/time";
import type { ChangeInput, SubstitutionInput } from "../schema";
import { frozenDays, regenerateLessonsIn, type GenerateReport } from "../lessons/mutations";
import { clubSlotsOnWeekday, inOrder, oneOffLessons } from "../timetable/data";
import { lockTimetable } from "../timetable/mutations";
import { lessonClubConflicts } from "../timetable/rules";
import { bellLabel } from "../week";
import { busyAt } from "./data";
import { cap, vocabulary, type Vocabulary } from "@/lib/org/vocabulary";

export type ChangeResult =
  | { ok: true; id: number; report: GenerateReport }
  | { ok: false; reason: "not_found" | "conflict" | "locked"; message: string };

class Refused extends Error {
  constructor(
    readonly reason: "not_found" | "conflict" | "locked",
    message: string,
  ) {
    super(message);
  }
}

/** The board's title of a change in the organisation's words (DAY-6, issue 22 round 24): «Отмена занятия». */
function kindTitle(kind: "REPLACE" | "CANCEL" | "MOVE" | "ADD", v: Vocabulary): string {
  if (kind === "ADD") return cap(v.extraLesson);
  return `${{ REPLACE: "Замена", CANCEL: "Отмена", MOVE: "Перенос" }[kind]} ${v.lesson.gen}`;
}

async function names(
  tx: Prisma.TransactionClient,
  organisationId: number,
  input: { subjectId: number | null; teacherId: number | null; roomId: number | null },
) {
  const [subject, teacher, room] = await inOrder([
    () =>
      input.subjectId
        ? tx.subject.findUnique({
            where: { organisationId_id: { organisationId, id: input.subjectId } },
            select: { name: true },
          })
        : null,
    () =>
      input.teacherId
        ? tx.user.findUnique({
            where: { organisationId_id: { organisationId, id: input.teacherId } },
            select: NAME_FIELDS,
          })
        : null,
    () =>
      input.roomId
        ? tx.room.findUnique({
            where: { organisationId_id: { organisationId, id: input.roomId } },
            select: { name: true },
          })
        : null,
  ]);
  if (input.subjectId && !subject) throw new Refused("not_found", "Предмет не найден");
  if (input.teacherId && !teacher) throw new Refused("not_found", "Учитель не найден");
  if (input.roomId && !room) throw new Refused("not_found", "Кабинет не найден");
  return { subject: subject?.name ?? null, teacher: teacher ? shortName(teacher) : null, room: room?.name ?? null };
}

export async function createTimetableChange(
  organisationId: number,
  actorId: number,
  input: ChangeInput,
  college: boolean,
  inScope?: StoredScopeCheck,
): Promise<ChangeResult> {
  try {
    return await db.$transaction(async (tx) => {
      // The timetable's lock: a club slot saved at the same moment sees this change, and this one the slot (PRG-2).
      await lockTimetable(tx, organisationId);
      const cls = await tx.classGroup.findUnique({
        where: { organisationId_id: { organisationId, id: input.classId } },
        select: { id: true, name: true, yearId: true },
      });
      if (!cls) throw new Refused("not_found", "Класс не найден");
      const frozen = await frozenDays(organisationId, [cls.id]);
      for (const d of [input.date, ...(input.kind === "MOVE" && input.toDate ? [input.toDate] : [])]) {
        const lock = frozen(cls.id, d);
        if (lock) throw new Refused("locked", lock.reason);
      }
      const entry = input.entryId
        ? await tx.timetableEntry.findUnique({
            where: { organisationId_id: { organisationId, id: input.entryId } },
            select: { classId: true, bellNumber: true, weekday: true, subject: { select: { name: true } } },
          })
        : null;
      if (entry) await inScope?.(tx, { kind: "class", classId: entry.classId }); // SEC-2
      if (input.entryId && (!entry || entry.classId !== cls.id))
        throw new Refused("not_found", "Урок расписания не найден");
      const n = await names(tx, organisationId, input);
      const change = await tx.timetableChange.create({
        data: {
          organisationId,
          kind: input.kind,
          date: input.date,
          classId: cls.id,
          entryId: input.entryId,
          subjectId: input.subjectId,
          teacherId: input.teacherId,
          roomId: input.roomId,
          bellNumber: input.bellNumber ?? entry?.bellNumber ?? null,
          toDate: input.kind === "MOVE" ? (input.toDate ?? input.date) : null,
          note: input.note || null,
          createdById: actorId,
        },
        select: { id: true, bellNumber: true, toDate: true },
      });
      const dates = [input.date, ...(change.toDate ? [change.toDate] : [])].sort((a, b) => a.getTime() - b.getTime());
      const report = await regenerateLessonsIn(tx, organisationId, actorId, {
        from: dates[0],
        to: dates[dates.length - 1],
        classIds: [cls.id],
      });
      const targetDate = change.toDate ?? input.date;
      if (input.kind !== "CANCEL" && change.bellNumber) {
        const clash = await busyAt(
          organisationId,
          { teacherId: input.teacherId, roomId: input.roomId },
          { date: targetDate, bellNumber: change.bellNumber, exceptClassId: cls.id },
          college,
          tx,
        );
        if (clash) throw new Refused("conflict", clash);
        // PRG-2: the lesson placed by the change must not meet a club session of its students (or its teacher, room).
        const [lesson] = await oneOffLessons(organisationId, { yearId: cls.yearId, changeId: change.id }, tx);
        if (lesson) {
          const clubs = await clubSlotsOnWeekday(organisationId, cls.yearId, lesson.weekday, tx);
          const clashes = lessonClubConflicts(lesson, clubs, college);
          if (clashes.length) throw new Refused("conflict", clashes.join("\n"));
        }
      }
      const v = vocabulary(college);
      const what = n.subject ?? entry?.subject.name ?? v.lesson.nom;
      const slot = `${formatDate(input.date)}, ${bellLabel(change.bellNumber ?? 0, college)}`;
      const body = [
        `${kindTitle(input.kind, v)}: ${what} (${slot}).`,
        input.kind === "MOVE"
          ? `Новое время: ${formatDate(targetDate)}, ${bellLabel(change.bellNumber ?? 0, college)}.`
          : "",
        n.teacher ? `${cap(v.teacher.nom)}: ${n.teacher}.` : "",
        n.room ? `Кабинет: ${n.room}.` : "",
        input.note,
      ]
        .filter(Boolean)
        .join(" ");
      await tx.announcement.create({
        data: {
          organisationId,
          authorId: actorId,
          title: `Изменение в расписании ${cls.name} на ${formatDate(input.date)}`,
          body,
          audience: "CLASS",
          classId: cls.id,
          source: "schedule",
          expiresAt: new Date(targetDate.getTime() + 86_400_000 * 2),
        },
      });
      await auditChange(tx, { organisationId, userId: actorId }, "timetable.change", ["TimetableChange", change.id], {
        kind: input.kind,
        classId: cls.id,
        date: isoDate(input.date),
      });
      return { ok: true as const, id: change.id, report };
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.reason, message: e.message };
    throw e;
  }
}

export type SubstitutionResult =
  | { ok: true; id: number; lessons: number }
  | { ok: false; reason: "not_found" | "conflict" | "locked"; message: string };

/**
 * SCH-3: a substitute for one lesson (`lessonId`) or for the original teacher's lessons in a
 * range of dates (optionally one class / subject). The affected lessons get `substituteId`,
 * which is exactly what the access gate admits the substitute's journal work by.
 */
export async function createSubstitution(
  organisationId: number,
  actorId: number,
  input: SubstitutionInput,
  college: boolean,
): Promise<SubstitutionResult> {
  try {
    return await db.$transaction(async (tx) => {
      const lesson = input.lessonId
        ? await tx.lesson.findUnique({
            where: { organisationId_id: { organisationId, id: input.lessonId } },
            select: { id: true, teacherId: true, classId: true, subjectId: true, date: true, status: true },
          })
        : null;
      if (input.lessonId && (!lesson || lesson.status !== "SCHEDULED"))
        throw new Refused("not_found", "Урок не найден или отменён");
      const substitute = await tx.user.findFirst({
        where: { organisationId, id: input.substituteId, isActive: true, roles: { some: { role: "TEACHER" } } },
        select: { id: true },
      });
      if (!substitute) throw new Refused("not_found", "Замещающий учитель не найден");
      const originalId = lesson?.teacherId ?? input.originalId;
      if (originalId === input.substituteId) throw new Refused("conflict", "Замещающий учитель совпадает с основным");
      const where: Prisma.LessonWhereInput = lesson
        ? { organisationId, id: lesson.id }
        : {
            organisationId,
            teacherId: originalId,
            status: "SCHEDULED",
            date: { gte: input.dateFrom, lte: input.dateTo },
            ...(input.classId ? { classId: input.classId } : {}),
            ...(input.subjectId ? { subjectId: input.subjectId } : {}),
          };
      const affected = await tx.lesson.findMany({
        where,
        select: {
          id: true,
          classId: true,
          date: true,
          bellNumber: true,
          class: { select: { name: true } },
          subject: { select: { name: true } },
        },
      });
      const frozen = await frozenDays(
        organisationId,
        affected.map((l) => l.classId),
      );
      for (const l of affected) {
        const lock = frozen(l.classId, l.date);
        if (lock) throw new Refused("locked", `${l.class.name}, ${formatDate(l.date)}: ${lock.reason}`);
      }
      for (const l of affected) {
        const clash = await busyAt(
          organisationId,
          { teacherId: input.substituteId },
          { date: l.date, bellNumber: l.bellNumber, exceptClassId: l.classId },
          college,
          tx,
        );
        if (clash) throw new Refused("conflict", clash);
      }
      const sub = await tx.substitution.create({
        data: {
          organisationId,
          originalId,
          substituteId: input.substituteId,
          classId: lesson?.classId ?? input.classId,
          subjectId: lesson?.subjectId ?? input.subjectId,
          dateFrom: lesson?.date ?? input.dateFrom,
          dateTo: lesson?.date ?? input.dateTo,
          note: input.note || null,
        },
        select: { id: true },
      });
      await tx.lesson.updateMany({
        where: { organisationId, id: { in: affected.map((l) => l.id) } },
        data: { substituteId: input.substituteId, substitutionId: sub.id },
      });
      const who = await tx.user.findUniqueOrThrow({
        where: { organisationId_id: { organisationId, id: input.substituteId } },
        select: NAME_FIELDS,
      });
      const byClass = new Map<number, typeof affected>();
      for (const l of affected) byClass.set(l.classId, [...(byClass.get(l.classId) ?? []), l]);
      for (const [classId, list] of byClass) {
        const lines = list
          .map((l) => `${formatDate(l.date)}, ${bellLabel(l.bellNumber, college)} — ${l.subject.name}`)
          .join("; ");
        await tx.announcement.create({
          data: {
            organisationId,
            authorId: actorId,
            audience: "CLASS",
            classId,
            source: "schedule",
            // DAY-6 (issue 22 round 24): a college's board reads «Замена преподавателя», «Занятия ведёт».
            title: `Замена ${vocabulary(college).teacher.gen} в ${list[0].class.name}`,
            body: `${cap(vocabulary(college).lesson.nomPl)} ведёт ${shortName(who)}: ${lines}.`,
          },
        });
      }
      await auditChange(tx, { organisationId, userId: actorId }, "substitution.create", ["Substitution", sub.id], {
        originalId,
        substituteId: input.substituteId,
        lessons: affected.map((l) => l.id),
      });
      return { ok: true as const, id: sub.id, lessons: affected.length };
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.reason, message: e.message };
    throw e;
  }
}
