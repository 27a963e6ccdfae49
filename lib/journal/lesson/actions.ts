"use server";
// Server actions of the lesson panel (JRN-2, JRN-8) and the teacher's unlock request (JRN-6):
// parse (zod) → authorise on the lesson → the one lock decision (lib/journal/lock.ts: topic and
// homework as «lesson», assignments and protocols as «assignment») → write → the client refreshes.
import { z } from "zod";
import { firstIssue, formRecord, multiLine, singleLine, idSchema } from "@/lib/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { requireUserForAction } from "@/lib/access/guard";
import { serverNow } from "@/lib/org/clock";
import { isoDate, todayIn } from "@/lib/org/time";
import { putFile } from "@/lib/storage/files";
import { checkFile, MAX_FILES_PER_ITEM } from "@/lib/storage/rules";
import { homeworkRefusal } from "@/lib/journal/rules";
import { refuseOutOfScope, storedScopeCheck } from "@/lib/access/stored";
import { authorizeJournal, EDIT_PERMISSIONS } from "../access";
import { lessonForCell, studentsOfClass, type CellLesson } from "../data";
import { journalLock, lockFactsOf, UNLOCKED_REASON, YEAR_CLOSED_REASON, type WriteKind } from "../lock";
import { homeworkNotProvidedAllowed } from "../rules";
import { createUnlockRequest } from "../unlock/mutations";
import {
  homeworkFileCount,
  writeAssignment,
  writeHomework,
  writeLessonTopic,
  writeHomeworkMarker,
  writeProtocol,
  type NewFile,
} from "./mutations";
import { emitWebhookEvent } from "@/lib/webhooks/mutations";

type Result = ActionResult<{ message: string }>;

const id = idSchema;
const text = (max: number, label: string, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine : singleLine)().trim().max(max, `${label}: не длиннее ${max} символов`);
const optionalDate = singleLine()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Дата в формате ДД.ММ.ГГГГ")
  .transform((s) => (s ? new Date(`${s}T00:00:00.000Z`) : null));

type Editable = {
  ok: true;
  userId: number;
  organisationId: number;
  lesson: CellLesson;
  now: Date;
  /** Kept in the history when the date is open only through ADMIN's unlock. */
  reason: string | null;
};

/**
 * The lesson a panel action writes: authorised on the lesson (journal.edit*), then asked the one
 * lock decision for `kind` («unlock-request» only refuses a closed year: it asks to open a locked date).
 */
async function editableLesson(
  lessonId: number,
  kind: WriteKind | "unlock-request",
): Promise<Editable | { ok: false; result: Result }> {
  const signedIn = await requireUserForAction();
  if (!signedIn.ok) return { ok: false, result: signedIn };
  const user = signedIn.user;
  const rights = await authorizeJournal(user, { kind: "lesson", lessonId });
  if (!rights.edit) return { ok: false, result: fail("FORBIDDEN") };
  const now = serverNow();
  const lesson = await lessonForCell(user.organisationId, lessonId, now);
  if (!lesson) return { ok: false, result: fail("NOT_FOUND") };
  const base = { ok: true as const, userId: user.id, organisationId: user.organisationId, lesson, now };
  if (kind === "unlock-request")
    return lesson.lock.yearClosed
      ? { ok: false, result: fail("LOCKED", YEAR_CLOSED_REASON) }
      : { ...base, reason: null };
  const today = todayIn(lesson.organisation.timeZone, now);
  const lock = journalLock(kind, {
    ...lockFactsOf(lesson.lock, lesson.date, { today, now }),
    finalSet: kind === "assignment" && lesson.anyFinal,
  });
  if (!lock.open) return { ok: false, result: fail("LOCKED", lock.reason) };
  return { ...base, reason: lock.byUnlock ? UNLOCKED_REASON : null };
}

function form<T extends z.ZodType>(
  schema: T,
  data: FormData,
): { ok: true; data: z.infer<T> } | { ok: false; result: Result } {
  const parsed = schema.safeParse(formRecord(data));
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, result: fail("INVALID_INPUT", firstIssue(parsed.error)) };
}

/** A panel form's input and its lesson, admitted for `kind`; or the action's refusal. */
async function lessonForm<T extends z.ZodType<{ lessonId: number }>>(
  schema: T,
  data: FormData,
  kind: WriteKind | "unlock-request",
): Promise<{ ok: true; input: z.infer<T>; a: Editable } | { ok: false; result: Result }> {
  const parsed = form(schema, data);
  if (!parsed.ok) return parsed;
  const a = await editableLesson(parsed.data.lessonId, kind);
  return a.ok ? { ok: true, input: parsed.data, a } : a;
}

/** Who writes on the admitted lesson, when, and why (the unlock's reason kept in the history). */
function lessonWrite(a: Editable) {
  return { organisationId: a.organisationId, userId: a.userId, now: a.now, reason: a.reason, lessonId: a.lesson.id };
}

