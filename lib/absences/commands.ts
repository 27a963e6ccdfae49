// The write flows of absences (DUT-3) and parents' notices (DUT-4) after the gate admitted the
// permission: the stored row's scope is authorised as well as the submitted student, the rules and
// the one lock decision decide, one transaction writes (absence, cells, history, audit), then the
// pushes go. Called by the server actions, the daily job and the tests (with `now` passed in).
import { authorize, type Actor } from "@/lib/access/authorize";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { todayIn } from "@/lib/org/time";
import { deleteFile, putFile } from "@/lib/storage/files";
import { checkFile } from "@/lib/storage/rules";
import { notify } from "@/lib/push/send";
import { absencePayload, noticeAnswerPayload } from "@/lib/push/rules";
import {
  absenceById,
  noticeClassTeachers,
  noticeFor,
  overlappingAbsences,
  studentLessons,
  studentNames,
  type StudentLesson,
} from "./data";
import { syncAbsence, type AbsenceFacts } from "./mutations";
import { NOTICE_DOCUMENT, noticeRangeProblem, rangeText, type AbsenceReason } from "./rules";
import type { AbsenceCreate, AbsenceUpdate, NoticeCreate, NoticeDecision } from "./schema";

export type AbsenceActor = Actor & { timeZone: string };

type Upload = { name: string; type: string; bytes: Uint8Array } | null;
type StoredUpload = { fileName: string; fileType: string; fileKey: string } | null;

/** Photos of a note and scans: images and PDF. */
const DOCUMENT_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "pdf"];

async function storeUpload(organisationId: number, kind: string, file: Upload): Promise<ActionResult<StoredUpload>> {
  if (!file) return ok(null);
  const check = checkFile(file.name, file.type, file.bytes.byteLength);
  if (!check.ok) return fail("INVALID_INPUT", check.message, { file: [check.message] });
  if (!DOCUMENT_EXTENSIONS.includes(check.extension)) {
    const message = "Приложите фотографию (JPG, PNG) или PDF";
    return fail("INVALID_INPUT", message, { file: [message] });
  }
  const stored = await putFile(organisationId, kind, file.bytes);
  return ok({ fileName: file.name.trim(), fileType: check.mimeType, fileKey: stored.storageKey });
}

/** Thrown inside the transaction to roll it back with a Russian refusal. */
class Refused extends Error {
  constructor(
    readonly code: "LOCKED" | "CONFLICT",
    message: string,
  ) {
    super(message);
  }
}

/** The lessons of the absence's days that have come (a day ahead is applied by the daily job when it comes). */
function lessonsUpTo(organisationId: number, studentId: number, from: Date, to: Date, today: Date) {
  return studentLessons(organisationId, studentId, from, to < today ? to : today);
}

function lockedMessage(refusals: string[]): string {
  const shown = refusals.slice(0, 5).join("; ");
  return `Отсутствие не записано — уроки закрыты для изменений: ${shown}${refusals.length > 5 ? ` и ещё ${refusals.length - 5}` : ""}`;
}

async function overlapProblem(
  organisationId: number,
  studentId: number,
  from: Date,
  to: Date,
  exceptId: number | null,
): Promise<string | null> {
  const other = await overlappingAbsences(organisationId, studentId, from, to, exceptId);
  if (other.length === 0) return null;
  return `На эти дни уже отмечено отсутствие (${other.map((o) => rangeText(o.dateFrom, o.dateTo)).join(", ")}) — измените его`;
}

/** Runs a write that brings an absence onto its lessons; a lock refusal rolls everything back. */
async function inTransaction<T>(run: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<T>) {
  try {
    return { ok: true as const, value: await db.$transaction(run, { timeout: 30_000 }) };
  } catch (e) {
    if (e instanceof Refused) return fail(e.code, e.message);
    throw e;
  }
}

