// zod schemas of the hand-in forms and the API body (LRN-1, NFR-4): bad input is refused before
// any write with a Russian message. No Prisma here; shared by the actions and the /api/v1 route.
import { z } from "zod";
import { idSchema, multiLine, singleLine } from "@/lib/schema";

export const HANDIN_TEXT_MAX = 10_000;
export const REVIEW_COMMENT_MAX = 500;

const text = multiLine()
  .max(HANDIN_TEXT_MAX, `Текст работы — не длиннее ${HANDIN_TEXT_MAX} символов`)
  .transform((s) => s.trim())
  .optional()
  .default("");

/** A student's hand-in from the diary: the homework, the student, the text (files come beside it). */
export const submitSchema = z.object({ homeworkId: idSchema, studentId: idSchema, text });

/** The teacher's review: comment, an optional mark (typed as in the journal), or a return for revision. */
export const reviewSchema = z.object({
  submissionId: idSchema,
  version: z.coerce.number({ error: "Неверная версия" }).int().min(0).max(2_147_483_647),
  comment: singleLine()
    .max(REVIEW_COMMENT_MAX, `Комментарий — не длиннее ${REVIEW_COMMENT_MAX} символов`)
    .transform((s) => s.trim())
    .optional()
    .default(""),
  mark: singleLine()
    .max(10, "Слишком длинная отметка")
    .transform((s) => s.trim())
    .optional()
    .default(""),
  intent: z.enum(["review", "return"], { error: "Неизвестное действие" }).default("review"),
});

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Срок сдачи: дата в формате ДД.ММ.ГГГГ")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "Срок сдачи: такой даты нет",
    },
  );

/** The lesson panel's «Сдача работ» settings of a homework. */
export const settingsSchema = z.discriminatedUnion("handin", [
  z.object({ homeworkId: idSchema, handin: z.literal("off") }),
  z.object({
    homeworkId: idSchema,
    handin: z.literal("on"),
    dueDate: isoDate,
    dueTime: z
      .string()
      .trim()
      .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, "Время сдачи в формате ЧЧ:ММ")
      .optional()
      .default(""),
    /** "" = review without a mark; "a:<id>" = an assignment of the lesson; "t:<typeId>" = a new assignment of that type. */
    markTarget: z
      .string()
      .trim()
      .regex(/^(|a:\d{1,9}|t:\d{1,9})$/, "Неверное задание для отметки")
      .optional()
      .default(""),
  }),
]);
