// Inputs of journal-keeping control (CTL-1…CTL-3, RPT-11): report queries and remark forms.
import { z } from "zod";
import { idOf, multiLine, optionalIdOf, singleLine } from "@/lib/schema";

const id = idOf("Неверный номер");
const optionalId = optionalIdOf("Неверный номер");
const date = singleLine({ error: "Укажите дату" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Дата должна быть в виде ГГГГ-ММ-ДД")
  .transform((s) => new Date(`${s}T00:00:00.000Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "Неверная дата");

export const REMARK_STATUSES = ["OPEN", "DONE", "CLOSED"] as const;

/** Filters of the journal-fill report (page and file). */
export const fillQuery = z
  .object({ from: date, to: date, classId: optionalId, teacherId: optionalId, subjectId: optionalId })
  .refine((q) => q.from <= q.to, { message: "Начало периода позже его конца", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 400 * 86_400_000, {
    message: "Период не длиннее учебного года",
    path: ["to"],
  });
export type FillParams = z.infer<typeof fillQuery>;

/** Filters of the remarks list: a week or a month holding `date`, optionally by status and teacher. */
export const remarksQuery = z.object({
  kind: z.enum(["week", "month"], { error: "Список: неделя или месяц" }).default("week"),
  date,
  status: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(REMARK_STATUSES, { error: "Неверное состояние" }).optional(),
  ),
  teacherId: optionalId,
});
export type RemarksParams = z.infer<typeof remarksQuery>;

/** DUT-1: the shares filled by the deadline on `date` (its week and month up to it). */
export const deadlineQuery = z.object({ date, classId: optionalId, teacherId: optionalId });
export type DeadlineParams = z.infer<typeof deadlineQuery>;

/** The activity report: the week holding `date`. */
export const activityQuery = z.object({ date });
export type ActivityParams = z.infer<typeof activityQuery>;

export const reportFormat = z.enum(["pdf", "xlsx"], { error: "Формат: pdf или xlsx" });

/** Reads a query string into a plain object, leaving out empty values. */
export function queryObject(query: URLSearchParams): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [k, v] of query) if (v !== "") raw[k] = v;
  return raw;
}

export const remarkCreate = z.object({
  teacherId: id,
  classId: optionalId,
  subjectId: optionalId,
  lessonId: optionalId,
  /** The lesson by its date (with class and subject): the form's way to bind a lesson. */
  lessonDate: z.preprocess((v) => (v === "" || v === null ? undefined : v), date.optional()),
  text: multiLine({ error: "Напишите замечание" })
    .trim()
    .min(3, "Напишите замечание (не короче 3 символов)")
    .max(2000, "Не длиннее 2000 символов"),
});
export type RemarkCreate = z.infer<typeof remarkCreate>;

export const remarkMove = z.object({
  remarkId: id,
  move: z.enum(["done", "close", "reopen"], { error: "Неизвестное действие" }),
  note: multiLine().trim().max(2000, "Не длиннее 2000 символов").optional(),
});
export type RemarkMoveInput = z.infer<typeof remarkMove>;