/** DUT-3: the class teacher records an absence for a date range from a document. */
export async function recordAbsence(
  actor: AbsenceActor,
  input: AbsenceCreate,
  file: Upload,
  now: Date,
): Promise<ActionResult<{ id: number; changed: number }>> {
  const { organisationId } = actor;
  if (!(await authorize(actor, "absence.record", { kind: "student", studentId: input.studentId })).allowed)
    return fail("FORBIDDEN");
  const overlap = await overlapProblem(organisationId, input.studentId, input.dateFrom, input.dateTo, null);
  if (overlap) return fail("CONFLICT", overlap, { dateFrom: [overlap] });
  const today = todayIn(actor.timeZone, now);
  const lessons = await lessonsUpTo(organisationId, input.studentId, input.dateFrom, input.dateTo, today);
  const stored = await storeUpload(organisationId, "absence", file);
  if (!stored.ok) return stored;
  const result = await inTransaction(async (tx) => {
    const absence = await tx.absence.create({
      data: {
        organisationId,
        studentId: input.studentId,
        dateFrom: input.dateFrom,
        dateTo: input.dateTo,
        reason: input.reason,
        documentKind: input.documentKind,
        documentNumber: input.documentNumber ?? null,
        documentDate: input.documentDate ?? null,
        fileName: stored.data?.fileName ?? null,
        fileType: stored.data?.fileType ?? null,
        fileKey: stored.data?.fileKey ?? null,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    const facts: AbsenceFacts = { id: absence.id, studentId: input.studentId, ...documentOf(input) };
    const synced = await syncAbsence(tx, {
      organisationId,
      userId: actor.id,
      now,
      today,
      absence: facts,
      lessons,
      strict: true,
    });
    if (!synced.ok) throw new Refused("LOCKED", lockedMessage(synced.refusals));
    await recordAudit(tx, {
      organisationId,
      userId: actor.id,
      action: "absence.record",
      entity: "Absence",
      entityId: String(absence.id),
      details: {
        studentId: input.studentId,
        from: isoOf(input.dateFrom),
        to: isoOf(input.dateTo),
        reason: input.reason,
        lessons: synced.changed,
      },
    });
    return { id: absence.id, changed: synced.changed };
  });
  if (!result.ok) {
    if (stored.data) await deleteFile(stored.data.fileKey).catch(() => undefined);
    return result;
  }
  return ok(result.value);
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

function documentOf(input: {
  reason: AbsenceReason;
  documentKind: string;
  documentNumber?: string;
  documentDate?: Date;
}): Omit<AbsenceFacts, "id" | "studentId"> {
  return {
    reason: input.reason,
    documentKind: input.documentKind,
    documentNumber: input.documentNumber ?? null,
    documentDate: input.documentDate ?? null,
  };
}

/** Editing an absence: new dates, reason or document; the lessons follow (undone where it no longer holds). */
export async function updateAbsence(
  actor: AbsenceActor,
  input: AbsenceUpdate,
  file: Upload,
  now: Date,
): Promise<ActionResult<{ changed: number }>> {
  const { organisationId } = actor;
  const current = await absenceById(organisationId, input.absenceId);
  if (!current) return fail("NOT_FOUND", "Отсутствие не найдено");
  if (!(await authorize(actor, "absence.record", { kind: "student", studentId: current.studentId })).allowed)
    return fail("FORBIDDEN");
  if (current.status !== "ACTIVE") return fail("CONFLICT", "Отсутствие уже отменено");
  const overlap = await overlapProblem(organisationId, current.studentId, input.dateFrom, input.dateTo, current.id);
  if (overlap) return fail("CONFLICT", overlap, { dateFrom: [overlap] });
  const today = todayIn(actor.timeZone, now);
  const lessons = await lessonsUpTo(organisationId, current.studentId, input.dateFrom, input.dateTo, today);
  const stored = await storeUpload(organisationId, "absence", file);
  if (!stored.ok) return stored;
  const result = await inTransaction(async (tx) => {
    const updated = await tx.absence.updateMany({
      where: { organisationId, id: current.id, status: "ACTIVE" },
      data: {
        dateFrom: input.dateFrom,
        dateTo: input.dateTo,
        ...documentOf(input),
        ...(stored.data ? stored.data : {}),
        updatedAt: now,
      },
    });
    if (updated.count !== 1) throw new Refused("CONFLICT", "Отсутствие уже отменено");
    const facts: AbsenceFacts = { id: current.id, studentId: current.studentId, ...documentOf(input) };
    const synced = await syncAbsence(tx, {
      organisationId,
      userId: actor.id,
      now,
      today,
      absence: facts,
      lessons,
      strict: true,
    });
    if (!synced.ok) throw new Refused("LOCKED", lockedMessage(synced.refusals));
    await recordAudit(tx, {
      organisationId,
      userId: actor.id,
      action: "absence.update",
      entity: "Absence",
      entityId: String(current.id),
      details: { from: isoOf(input.dateFrom), to: isoOf(input.dateTo), reason: input.reason, lessons: synced.changed },
    });
    return { changed: synced.changed };
  });
  if (!result.ok) {
    if (stored.data) await deleteFile(stored.data.fileKey).catch(() => undefined);
    return result;
  }
  return ok(result.value);
}

/** Withdrawing an absence (a mistake): every cell it still holds goes back to what it was. */
export async function withdrawAbsence(
  actor: AbsenceActor,
  absenceId: number,
  now: Date,
): Promise<ActionResult<{ changed: number }>> {
  const { organisationId } = actor;
  const current = await absenceById(organisationId, absenceId);
  if (!current) return fail("NOT_FOUND", "Отсутствие не найдено");
  if (!(await authorize(actor, "absence.record", { kind: "student", studentId: current.studentId })).allowed)
    return fail("FORBIDDEN");
  if (current.status !== "ACTIVE") return fail("CONFLICT", "Отсутствие уже отменено");
  const today = todayIn(actor.timeZone, now);
  const result = await inTransaction(async (tx) => {
    const updated = await tx.absence.updateMany({
      where: { organisationId, id: current.id, status: "ACTIVE" },
      data: { status: "WITHDRAWN", withdrawnAt: now, updatedAt: now },
    });
    if (updated.count !== 1) throw new Refused("CONFLICT", "Отсутствие уже отменено");
    const facts: AbsenceFacts = {
      id: current.id,
      studentId: current.studentId,
      reason: current.reason as AbsenceReason,
      documentKind: current.documentKind,
      documentNumber: current.documentNumber,
      documentDate: current.documentDate,
    };
    const synced = await syncAbsence(tx, {
      organisationId,
      userId: actor.id,
      now,
      today,
      absence: facts,
      lessons: [],
      strict: true,
    });
    if (!synced.ok)
      throw new Refused(
        "LOCKED",
        lockedMessage(synced.refusals).replace("Отсутствие не записано", "Отсутствие не отменено"),
      );
    await recordAudit(tx, {
      organisationId,
      userId: actor.id,
      action: "absence.withdraw",
      entity: "Absence",
      entityId: String(current.id),
      details: { lessons: synced.changed },
    });
    return { changed: synced.changed };
  });
  return result.ok ? ok(result.value) : result;
}

/**
 * The daily job: the absences whose days include `today` are brought onto that day's lessons as
 * the day comes (a lesson locked meanwhile is skipped, not refused: nobody is there to answer).
 */
export async function applyAbsencesOfDay(
  organisationId: number,
  absenceIds: readonly number[],
  today: Date,
  now: Date,
): Promise<number> {
  let changed = 0;
  for (const id of absenceIds) {
    const a = await db.absence.findUnique({
      where: { organisationId_id: { organisationId, id } },
      select: {
        id: true,
        studentId: true,
        dateFrom: true,
        dateTo: true,
        reason: true,
        documentKind: true,
        documentNumber: true,
        documentDate: true,
        status: true,
        createdById: true,
      },
    });
    if (!a || a.status !== "ACTIVE") continue;
    const lessons: StudentLesson[] = await lessonsUpTo(organisationId, a.studentId, a.dateFrom, a.dateTo, today);
    const synced = await db.$transaction(
      (tx) =>
        syncAbsence(tx, {
          organisationId,
          userId: a.createdById,
          now,
          today,
          absence: { ...a, reason: a.reason as AbsenceReason },
          lessons,
          strict: false,
        }),
      { timeout: 30_000 },
    );
    if (synced.ok) changed += synced.changed;
  }
  return changed;
}

// ───────────── DUT-4: parents' notices ─────────────

/** A parent files a notice for their own child; the class teacher is told on the home page and by push. */
export async function fileNotice(
  actor: AbsenceActor,
  input: NoticeCreate,
  file: Upload,
  now: Date,
): Promise<ActionResult<{ id: number }>> {
  const { organisationId } = actor;
  if (!(await authorize(actor, "absence.notify", { kind: "student", studentId: input.studentId })).allowed)
    return fail("FORBIDDEN");
  const problem = noticeRangeProblem(input.dateFrom, input.dateTo, todayIn(actor.timeZone, now));
  if (problem) return fail("INVALID_INPUT", problem, { dateFrom: [problem] });
  const stored = await storeUpload(organisationId, "notice", file);
  if (!stored.ok) return stored;
  const notice = await db.absenceNotice.create({
    data: {
      organisationId,
      studentId: input.studentId,
      authorId: actor.id,
      dateFrom: input.dateFrom,
      dateTo: input.dateTo,
      reason: input.reason,
      comment: input.comment ?? null,
      fileName: stored.data?.fileName ?? null,
      fileType: stored.data?.fileType ?? null,
      fileKey: stored.data?.fileKey ?? null,
      createdAt: now,
    },
    select: { id: true },
  });
  const [teachers, names] = await Promise.all([
    noticeClassTeachers(organisationId, input.studentId, todayIn(actor.timeZone, now)),
    studentNames(organisationId, [input.studentId]),
  ]);
  void notify(
    organisationId,
    teachers,
    "absence",
    absencePayload(names.get(input.studentId) ?? "Ученик", rangeText(input.dateFrom, input.dateTo)),
  );
  return ok({ id: notice.id });
}

/** The class teacher accepts a notice (→ an absence, DUT-3) or declines it with a reason; the parent is told. */
export async function decideNotice(
  actor: AbsenceActor,
  input: NoticeDecision,
  now: Date,
): Promise<ActionResult<{ absenceId: number | null }>> {
  const { organisationId } = actor;
  const notice = await noticeFor(organisationId, input.noticeId);
  if (!notice) return fail("NOT_FOUND", "Сообщение не найдено");
  if (!(await authorize(actor, "absence.record", { kind: "student", studentId: notice.studentId })).allowed)
    return fail("FORBIDDEN");
  if (notice.status !== "PENDING") return fail("CONFLICT", "На это сообщение уже ответили");
  const today = todayIn(actor.timeZone, now);
  let absenceId: number | null = null;
  if (input.decision === "decline") {
    const updated = await db.$transaction(async (tx) => {
      const r = await tx.absenceNotice.updateMany({
        where: { organisationId, id: notice.id, status: "PENDING" },
        data: { status: "DECLINED", decidedById: actor.id, decidedAt: now, declineReason: input.declineReason },
      });
      if (r.count === 1)
        await recordAudit(tx, {
          organisationId,
          userId: actor.id,
          action: "absence.notice.decline",
          entity: "AbsenceNotice",
          entityId: String(notice.id),
        });
      return r.count;
    });
    if (updated !== 1) return fail("CONFLICT", "На это сообщение уже ответили");
  } else {
    const overlap = await overlapProblem(organisationId, notice.studentId, notice.dateFrom, notice.dateTo, null);
    if (overlap) return fail("CONFLICT", overlap);
    const lessons = await lessonsUpTo(organisationId, notice.studentId, notice.dateFrom, notice.dateTo, today);
    const result = await inTransaction(async (tx) => {
      const r = await tx.absenceNotice.updateMany({
        where: { organisationId, id: notice.id, status: "PENDING" },
        data: { status: "ACCEPTED", decidedById: actor.id, decidedAt: now },
      });
      if (r.count !== 1) throw new Refused("CONFLICT", "На это сообщение уже ответили");
      const document = {
        reason: input.reason,
        documentKind: NOTICE_DOCUMENT,
        documentNumber: null,
        documentDate: todayIn(actor.timeZone, notice.createdAt),
      };
      const absence = await tx.absence.create({
        data: {
          organisationId,
          studentId: notice.studentId,
          dateFrom: notice.dateFrom,
          dateTo: notice.dateTo,
          ...document,
          fileName: notice.fileName,
          fileType: notice.fileType,
          fileKey: notice.fileKey,
          createdById: actor.id,
          createdAt: now,
          updatedAt: now,
        },
        select: { id: true },
      });
      await tx.absenceNotice.update({
        where: { organisationId_id: { organisationId, id: notice.id } },
        data: { absenceId: absence.id },
      });
      const synced = await syncAbsence(tx, {
        organisationId,
        userId: actor.id,
        now,
        today,
        absence: { id: absence.id, studentId: notice.studentId, ...document },
        lessons,
        strict: true,
      });
      if (!synced.ok) throw new Refused("LOCKED", lockedMessage(synced.refusals));
      await recordAudit(tx, {
        organisationId,
        userId: actor.id,
        action: "absence.notice.accept",
        entity: "AbsenceNotice",
        entityId: String(notice.id),
        details: { absenceId: absence.id, lessons: synced.changed },
      });
      return absence.id;
    });
    if (!result.ok) return result;
    absenceId = result.value;
  }
  void notify(
    organisationId,
    [notice.authorId],
    "absence",
    noticeAnswerPayload(
      notice.studentId,
      input.decision === "accept",
      `${rangeText(notice.dateFrom, notice.dateTo)}${input.decision === "decline" ? `: ${input.declineReason}` : ""}`,
    ),
  );
  return ok({ absenceId });
}
