// zod schemas of the school resources catalogue (LRN-4): a link or a resource with its category,
// description, order and the roles that see it.
import { z } from "zod";
import { idOf, multiLine, singleLine } from "@/lib/schema";
import { linkSchema } from "@/lib/learning/materials/schema";

export const resourceSchema = z.object({
  title: singleLine().trim().min(1, "Введите название").max(300, "Название — не длиннее 300 символов"),
  url: singleLine()
    .trim()
    .optional()
    .transform((s) => s || null)
    .pipe(linkSchema.nullable()),
  description: multiLine()
    .trim()
    .max(2000, "Описание — не длиннее 2000 символов")
    .optional()
    .transform((s) => s || null),
  category: singleLine()
    .trim()
    .max(100, "Раздел — не длиннее 100 символов")
    .optional()
    .transform((s) => s || null),
  sortOrder: z
    .union([z.literal(""), z.coerce.number().int("Порядок — целое число").min(0).max(10_000)])
    .optional()
    .transform((v) => (v === "" || v === undefined ? 0 : v)),
});

export const resourceId = idOf();
