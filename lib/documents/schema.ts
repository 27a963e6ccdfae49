// zod schemas of the documents store's forms (LRN-3): a document's card (title, category, number,
// date, who reads it, whether it is the journal's regulation) and a new version's note.
import { z } from "zod";
import { singleLine } from "@/lib/schema";
import { ROLES } from "@/lib/access/roles";
import { DOCUMENT_CATEGORIES } from "./rules";

const isoDate = singleLine()
  .trim()
  .refine(
    (s) => s === "" || (/^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)),
    {
      message: "Дата документа в формате ДД.ММ.ГГГГ",
    },
  )
  .transform((s) => (s ? new Date(`${s}T00:00:00.000Z`) : null));

/** The card's fields from a form (visibleTo comes as repeated checkboxes, read separately). */
export const cardSchema = z.object({
  title: singleLine().trim().min(1, "Введите название документа").max(300, "Название — не длиннее 300 символов"),
  category: z.enum(DOCUMENT_CATEGORIES, { error: "Выберите раздел" }),
  number: singleLine()
    .trim()
    .max(50, "Номер — не длиннее 50 символов")
    .optional()
    .transform((s) => s || null),
  date: isoDate.optional().transform((d) => d ?? null),
  journalRegulation: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export const visibleToSchema = z
  .array(z.enum(ROLES, { error: "Неизвестная роль" }))
  .max(ROLES.length)
  .transform((roles) => [...new Set(roles)]);

export const noteSchema = singleLine()
  .trim()
  .max(500, "Примечание — не длиннее 500 символов")
  .optional()
  .transform((s) => s || null);
