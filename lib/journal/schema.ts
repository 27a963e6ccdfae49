// zod schemas of the journal's requests (NFR-4: bad input is refused before any write, with a
// Russian message). Shared by the route handlers, the server actions and the client grid.
import { z } from "zod";
import { idSchema, jsonIdOf, singleLine } from "@/lib/schema";

const id = jsonIdOf();
const version = z.number({ error: "Неверная версия" }).int().min(0).max(2_147_483_647);
const reason = singleLine().trim().max(500, "Причина — не длиннее 500 символов").nullish();

export const cellSaveSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("mark"),
    lessonId: id,
    studentId: id,
    /** null: the lesson has no assignment yet; `typeId` names the one to create. */
    assignmentId: id.nullable(),
    typeId: id.nullish(),
    input: singleLine().max(20, "Слишком длинное значение"),
    /** undefined: keep the stored comment. */
    comment: singleLine().trim().max(500, "Комментарий — не длиннее 500 символов").nullish(),
    version,
    reason,
  }),
  z.object({
    kind: z.literal("attendance"),
    lessonId: id,
    studentId: id,
    input: singleLine().max(10, "Слишком длинное значение"),
    version,
    reason,
  }),
  z.object({ kind: z.literal("allPresent"), lessonId: id }),
]);

export type CellSave = z.infer<typeof cellSaveSchema>;

export const historyQuerySchema = z.object({
  kind: z.enum(["mark", "attendance", "lesson"]),
  lessonId: idSchema,
  studentId: idSchema.optional(),
  assignmentId: idSchema.optional(),
});

export const gridQuerySchema = z.object({
  class: idSchema.optional(),
  subject: idSchema.optional(),
  subgroup: idSchema.optional(),
  period: idSchema.optional(),
  lesson: idSchema.optional(),
  /** The academic year of the picker (REC-3); absent = the current one. */
  year: idSchema.optional(),
});

/** Issue 22 item 4: the grid's lessons before / after the loaded ones (GET /api/journal/grid). */
export const gridWindowQuerySchema = z.object({
  class: idSchema,
  subject: idSchema,
  subgroup: idSchema.optional(),
  period: idSchema.optional(),
  /** The first and the last lesson the grid holds now. */
  from: idSchema,
  to: idSchema,
  dir: z.enum(["before", "after"], { message: "Укажите направление: before или after" }),
});
