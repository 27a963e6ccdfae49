// LRN-1 flows called by the server actions and the /api/v1 routes (not 'use server'): one write
// flow each, then its side effects (push). Every flow decides access through the one gate first,
// checks everything it can, and only then stores files and writes; a refusal writes nothing.
// The review mark is written by the journal's own cell save (saveCell), so the journal's one lock
// decision (edit window, period final, closed year, unlocks) applies to it exactly as in the grid.
import { authorize, type Actor } from "@/lib/access/authorize";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { saveCell } from "@/lib/journal/commands";
import { cellState } from "@/lib/journal/rules";
import { markLabel } from "@/lib/diary/rules";
import { shortName } from "@/lib/people/names";
import { enqueuePush } from "@/lib/push/mutations";
import { handinPayload, reviewPayload } from "@/lib/push/rules";
import { discardUploads, storeUploads, type Upload } from "@/lib/storage/upload";
import { MAX_FILES_PER_ITEM } from "@/lib/storage/rules";
import {
  homeworkForHandin,
  markInCell,
  studentNameOf,
  studentPlace,
  submissionById,
  submissionOf,
  type HandinHomework,
} from "./data";
import { writeHandinSettings, writeReview, writeSubmission } from "./mutations";
import { dueInstant, handinRefusal, isLate, lessonTeacherId } from "./rules";
import { emitWebhookEvent } from "@/lib/webhooks/mutations";

type Refusal = { ok: false; code: "LOCKED"; message: string } | null;

function lessonClosed(h: HandinHomework): Refusal {
  if (h.lesson.class.year.status === "CLOSED") return fail("LOCKED", "Учебный год закрыт") as Refusal;
  if (h.lesson.status === "CANCELLED") return fail("LOCKED", "Урок отменён") as Refusal;
  return null;
}

export type HandinInput = { homeworkId: number; studentId: number; text: string; removeFileIds: number[] };

/** A student hands in (or hands in again) a homework: text and/or files. */
export async function handIn(
  actor: Actor,
  input: HandinInput,
  uploads: readonly Upload[],
  now: Date = new Date(),
): Promise<ActionResult<{ late: boolean; attempts: number }>> {
  // homework.handin has the scope «self»: the student themself only (not a parent, not staff).
  const gate = await authorize(actor, "homework.handin", { kind: "student", studentId: input.studentId });
  if (!gate.allowed) return fail("FORBIDDEN");
  const homework = await homeworkForHandin(actor.organisationId, input.homeworkId);
  if (!homework) return fail("NOT_FOUND", "Задание не найдено");
  const place = await studentPlace(
    actor.organisationId,
    input.studentId,
    homework.lesson.classId,
    homework.lesson.subgroupId,
  );
  // Only a student of the lesson's class (and subgroup) on the lesson's date: another class's
  // homework is not theirs to hand in, whatever id they send.
  if (cellState(place.spans, homework.lesson.date, homework.lesson.subgroupId, place.subgroups) === "outside")
    return fail("FORBIDDEN", "Нет доступа: это задание дано не вашему классу");
  if (!homework.handin) return fail("INVALID_INPUT", "Это задание не нужно сдавать в электронном виде");
  const closed = lessonClosed(homework);
  if (closed) return closed;
  const before = await submissionOf(actor.organisationId, homework.id, input.studentId);
  const refusal = handinRefusal(before);
  if (refusal) return fail("LOCKED", refusal);
  const keptFiles = (before?.files ?? []).filter((f) => !input.removeFileIds.includes(f.id)).length;
  if (!input.text && keptFiles + uploads.length === 0)
    return fail("INVALID_INPUT", "Напишите ответ или приложите файл (например, фото тетради)");
  const stored = await storeUploads(actor.organisationId, "handin", uploads, { kept: keptFiles });
  if (!stored.ok) return fail("INVALID_INPUT", stored.message);
  const late = isLate(now, homework.handinDueAt);
  const written = await writeSubmission(
    {
      organisationId: actor.organisationId,
      userId: actor.id,
      now,
      homeworkId: homework.id,
      studentId: input.studentId,
      text: input.text || null,
      files: stored.files,
      removeFileIds: input.removeFileIds,
      isLate: late,
    },
    MAX_FILES_PER_ITEM,
  );
  if (!written.ok) {
    await discardUploads(stored.files);
    if (written.reason === "reviewed") return fail("LOCKED", handinRefusal({ status: "REVIEWED", isLate: false })!);
    if (written.reason === "too-many") return fail("INVALID_INPUT", `Не больше ${MAX_FILES_PER_ITEM} файлов`);
    if (written.reason === "empty") return fail("INVALID_INPUT", "Напишите ответ или приложите файл");
    return fail("CONFLICT", "Работа уже сдаётся с другого устройства — обновите страницу");
  }
  await discardUploads(written.removed);
  // The lesson's teacher (or substitute), if their device opted into hand-ins: a push job for the worker.
  const name = await studentNameOf(actor.organisationId, input.studentId);
  await enqueuePush(actor.organisationId, actor.id, {
    event: "users",
    kind: "handin",
    userIds: [lessonTeacherId(homework.lesson)],
    payload: payloadOf(
      handinPayload(
        `${homework.lesson.class.name}, ${homework.lesson.subject.name}`,
        name ? shortName(name) : "",
        homework.id,
      ),
    ),
  });
  return ok({ late, attempts: written.attempts });
}

