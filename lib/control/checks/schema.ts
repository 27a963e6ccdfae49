// Inputs of journal checks (DUT-2) with Russian messages (NFR-4).
import { z } from "zod";
import { blankToUndefined, idOf, multiLine, optionalIdOf } from "@/lib/schema";
import { CHECK_LEVELS } from "./rules";

const id = idOf("Неверный номер");
const optionalId = optionalIdOf("Неверный номер");
const date = z
  .string({ error: "Укажите дату" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Дата должна быть в виде ГГГГ-ММ-ДД")
  .transform((s) => new Date(`${s}T00:00:00.000Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "Неверная дата");

/** «Записать проверку»: class (required), subject and period (optional), result, findings, a remark to a teacher. */
export const checkCreate = z
  .object({
    classId: id,
    subjectId: optionalId,
    periodId: optionalId,
    level: z.preprocess(
      blankToUndefined,
      z.enum(CHECK_LEVELS, { error: "Проверка как: выберите из списка" }).optional(),
    ),
    result: z.enum(["OK", "REMARKS"], { error: "Результат: выберите из списка" }),
    findings: z.preprocess(
      blankToUndefined,
      multiLine().trim().max(2000, "Итоги: не длиннее 2000 символов").optional(),
    ),
    remarkTeacherId: optionalId,
    remarkText: z.preprocess(
      blankToUndefined,
      multiLine()
        .trim()
        .min(3, "Замечание: не короче 3 символов")
        .max(2000, "Замечание: не длиннее 2000 символов")
        .optional(),
    ),
  })
  .refine((c) => !c.remarkText || c.remarkTeacherId, {
    message: "Выберите учителя (преподавателя), которому адресовано замечание",
    path: ["remarkTeacherId"],
  })
  .refine((c) => !c.remarkText || c.result === "REMARKS", {
    message: "С замечанием результат — «есть замечания»",
    path: ["result"],
  });
export type CheckCreate = z.infer<typeof checkCreate>;

/** The lists of checks: made between two dates (default: the current month) and due. */
export const checksQuery = z
  .object({
    from: date,
    to: date,
    classId: optionalId,
    level: z.preprocess(blankToUndefined, z.enum(CHECK_LEVELS, { error: "Уровень: выберите из списка" }).optional()),
  })
  .refine((q) => q.from <= q.to, { message: "Начало периода позже его конца", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 400 * 86_400_000, {
    message: "Период не длиннее учебного года",
    path: ["to"],
  });
export type ChecksParams = z.infer<typeof checksQuery>;
