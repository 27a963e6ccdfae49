// zod schemas of lesson plans (PLAN-1, PLAN-2, PLAN-4): one topic row, the topic list of the
// editor, the XLSX import rows and the workflow forms. Russian messages; no Prisma imports.
import { z } from "zod";
import { blankToUndefined, idOf, multiLine, optionalIdOf, singleLine, idSchema } from "@/lib/schema";

export const MAX_TOPICS = 500;

/** Empty / whitespace-only text becomes null, so «no value» has one spelling (the round trip relies on it). */
const optionalText = (max: number, label: string, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine : singleLine)({ error: `${label}: ожидается текст` })
    .trim()
    .max(max, { error: `${label}: не длиннее ${max} символов` })
    .nullish()
    .transform((v) => (v ? v : null));

/** Hours of one topic: positive, a multiple of 0.5 (split/merge of lessons), at most 99.5. */
export const topicHours = z.coerce
  .number({ error: "Часы: ожидается число" })
  .refine((v) => Number.isFinite(v), { error: "Часы: ожидается число" })
  .refine((v) => v > 0, { error: "Часы: должно быть больше нуля" })
  .refine((v) => v <= 99.5, { error: "Часы: не больше 99,5" })
  .refine((v) => Number.isInteger(v * 2), { error: "Часы: кратно 0,5 (например 1 или 1,5)" });

export const topicRowSchema = z.object({
  title: singleLine({ error: "Тема: обязательна" })
    .trim()
    .min(1, { error: "Тема: обязательна" })
    .max(500, { error: "Тема: не длиннее 500 символов" }),
  hours: topicHours,
  kesCodes: optionalText(200, "КЭС"),
  lessonType: optionalText(200, "Тип урока"),
  controlKind: optionalText(200, "Вид контроля"),
  homework: optionalText(2000, "Домашнее задание", "multi"),
});

export type TopicRow = z.infer<typeof topicRowSchema>;

export const topicListSchema = z
  .array(topicRowSchema)
  .min(1, { error: "В плане должна быть хотя бы одна тема" })
  .max(MAX_TOPICS, { error: `Не больше ${MAX_TOPICS} тем в плане` });

export { idSchema } from "@/lib/schema";

export const createPlanSchema = z
  .object({
    loadId: idSchema,
    parallel: z.enum(["on"]).optional(),
  })
  .transform((v) => ({ loadId: v.loadId, parallel: v.parallel === "on" }));

export const reviewSchema = z
  .object({
    planId: idSchema,
    decision: z.enum(["approve", "return"], { error: "Выберите решение" }),
    comment: multiLine().trim().max(2000, { error: "Комментарий не длиннее 2000 символов" }).optional().default(""),
  })
  .refine((v) => v.decision === "approve" || v.comment.length > 0, {
    error: "При возврате на доработку укажите комментарий",
    path: ["comment"],
  });

export const rebindSchema = z.object({
  lessonId: idSchema,
  /** Empty = unbind the lesson. */
  topicId: z.union([z.literal(""), idSchema]).transform((v) => (v === "" ? null : v)),
});

export const copySchema = z.object({ planId: idSchema, loadId: idSchema });

/** Parses the JSON of the topic editor; a message per row when rows are wrong. */
export function parseTopicsJson(raw: unknown): { ok: true; topics: TopicRow[] } | { ok: false; message: string } {
  if (typeof raw !== "string") return { ok: false, message: "Нет списка тем" };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, message: "Список тем повреждён" };
  }
  const parsed = topicListSchema.safeParse(value);
  if (parsed.success) return { ok: true, topics: parsed.data };
  const issue = parsed.error.issues[0];
  const row = typeof issue?.path[0] === "number" ? `Строка ${issue.path[0] + 1}: ` : "";
  return { ok: false, message: `${row}${issue?.message ?? "Проверьте темы"}` };
}

/**
 * PLAN-5's page filter (GET parameters, issue 22 item 7): class, subject, teacher, «only lagging»
 * and the order; a blank field is «any». A bad value is refused with its Russian message.
 */
export const fulfilmentQuery = z.object({
  class: optionalIdOf("Класс в фильтре указан неверно"),
  subject: optionalIdOf("Предмет в фильтре указан неверно"),
  teacher: optionalIdOf("Учитель в фильтре указан неверно"),
  lagging: z.preprocess(
    blankToUndefined,
    z.literal("1", { error: "Отметка «только отстающие» указана неверно" }).optional(),
  ),
  sort: z.preprocess(
    blankToUndefined,
    z.enum(["class", "lag"], { error: "Порядок строк указан неверно: по классам или по отставанию" }).optional(),
  ),
});

/** One fulfilment line's sections (GET /plans/fulfilment/sections?class=…&subject=…). */
export const sectionsQuery = z.object({
  class: idOf("Класс указан неверно"),
  subject: idOf("Предмет указан неверно"),
});

/** The class whose loads the administration's «Новый план» offers (GET /plans?class=…). */
export const createChoiceQuery = z.object({ class: optionalIdOf("Класс указан неверно") });
