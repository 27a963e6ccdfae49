// Input of ADMIN's opening of dates (JRN-6, REC-1): zod at the boundary.
import { z } from "zod";
import { dateField } from "@/lib/people/schema";
import { singleLine, idOf } from "@/lib/schema";

const id = idOf("Неверный идентификатор");

const bothDates = (v: { from: unknown; to: unknown }) => v.from instanceof Date && v.to instanceof Date;

/** ADMIN opens class × subject × dates for 12 hours (JRN-6, REC-1). */
export const openDatesSchema = z
  .object({
    classId: id,
    subjectId: id,
    from: dateField("первая дата"),
    to: dateField("последняя дата"),
    reason: singleLine({ error: "Укажите причину" })
      .trim()
      .min(5, { error: "Укажите причину (не короче 5 символов)" })
      .max(500, { error: "Причина — не длиннее 500 символов" }),
  })
  // zod 4 runs object refinements even when a field failed: compare only two real dates.
  .refine((v) => !bothDates(v) || v.from.getTime() <= v.to.getTime(), { error: "Начало позже окончания", path: ["to"] })
  .refine((v) => !bothDates(v) || v.to.getTime() - v.from.getTime() <= 100 * 86_400_000, {
    error: "Открыть можно не больше 100 дней за раз",
    path: ["to"],
  });
