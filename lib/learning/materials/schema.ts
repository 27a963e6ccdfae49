// zod schemas of the materials forms (LRN-2): a material (file or link) for a subject, a grade or
// a class and a topic; attaching one to a lesson or a КТП topic; the library's search.
import { z } from "zod";
import { idSchema, multiLine, singleLine } from "@/lib/schema";

const optionalId = z.union([z.literal(""), idSchema]).transform((v) => (v === "" ? null : v));
const optionalText = (max: number, label: string, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine : singleLine)()
    .max(max, `${label}: не длиннее ${max} символов`)
    .transform((s) => s.trim() || null)
    .optional()
    .transform((v) => v ?? null);

/** One http(s) link: no javascript:, data: or file: URL ever reaches a reader's click. */
export const linkSchema = singleLine()
  .trim()
  .max(2000, "Ссылка — не длиннее 2000 символов")
  .pipe(z.url({ protocol: /^https?$/, error: "Ссылка должна начинаться с http:// или https://" }));

export const materialSchema = z
  .object({
    title: singleLine().trim().min(1, "Введите название").max(300, "Название — не длиннее 300 символов"),
    description: optionalText(2000, "Описание", "multi"),
    subjectId: idSchema,
    grade: z
      .union([
        z.literal(""),
        z.coerce
          .number()
          .int()
          .min(1, "Класс (параллель) или курс: от 1 до 11")
          .max(11, "Класс (параллель) или курс: от 1 до 11"),
      ])
      .transform((v) => (v === "" ? null : v)),
    classId: optionalId,
    topic: optionalText(500, "Тема"),
    kind: z.enum(["FILE", "LINK"], { error: "Выберите: файл или ссылка" }),
    url: z.string().optional().default(""),
  })
  .transform((m, ctx) => {
    if (m.kind === "FILE") return { ...m, url: null };
    const link = linkSchema.safeParse(m.url);
    if (!link.success) {
      ctx.addIssue({ code: "custom", message: link.error.issues[0]?.message ?? "Неверная ссылка", path: ["url"] });
      return z.NEVER;
    }
    return { ...m, url: link.data };
  });

export const attachSchema = z.object({
  target: z.enum(["lesson", "topic"], { error: "Неизвестно, к чему прикрепить" }),
  targetId: idSchema,
  materialId: idSchema,
  intent: z.enum(["attach", "detach"], { error: "Неизвестное действие" }),
});

export const searchSchema = z.object({
  q: singleLine().trim().max(200).optional().catch(undefined),
  subject: idSchema.optional().catch(undefined),
  grade: z.coerce.number().int().min(1).max(11).optional().catch(undefined),
});