const topicSchema = z.object({
  lessonId: id,
  version: z.coerce.number().int().min(0),
  topic: text(500, "Тема"),
  content: text(4000, "Содержание", "multi"),
  planTopicId: z.union([z.literal(""), id]).transform((v) => (v === "" ? null : v)),
  hours: z
    .union([z.literal(""), z.coerce.number().min(0.5, "Часов: от 0,5").max(8, "Часов: не больше 8")])
    .transform((v) => (v === "" ? null : v)),
});

export async function saveTopicAction(_prev: Result | null, data: FormData): Promise<Result> {
  const f = await lessonForm(topicSchema, data, "lesson");
  if (!f.ok) return f.result;
  const { input: parsed, a } = f;
  const r = await writeLessonTopic({
    ...lessonWrite(a),
    version: parsed.version,
    topic: parsed.topic || null,
    content: parsed.content || null,
    planTopicId: parsed.planTopicId,
    hours: a.lesson.organisation.kind === "COLLEGE" ? parsed.hours : null,
  });
  if (r === "conflict") return fail("CONFLICT", "Тему урока уже изменил другой пользователь — обновите страницу");
  if (r === "missing") return fail("NOT_FOUND");
  return ok({ message: "Тема урока сохранена" });
}

const homeworkSchema = z.object({
  lessonId: id,
  version: z.coerce.number().int().min(0),
  text: text(4000, "Домашнее задание", "multi").min(1, "Введите текст домашнего задания"),
  dueDate: optionalDate,
  remove: singleLine().optional(),
});

export async function saveHomeworkAction(_prev: Result | null, data: FormData): Promise<Result> {
  const f = await lessonForm(homeworkSchema, data, "lesson");
  if (!f.ok) return f.result;
  const { input: parsed, a } = f;
  const today = todayIn(a.lesson.organisation.timeZone, a.now);
  const refusal = homeworkRefusal(isoDate(a.lesson.date), isoDate(today), a.lesson.homework);
  if (refusal) return fail("LOCKED", refusal);
  if (parsed.dueDate && parsed.dueDate < a.lesson.date)
    return fail("INVALID_INPUT", "Срок сдачи не может быть раньше урока");
  const uploads = data.getAll("files").filter((f): f is File => typeof f !== "string" && f.size > 0);
  const removeIds = (parsed.remove ?? "")
    .split(",")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  if (
    (await homeworkFileCount(a.organisationId, a.lesson.id)) - removeIds.length + uploads.length >
    MAX_FILES_PER_ITEM
  ) {
    return fail("INVALID_INPUT", `Не больше ${MAX_FILES_PER_ITEM} файлов к заданию`);
  }
  const files: NewFile[] = [];
  for (const f of uploads) {
    const check = checkFile(f.name, f.type, f.size);
    if (!check.ok) return fail("INVALID_INPUT", check.message);
  }
  for (const f of uploads) {
    const check = checkFile(f.name, f.type, f.size);
    if (!check.ok) continue;
    const stored = await putFile(a.organisationId, "homework", new Uint8Array(await f.arrayBuffer()));
    files.push({
      fileName: check.fileName,
      mimeType: check.mimeType,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
    });
  }
  const r = await writeHomework({
    ...lessonWrite(a),
    version: parsed.version,
    text: parsed.text,
    dueDate: parsed.dueDate,
    files,
    removeFileIds: removeIds,
    push: true,
  });
  if (r === "conflict") return fail("CONFLICT", "Домашнее задание уже изменил другой пользователь — обновите страницу");
  await emitWebhookEvent(
    a.organisationId,
    "homework.changed",
    {
      lessonId: a.lesson.id,
      dueDate: parsed.dueDate ? isoDate(parsed.dueDate) : null,
    },
    a.now,
  );
  return ok({ message: "Домашнее задание сохранено" });
}

const markerSchema = z.object({
  lessonId: id,
  marker: z.enum(["NOT_GIVEN", "NOT_PROVIDED", ""], { error: "Отметка о домашнем задании: выберите из списка" }),
});

/**
 * DUT-6: «не задано» (any class) or «не предусмотрено» (the first grade, seed 001 §4.2.5.2) instead
 * of homework; empty clears it. Counted as filled by the journal's control (CTL-1, DUT-1).
 */
export async function saveHomeworkMarkerAction(_prev: Result | null, data: FormData): Promise<Result> {
  const f = await lessonForm(markerSchema, data, "lesson");
  if (!f.ok) return f.result;
  const { input: parsed, a } = f;
  const marker = parsed.marker === "" ? null : parsed.marker;
  if (marker === "NOT_PROVIDED" && !homeworkNotProvidedAllowed(a.lesson.organisation.kind, a.lesson.class.grade))
    return fail("INVALID_INPUT", "«Не предусмотрено» ставится в первом классе; здесь — «не задано»");
  const r = await writeHomeworkMarker({
    ...lessonWrite(a),
    marker,
  });
  if (r === "missing") return fail("NOT_FOUND");
  if (r === "has-homework")
    return fail("INVALID_INPUT", "У урока есть домашнее задание — отметка «не задано» не нужна");
  return ok({
    message:
      marker === null
        ? "Отметка о домашнем задании снята"
        : `Домашнее задание: ${marker === "NOT_GIVEN" ? "не задано" : "не предусмотрено"}`,
  });
}

