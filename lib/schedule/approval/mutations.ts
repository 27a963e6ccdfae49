// PRG-3: submitting, approving and returning timetable versions. Approval generates the lessons of
// the classes the version brings under approval for the whole year (DAY-1), in the same
// transaction; a return keeps the director's comment for the scheduler. Both are audited.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { regenerateLessonsIn, type GenerateReport } from "../lessons/mutations";
import { approvedClassIds, currentYear, yearSnapshot } from "./data";
import { submitRefusal } from "./rules";

const LONG_TX = { timeout: 120_000, maxWait: 20_000 };
const APPROVAL_LOCK = 4_203;

export type SubmitResult = { ok: true; id: number; number: number } | { ok: false; message: string };

export async function submitTimetableVersion(
  organisationId: number,
  actorId: number,
  note: string,
): Promise<SubmitResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${APPROVAL_LOCK}::int4, ${organisationId}::int4)`;
    const year = await currentYear(organisationId, tx);
    if (!year) return { ok: false, message: "Нет текущего учебного года" };
    if (year.status === "CLOSED") return { ok: false, message: "Учебный год закрыт" };
    const versions = await tx.timetableVersion.findMany({
      where: { organisationId, yearId: year.id },
      select: { number: true, status: true },
    });
    const refusal = submitRefusal(versions);
    if (refusal) return { ok: false, message: refusal };
    const snapshot = await yearSnapshot(organisationId, year.id, tx);
    if (!snapshot.length) return { ok: false, message: "В расписании года нет ни одного урока" };
    const number = Math.max(0, ...versions.map((v) => v.number)) + 1;
    const created = await tx.timetableVersion.create({
      data: {
        organisationId,
        yearId: year.id,
        number,
        snapshot,
        classIds: [...new Set(snapshot.map((e) => e.classId))],
        note: note || null,
        submittedById: actorId,
      },
      select: { id: true },
    });
    await auditChange(tx, { organisationId, userId: actorId }, "timetable.submit", ["TimetableVersion", created.id], {
      yearId: year.id,
      number,
      entries: snapshot.length,
    });
    return { ok: true, id: created.id, number };
  }, LONG_TX);
}

export type DecideResult =
  | { ok: true; number: number; lessons: GenerateReport | null }
  | { ok: false; reason: "not_found" | "decided"; message: string };

export async function decideTimetableVersion(
  organisationId: number,
  actorId: number,
  versionId: number,
  decision: { approve: true } | { approve: false; comment: string },
  now: Date,
): Promise<DecideResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${APPROVAL_LOCK}::int4, ${organisationId}::int4)`;
    const version = await tx.timetableVersion.findUnique({
      where: { organisationId_id: { organisationId, id: versionId } },
      select: {
        number: true,
        status: true,
        classIds: true,
        year: { select: { id: true, startDate: true, endDate: true } },
      },
    });
    if (!version) return { ok: false, reason: "not_found", message: "Версия расписания не найдена" };
    if (version.status !== "SUBMITTED")
      return {
        ok: false,
        reason: "decided",
        message: `Версия ${version.number} уже ${version.status === "APPROVED" ? "утверждена" : "возвращена"}`,
      };
    const before = decision.approve ? await approvedClassIds(organisationId, tx) : new Set<number>();
    await tx.timetableVersion.update({
      where: { organisationId_id: { organisationId, id: versionId } },
      data: {
        status: decision.approve ? "APPROVED" : "RETURNED",
        comment: decision.approve ? null : decision.comment,
        decidedById: actorId,
        decidedAt: now,
      },
    });
    await auditChange(
      tx,
      { organisationId, userId: actorId },
      decision.approve ? "timetable.approve" : "timetable.return",
      ["TimetableVersion", versionId],
      { number: version.number, ...(decision.approve ? {} : { comment: decision.comment }) },
    );
    if (!decision.approve) return { ok: true, number: version.number, lessons: null };
    // The classes approved for the first time get their year of lessons now; the others were
    // regenerated on every edit already.
    const fresh = version.classIds.filter((id) => !before.has(id));
    const lessons = fresh.length
      ? await regenerateLessonsIn(tx, organisationId, actorId, {
          from: version.year.startDate,
          to: version.year.endDate,
          classIds: fresh,
        })
      : null;
    return { ok: true, number: version.number, lessons };
  }, LONG_TX);
}