const payloadOf = <T extends { kind: string }>({ kind: _kind, ...rest }: T) => rest;

export type ReviewInput = {
  submissionId: number;
  version: number;
  comment: string;
  mark: string;
  intent: "review" | "return";
};

/**
 * The teacher reviews a hand-in: a comment and optionally a mark into the journal cell of the
 * hand-in's assignment, or returns it for revision. The mark goes first, through the journal's cell
 * save: a locked date refuses it (and then nothing of the review is written either).
 */
export async function reviewHandin(
  actor: Actor,
  input: ReviewInput,
  now: Date = new Date(),
): Promise<ActionResult<{ message: string }>> {
  const submission = await submissionById(actor.organisationId, input.submissionId);
  if (!submission) return fail("NOT_FOUND", "Работа не найдена");
  const homework = await homeworkForHandin(actor.organisationId, submission.homeworkId);
  if (!homework) return fail("NOT_FOUND", "Работа не найдена");
  const gate = await authorize(actor, "homework.review", { kind: "lesson", lessonId: homework.lesson.id });
  if (!gate.allowed) return fail("FORBIDDEN");
  const closed = lessonClosed(homework);
  if (closed) return closed;
  if (submission.version !== input.version)
    return fail("CONFLICT", "Ученик сдал работу заново или её уже проверили — обновите страницу");
  if (input.intent === "return" && input.mark)
    return fail("INVALID_INPUT", "Работу на доработку возвращают без отметки");
  let outcome = input.intent === "return" ? "на доработку" : "проверено";
  if (input.mark) {
    const assignmentId = homework.handinAssignmentId;
    if (assignmentId === null)
      return fail("INVALID_INPUT", "Для этой работы не выбрано задание для отметки — выберите его в настройках сдачи");
    const cell = await markInCell(actor.organisationId, assignmentId, submission.studentId);
    const saved = await saveCell(
      actor,
      {
        kind: "mark",
        lessonId: homework.lesson.id,
        studentId: submission.studentId,
        assignmentId,
        input: input.mark,
        comment: input.comment || undefined,
        version: cell?.version ?? 0,
      },
      now,
    );
    if (!saved.body.ok) return fail(saved.body.code, saved.body.message);
    outcome = saved.body.mark ? markLabel(saved.body.mark.kind, saved.body.mark.value) : outcome;
  }
  const written = await writeReview({
    organisationId: actor.organisationId,
    userId: actor.id,
    now,
    submissionId: submission.id,
    version: input.version,
    comment: input.comment || null,
    status: input.intent === "return" ? "RETURNED" : "REVIEWED",
  });
  if (written === "conflict")
    return fail("CONFLICT", "Ученик сдал работу заново или её уже проверили — обновите страницу");
  await emitWebhookEvent(
    actor.organisationId,
    "handin.reviewed",
    {
      submissionId: submission.id,
      homeworkId: homework.id,
      lessonId: homework.lesson.id,
      studentId: submission.studentId,
      status: input.intent === "return" ? "RETURNED" : "REVIEWED",
    },
    now,
  );
  await enqueuePush(actor.organisationId, actor.id, {
    event: "family",
    kind: "handin",
    studentId: submission.studentId,
    payload: payloadOf(
      reviewPayload(homework.lesson.subject.name, outcome, input.comment, submission.studentId, homework.id),
    ),
  });
  return ok({
    message:
      input.intent === "return"
        ? "Работа возвращена на доработку"
        : `Работа проверена${input.mark ? `: ${outcome}` : ""}`,
  });
}

export type SettingsInput =
  | { homeworkId: number; handin: "off" }
  | { homeworkId: number; handin: "on"; dueDate: string; dueTime: string; markTarget: string };

/**
 * The lesson panel's hand-in settings: whoever may set the lesson's homework (journal edit on the
 * lesson, decided by the caller through the gate) switches the hand-in on with a due date and time
 * and the assignment for the review mark, or off.
 */
export async function saveHandinSettings(
  actor: Actor,
  homework: HandinHomework,
  input: SettingsInput,
  now: Date = new Date(),
): Promise<ActionResult<{ message: string }>> {
  const closed = lessonClosed(homework);
  if (closed) return closed;
  const base = {
    organisationId: actor.organisationId,
    userId: actor.id,
    now,
    homeworkId: homework.id,
    lessonId: homework.lesson.id,
  };
  if (input.handin === "off") {
    const r = await writeHandinSettings({ ...base, on: null });
    return r === "ok" ? ok({ message: "Сдача работ выключена" }) : fail("NOT_FOUND");
  }
  const dueDate = new Date(`${input.dueDate}T00:00:00.000Z`);
  if (dueDate < homework.lesson.date) return fail("INVALID_INPUT", "Срок сдачи не может быть раньше урока");
  const [kind, rawId] = input.markTarget.split(":");
  const markTarget = !input.markTarget
    ? null
    : kind === "a"
      ? { assignmentId: Number(rawId) }
      : { typeId: Number(rawId) };
  const r = await writeHandinSettings({
    ...base,
    on: {
      dueDate,
      dueAt: dueInstant(dueDate, input.dueTime || null, homework.lesson.organisation.timeZone),
      markTarget,
    },
  });
  if (r === "missing") return fail("INVALID_INPUT", "Задание для отметки не найдено — обновите страницу");
  return ok({ message: "Сдача работ включена" });
}