const assignmentSchema = z.object({
  lessonId: id,
  assignmentId: z.union([z.literal(""), id]).transform((v) => (v === "" ? null : v)),
  intent: z.enum(["save", "delete"]),
  typeId: id,
  description: text(300, "Описание"),
  weight: z
    .union([z.literal(""), z.coerce.number().min(0, "Вес: от 0").max(10, "Вес: не больше 10")])
    .transform((v) => (v === "" ? null : v)),
  dueDate: optionalDate,
});

export async function saveAssignmentAction(_prev: Result | null, data: FormData): Promise<Result> {
  const f = await lessonForm(assignmentSchema, data, "assignment");
  if (!f.ok) return f.result;
  const { input: d, a } = f;
  const r = await refuseOutOfScope(() =>
    writeAssignment({
      ...lessonWrite(a),
      assignmentId: d.assignmentId,
      fields:
        d.intent === "delete"
          ? null
          : { typeId: d.typeId, description: d.description || null, weight: d.weight, dueDate: d.dueDate },
      inScope: storedScopeCheck({ id: a.userId, organisationId: a.organisationId }, EDIT_PERMISSIONS),
    }),
  );
  if (typeof r === "object") return r;
  if (r === "has-marks") return fail("INVALID_INPUT", "По заданию уже выставлены отметки — удалить его нельзя");
  if (r === "nothing") return fail("INVALID_INPUT", "Задание ещё не сохранено — удалять нечего");
  if (r === "missing") return fail("NOT_FOUND");
  return ok({ message: d.intent === "delete" ? "Задание удалено" : "Задание сохранено" });
}

export async function saveProtocolAction(_prev: Result | null, data: FormData): Promise<Result> {
  const base = form(z.object({ lessonId: id, assignmentId: id, tasks: text(400, "Спецификация") }), data);
  if (!base.ok) return base.result;
  const tasks = base.data.tasks
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);
  if (tasks.length === 0 || tasks.length > 40 || tasks.some((t) => !Number.isInteger(t) || t < 1 || t > 100)) {
    return fail("INVALID_INPUT", "Спецификация: максимальные баллы заданий через запятую (1–100, до 40 заданий)");
  }
  const a = await editableLesson(base.data.lessonId, "assignment");
  if (!a.ok) return a.result;
  const results: { studentId: number; points: (number | null)[] }[] = [];
  for (const [key, value] of data.entries()) {
    const m = /^p:(\d+):(\d+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const studentId = Number(m[1]);
    const task = Number(m[2]);
    if (task >= tasks.length) continue;
    let row = results.find((r) => r.studentId === studentId);
    if (!row) results.push((row = { studentId, points: tasks.map(() => null) }));
    if (value.trim() === "") continue;
    const points = Number(value.replace(",", "."));
    if (!Number.isFinite(points) || points < 0 || points > tasks[task]) {
      return fail("INVALID_INPUT", `Баллы за задание ${task + 1}: от 0 до ${tasks[task]}`);
    }
    row.points[task] = points;
  }
  const members = await studentsOfClass(
    a.organisationId,
    a.lesson.classId,
    results.map((r) => r.studentId),
  );
  if (results.some((r) => !members.has(r.studentId)))
    return fail("INVALID_INPUT", "В протоколе есть ученик не из этого класса");
  const r = await refuseOutOfScope(() =>
    writeProtocol({
      ...lessonWrite(a),
      assignmentId: base.data.assignmentId,
      tasks,
      results,
      inScope: storedScopeCheck({ id: a.userId, organisationId: a.organisationId }, EDIT_PERMISSIONS),
    }),
  );
  if (typeof r === "object") return r;
  if (r === "missing") return fail("NOT_FOUND");
  return ok({ message: "Протокол сохранён" });
}

const unlockSchema = z.object({
  lessonId: id,
  reason: text(500, "Причина").min(5, "Укажите причину (не короче 5 символов)"),
});

export async function requestUnlockAction(_prev: Result | null, data: FormData): Promise<Result> {
  const f = await lessonForm(unlockSchema, data, "unlock-request");
  if (!f.ok) return f.result;
  const { input: parsed, a } = f;
  const r = await createUnlockRequest({
    organisationId: a.organisationId,
    requesterId: a.userId,
    classId: a.lesson.classId,
    subjectId: a.lesson.subjectId,
    date: a.lesson.date,
    reason: parsed.reason,
    now: a.now,
  });
  return ok({
    message: r.duplicate
      ? "Запрос на эту дату уже подан и ждёт решения администратора"
      : "Запрос отправлен администратору",
  });
}
