// Inputs of the archive register (REC-5): retention years per document kind and the act of
// destruction (the documents chosen, an optional basis, the explicit confirmation). Russian messages.
import { z } from "zod";
import { singleLine, idOf } from "@/lib/schema";
import { RETENTION_KINDS, RETENTION_MAX_YEARS, RETENTION_MIN_YEARS, type RetentionKind } from "./rules";

const years = z.coerce
  .number({ error: "Укажите число лет" })
  .int("Целое число лет")
  .min(RETENTION_MIN_YEARS, `Не меньше ${RETENTION_MIN_YEARS}`)
  .max(RETENTION_MAX_YEARS, `Не больше ${RETENTION_MAX_YEARS}`);

export const retentionSchema = z.object(
  Object.fromEntries(RETENTION_KINDS.map((k) => [k, years])) as Record<RetentionKind, typeof years>,
);

export const disposalSchema = z.object({
  documentIds: z
    .array(idOf("Неверный документ"), {
      error: "Выберите документы",
    })
    .min(1, "Выберите документы для уничтожения")
    .max(5_000, "Слишком много документов в одном акте"),
  basis: singleLine()
    .trim()
    .max(300, "Не длиннее 300 символов")
    .optional()
    .transform((v) => (v ? v : null)),
  confirm: z.literal("1", { error: "Подтвердите уничтожение документов" }),
});
