// The write flows of absences (DUT-3) and parents' notices (DUT-4) after the gate admitted the
// permission: the stored row's scope is authorised as well as the submitted student, the rules
// decide, one transaction writes (absence, cells under the one lock decision, history, audit —
// lib/absences/mutations.ts), then the pushes go. Called by the server actions, the daily job and
// the tests (with `now` passed in).
import { authorize, type Actor } from "@/lib/access/authorize";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { todayIn } from "@/lib/org/time";
import { deleteFile, putFile } from "@/lib/storage/files";
import { checkFile } from "@/lib/storage/rules";
import { enqueuePush } from "@/lib/push/mutations";
import { absencePayload, noticeAnswerPayload } from "@/lib/push/rules";
import {
  absenceById,
  absenceForJob,
  noticeClassTeachers,
  noticeFor,
  overlappingAbsences,
  studentLessons,
  studentNames,
} from "./data";
import {
  applyAbsenceLeniently,
  createNotice,
  declineNotice,
  writeAbsence,
  type AbsenceDocument,
  type AbsenceOp,
  type StoredFile,
} from "./mutations";
import { NOTICE_DOCUMENT, noticeRangeProblem, rangeText, type AbsenceReason } from "./rules";
import type { AbsenceCreate, AbsenceUpdate, NoticeCreate, NoticeDecision } from "./schema";

export type AbsenceActor = Actor & { timeZone: string };
export type Upload = { name: string; type: string; bytes: Uint8Array } | null;

/** Photos of a note and scans: images and PDF. */
const DOCUMENT_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "pdf"];

