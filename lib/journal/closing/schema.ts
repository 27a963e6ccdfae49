// Input of closing a period (REC-1): zod at the boundary.
import { z } from "zod";
import { singleLine, idOf } from "@/lib/schema";

const id = idOf("Неверный идентификатор");

export const closePeriodSchema = z.object({
  periodId: id,
  target: singleLine({ error: "Выберите, что закрыть" }).trim().min(1, { error: "Выберите, что закрыть" }).max(40),
  basis: singleLine({ error: "Укажите основание" })
    .trim()
    .min(3, { error: "Укажите основание: номер и дату приказа или протокола" })
    .max(200, { error: "Основание — не длиннее 200 символов" }),
  // «Закрыть до окончания периода»: the closer's confirmation that lessons still to come are closed too.
  early: z
    .enum(["on"], { error: "Неверное значение отметки «Закрыть до окончания периода»" })
    .optional()
    .transform((v) => v === "on"),
});
