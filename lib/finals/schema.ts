// Input of the final marks page (FIN-1): the address's choice and one saved cell.
import { z } from "zod";
import { singleLine, idSchema } from "@/lib/schema";

const id = idSchema;

/** `/finals?classId=&subjectId=&periodId=` — anything malformed is simply not chosen. */
export const finalsQuerySchema = z.object({
  classId: id.optional(),
  subjectId: id.optional(),
  periodId: id.optional(),
  /** The picker's academic year (REC-3); absent = the current one. */
  year: id.optional(),
});

export const saveFinalSchema = z.object({
  classId: id,
  subjectId: id,
  studentId: id,
  kind: z.enum(["PERIOD", "YEAR", "EXAM", "FINAL", "ATTESTATION"], { error: "Неизвестный вид итоговой отметки" }),
  periodId: id.nullable(),
  text: singleLine({ error: "Введите отметку" }).max(20, { error: "Слишком длинное значение" }),
  version: z.coerce.number().int().min(0).max(1_000_000),
});
export type SaveFinalInput = z.infer<typeof saveFinalSchema>;
