// zod schemas of the portfolio forms (LRN-5): a student's achievement, the class teacher's
// confirmation or rejection, a teacher's portfolio entry.
import { z } from "zod";
import { idOf, idSchema, singleLine } from "@/lib/schema";
import { ACHIEVEMENT_KINDS, ACHIEVEMENT_LEVELS, STAFF_KINDS } from "./rules";

const optionalText = (max: number, label: string) =>
  singleLine()
    .trim()
    .max(max, `${label}: не длиннее ${max} символов`)
    .optional()
    .transform((s) => s || null);

const pastDate = singleLine()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: "Дата в формате ДД.ММ.ГГГГ",
  })
  .transform((s) => new Date(`${s}T00:00:00.000Z`))
  .refine((d) => d.getUTCFullYear() >= 1950, { message: "Дата не раньше 1950 года" });

export const achievementSchema = z.object({
  studentId: idSchema,
  kind: z.enum(ACHIEVEMENT_KINDS, { error: "Выберите вид достижения" }),
  level: z.enum(ACHIEVEMENT_LEVELS, { error: "Выберите уровень" }),
  title: singleLine().trim().min(1, "Введите название").max(300, "Название — не длиннее 300 символов"),
  result: optionalText(200, "Результат"),
  subject: optionalText(200, "Предмет или направление"),
  date: pastDate,
});

export const decisionSchema = z.object({
  achievementId: idSchema,
  intent: z.enum(["confirm", "reject", "delete"], { error: "Неизвестное действие" }),
  reason: optionalText(500, "Причина"),
});

export const staffAchievementSchema = z.object({
  userId: idSchema,
  kind: z.enum(STAFF_KINDS, { error: "Выберите вид записи" }),
  title: singleLine().trim().min(1, "Введите название").max(300, "Название — не длиннее 300 символов"),
  issuer: optionalText(300, "Кем выдано"),
  date: pastDate,
  hours: z
    .union([
      z.literal(""),
      z.coerce.number().int("Часы — целое число").min(1, "Часы: от 1").max(10_000, "Часы: не больше 10 000"),
    ])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  documentNumber: optionalText(100, "Номер документа"),
});

/**
 * The portfolio index's filters from the address (issue 22 item 7): a class, the start of a name,
 * only pupils with entries waiting for confirmation. A bad value is refused with its message.
 */
export const portfolioIndexQuery = z.object({
  classId: z.preprocess((v) => (v === "" ? undefined : v), idOf("Класс: неверный выбор").optional()),
  q: singleLine()
    .trim()
    .max(60, "Фамилия: не длиннее 60 символов")
    .optional()
    .transform((s) => s || undefined),
  pending: z.enum(["1"], { error: "Отбор «ждут подтверждения»: неверное значение" }).optional(),
});
export type PortfolioIndexQuery = z.output<typeof portfolioIndexQuery>;