async function storeUpload(organisationId: number, kind: string, file: Upload): Promise<ActionResult<StoredFile>> {
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

/** The lessons of the absence's days that have come (days ahead are applied by the daily job as they come). */
function lessonsUpTo(organisationId: number, studentId: number, from: Date, to: Date, today: Date) {
  return studentLessons(organisationId, studentId, from, to < today ? to : today);
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

function documentOf(input: {
  reason: AbsenceReason;
  documentKind: string;
  documentNumber?: string;
  documentDate?: Date;
}): AbsenceDocument {
  return {
    reason: input.reason,
    documentKind: input.documentKind,
    documentNumber: input.documentNumber ?? null,
    documentDate: input.documentDate ?? null,
  };
}

/** Runs a write that may store an uploaded file first; a refusal removes the file again. */
async function writeWithFile(
  actor: AbsenceActor,
  now: Date,
  op: AbsenceOp,
  file: StoredFile,
  range: { from: Date; to: Date } | null,
): Promise<ActionResult<{ id: number; changed: number }>> {
  const today = todayIn(actor.timeZone, now);
  const lessons = range ? await lessonsUpTo(actor.organisationId, op.studentId, range.from, range.to, today) : [];
  const r = await writeAbsence({ organisationId: actor.organisationId, userId: actor.id, now, today, op, lessons });
  if (r.ok) return ok({ id: r.id, changed: r.changed });
  if (file) await deleteFile(file.fileKey).catch(() => undefined);
  return fail(r.code, r.message);
}

/**
 * A new (absenceId null) or edited absence of a student (DUT-3): refused when its days meet another
 * absence — before its document's file is stored — then written with its file.
 */
async function writeDocumented(
  actor: AbsenceActor,
  now: Date,
  target: { studentId: number; absenceId: number | null },
  input: Parameters<typeof documentOf>[0] & { dateFrom: Date; dateTo: Date },
  upload: Upload,
): Promise<ActionResult<{ id: number; changed: number }>> {
  const { organisationId } = actor;
  const { studentId, absenceId } = target;
  const overlap = await overlapProblem(organisationId, studentId, input.dateFrom, input.dateTo, absenceId);
  if (overlap) return fail("CONFLICT", overlap, { dateFrom: [overlap] });
  const stored = await storeUpload(organisationId, "absence", upload);
  if (!stored.ok) return stored;
  const range = { from: input.dateFrom, to: input.dateTo };
  const fields = { studentId, ...range, document: documentOf(input), file: stored.data };
  const op: AbsenceOp = absenceId === null ? { kind: "create", ...fields } : { kind: "update", absenceId, ...fields };
  return writeWithFile(actor, now, op, stored.data, range);
}

/** DUT-3: the class teacher records an absence for a date range from a document. */
export async function recordAbsence(
  actor: AbsenceActor,
  input: AbsenceCreate,
  upload: Upload,
  now: Date,
): Promise<ActionResult<{ id: number; changed: number }>> {
  if (!(await authorize(actor, "absence.record", { kind: "student", studentId: input.studentId })).allowed)
    return fail("FORBIDDEN");
  return writeDocumented(actor, now, { studentId: input.studentId, absenceId: null }, input, upload);
}

/** Editing an absence: new dates, reason or document; the lessons follow (undone where it no longer holds). */
export async function updateAbsence(
  actor: AbsenceActor,
  input: AbsenceUpdate,
  upload: Upload,
  now: Date,
): Promise<ActionResult<{ id: number; changed: number }>> {
  const current = await absenceById(actor.organisationId, input.absenceId);
  if (!current) return fail("NOT_FOUND", "Отсутствие не найдено");
  // The stored row's scope, not only the submitted values (ARCHITECTURE «Access»).
  if (!(await authorize(actor, "absence.record", { kind: "student", studentId: current.studentId })).allowed)
    return fail("FORBIDDEN");
  if (current.status !== "ACTIVE") return fail("CONFLICT", "Отсутствие уже отменено");
  return writeDocumented(actor, now, { studentId: current.studentId, absenceId: current.id }, input, upload);
}

/** Withdrawing an absence (a mistake): every cell it still holds goes back to what it was. */
export async function withdrawAbsence(
  actor: AbsenceActor,
  absenceId: number,
  now: Date,
): Promise<ActionResult<{ id: number; changed: number }>> {
  const current = await absenceById(actor.organisationId, absenceId);
  if (!current) return fail("NOT_FOUND", "Отсутствие не найдено");
  if (!(await authorize(actor, "absence.record", { kind: "student", studentId: current.studentId })).allowed)
    return fail("FORBIDDEN");
  if (current.status !== "ACTIVE") return fail("CONFLICT", "Отсутствие уже отменено");
  const op: AbsenceOp = {
    kind: "withdraw",
    absenceId: current.id,
    studentId: current.studentId,
    document: {
      reason: current.reason as AbsenceReason,
      documentKind: current.documentKind,
      documentNumber: current.documentNumber,
      documentDate: current.documentDate,
    },
  };
  return writeWithFile(actor, now, op, null, null);
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
    const a = await absenceForJob(organisationId, id);
    if (!a || a.status !== "ACTIVE") continue;
    const lessons = await lessonsUpTo(organisationId, a.studentId, a.dateFrom, a.dateTo, today);
    changed += await applyAbsenceLeniently(
      organisationId,
      { ...a, reason: a.reason as AbsenceReason },
      lessons,
      today,
      now,
    );
  }
  return changed;
}

// ───────────── DUT-4: parents' notices ─────────────

/** A parent files a notice for their own child; the class teacher is told on the home page and by push. */
export async function fileNotice(
  actor: AbsenceActor,
  input: NoticeCreate,
  upload: Upload,
  now: Date,
): Promise<ActionResult<{ id: number }>> {
  const { organisationId } = actor;
  if (!(await authorize(actor, "absence.notify", { kind: "student", studentId: input.studentId })).allowed)
    return fail("FORBIDDEN");
  const today = todayIn(actor.timeZone, now);
  const problem = noticeRangeProblem(input.dateFrom, input.dateTo, today);
  if (problem) return fail("INVALID_INPUT", problem, { dateFrom: [problem] });
  const stored = await storeUpload(organisationId, "notice", upload);
  if (!stored.ok) return stored;
  const id = await createNotice({
    organisationId,
    studentId: input.studentId,
    authorId: actor.id,
    from: input.dateFrom,
    to: input.dateTo,
    reason: input.reason,
    comment: input.comment ?? null,
    file: stored.data,
    now,
  });
  const [teachers, names] = await Promise.all([
    noticeClassTeachers(organisationId, input.studentId, today),
    studentNames(organisationId, [input.studentId]),
  ]);
  await enqueuePush(organisationId, actor.id, {
    event: "users",
    kind: "absence",
    userIds: teachers,
    payload: absencePayload(names.get(input.studentId) ?? "Ученик", rangeText(input.dateFrom, input.dateTo)),
  });
  return ok({ id });
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
  let absenceId: number | null = null;
  if (input.decision === "decline") {
    if (!(await declineNotice(organisationId, actor.id, notice.id, input.declineReason, now)))
      return fail("CONFLICT", "На это сообщение уже ответили");
  } else {
    const overlap = await overlapProblem(organisationId, notice.studentId, notice.dateFrom, notice.dateTo, null);
    if (overlap) return fail("CONFLICT", overlap);
    const range = { from: notice.dateFrom, to: notice.dateTo };
    const file = notice.fileKey
      ? { fileName: notice.fileName!, fileType: notice.fileType!, fileKey: notice.fileKey }
      : null;
    const written = await writeWithFile(
      actor,
      now,
      {
        kind: "accept",
        noticeId: notice.id,
        studentId: notice.studentId,
        ...range,
        document: {
          reason: input.reason,
          documentKind: NOTICE_DOCUMENT,
          documentNumber: null,
          documentDate: todayIn(actor.timeZone, notice.createdAt),
        },
        file,
      },
      // The notice's photo stays the notice's: a refusal must not remove it.
      null,
      range,
    );
    if (!written.ok) return written;
    absenceId = written.data.id;
  }
  const text = `${rangeText(notice.dateFrom, notice.dateTo)}${input.decision === "decline" ? `: ${input.declineReason}` : ""}`;
  await enqueuePush(organisationId, actor.id, {
    event: "users",
    kind: "absence",
    userIds: [notice.authorId],
    payload: noticeAnswerPayload(notice.studentId, input.decision === "accept", text),
  });
  return ok({ absenceId });
}
