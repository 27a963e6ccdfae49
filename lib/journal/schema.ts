// zod schemas of the journal's requests (NFR-4: bad input is refused before any write, with a
// Russian message). Shared by the route handlers, the server actions and the client grid.
import { z } from "zod";
import { singleLine } from "@/lib/schema";

const id = z.number({ error: "Неверный идентификатор" }).int().positive().max(2_147_483_647);
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
  lessonId: z.coerce.number().int().positive().max(2_147_483_647),
  studentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  assignmentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

export const gridQuerySchema = z.object({
  class: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  subject: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  subgroup: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  period: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  lesson: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** The academic year of the picker (REC-3); absent = the current one. */
  year: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
