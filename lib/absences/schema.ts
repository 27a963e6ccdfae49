// Inputs of absences (DUT-3) and parents' notices (DUT-4), with Russian messages (NFR-4).
import { z } from "zod";
import { idOf, multiLine, singleLine } from "@/lib/schema";
import { ABSENCE_REASONS, DOCUMENT_KINDS, MAX_ABSENCE_DAYS, NOTICE_REASONS, absenceDays } from "./rules";

const id = idOf("Неверный номер");
const date = (label: string) =>
  z
    .string({ error: `${label}: укажите дату` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: дата в виде ДД.ММ.ГГГГ`)
    .transform((s) => new Date(`${s}T00:00:00.000Z`))
    .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, {
      message: `${label}: неверная дата`,
    });
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : v), schema.optional());
// SEC-3: the text fields refuse control and bidi characters (the shared helpers of lib/schema.ts).
const text = (label: string, max: number, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine : singleLine)({ error: `${label}: введите текст` })
    .trim()
    .max(max, `${label}: не длиннее ${max} символов`);

const range = <T extends { dateFrom: Date; dateTo: Date }>(s: z.ZodType<T>) =>
  s
    .refine((v) => v.dateFrom <= v.dateTo, { message: "Дата окончания раньше даты начала", path: ["dateTo"] })
    .refine((v) => v.dateFrom > v.dateTo || absenceDays(v.dateFrom, v.dateTo) <= MAX_ABSENCE_DAYS, {
      message: `Не больше ${MAX_ABSENCE_DAYS} дней за один раз`,
      path: ["dateTo"],
    });

const documentFields = {
  dateFrom: date("С"),
  dateTo: date("По"),
  reason: z.enum(ABSENCE_REASONS, { error: "Причина: выберите из списка" }),
  documentKind: z.enum(DOCUMENT_KINDS, { error: "Документ: выберите из списка" }),
  documentNumber: optional(text("Номер документа", 50)),
  documentDate: optional(date("Дата документа")),
};

/** DUT-3: the class teacher's form. */
export const absenceCreate = range(z.object({ studentId: id, ...documentFields }));
export type AbsenceCreate = z.infer<typeof absenceCreate>;

/** Editing an absence: its dates, reason and document (the student stays). */
export const absenceUpdate = range(z.object({ absenceId: id, ...documentFields }));
export type AbsenceUpdate = z.infer<typeof absenceUpdate>;

export const absenceWithdraw = z.object({ absenceId: id });

/** DUT-4: the parent's notice. */
export const noticeCreate = range(
  z.object({
    studentId: id,
    dateFrom: date("С"),
    dateTo: date("По"),
    reason: z.enum(NOTICE_REASONS, { error: "Причина: выберите из списка" }),
    comment: optional(text("Комментарий", 1000, "multi")),
  }),
);
export type NoticeCreate = z.infer<typeof noticeCreate>;

/** The class teacher's answer: accept (→ an absence with the reason, possibly changed) or decline with a reason. */
export const noticeDecision = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("accept"),
    noticeId: id,
    reason: z.enum(ABSENCE_REASONS, { error: "Причина: выберите из списка" }),
  }),
  z.object({
    decision: z.literal("decline"),
    noticeId: id,
    declineReason: text("Причина отказа", 500).min(3, "Напишите, почему (не короче 3 символов)"),
  }),
]);
export type NoticeDecision = z.infer<typeof noticeDecision>;

/** The first message of a failed parse, and the messages by field. */
export function issues(error: z.ZodError): { message: string; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  for (const i of error.issues) (fieldErrors[String(i.path[0] ?? "form")] ??= []).push(i.message);
  return { message: error.issues.map((i) => i.message).join("; "), fieldErrors };
}
