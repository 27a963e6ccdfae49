// The movement form (PPL-3): kind, date, order number and date, target class, form of education.
import { z } from "zod";
import { singleLine, idOf } from "@/lib/schema";
import { EDUCATION_FORMS } from "../card-rules";
import { dateField, idSchema, parseCalendarDate, requiredText } from "../schema";
import { MANUAL_KINDS, MOVEMENT_KINDS } from "./rules";

export const movementSchema = z.object({
  studentId: idOf("Выберите ученика"),
  kind: z.enum(MANUAL_KINDS, { error: "Выберите вид движения" }),
  date: dateField("дата движения"),
  orderNumber: requiredText("номер приказа", 40),
  orderDate: dateField("дата приказа"),
  toClassId: z
    .union([idSchema, z.literal("")])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  educationForm: z
    .enum(["", ...EDUCATION_FORMS], { error: "Выберите форму обучения из списка" })
    .optional()
    .transform((v) => (v ? v : null)),
  note: singleLine()
    .trim()
    .max(300, "Не длиннее 300 символов")
    .optional()
    .transform((v) => (v ? v : null)),
});
export type MovementInput = z.output<typeof movementSchema>;

const optionalDay = singleLine()
  .optional()
  .transform((v) => (v ? (parseCalendarDate(v) ?? undefined) : undefined))
  .catch(undefined);

/** Filters of «Книга движения» from the query string; anything malformed is simply not applied. */
export const movementFilterSchema = z.object({
  kind: z.enum(MOVEMENT_KINDS).optional().catch(undefined),
  classId: idSchema.optional().catch(undefined),
  from: optionalDay,
  to: optionalDay,
});
export type MovementFilter = Partial<z.output<typeof movementFilterSchema>>;
