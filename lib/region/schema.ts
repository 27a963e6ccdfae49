// REG-2: the territory report's request (the /region/reports page's form and file route), parsed
// before anything is read; Russian messages.
import { z } from "zod";
import { singleLine } from "@/lib/schema";
import { TERRITORY_KINDS } from "./rules";

const date = (what: string) =>
  singleLine({ error: `Укажите ${what}` })
    .regex(
      /^\d{4}-\d{2}-\d{2}$/,
      `Дата ${what === "начало периода" ? "начала" : "конца"} должна быть в виде ГГГГ-ММ-ДД`,
    )
    .transform((s) => new Date(`${s}T00:00:00.000Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "Неверная дата");

/** The longest range: a school year and a little (the journal-fill report's limit, CTL-1). */
export const MAX_RANGE_DAYS = 400;

export const territoryReportRequest = z
  .object({
    kind: z.enum(TERRITORY_KINDS, {
      error: "Выберите отчёт: успеваемость, посещаемость, заполнение журнала или контингент",
    }),
    from: date("начало периода"),
    to: date("конец периода"),
  })
  .refine((q) => !(q.from instanceof Date && q.to instanceof Date) || q.from <= q.to, {
    message: "Начало периода позже его конца",
    path: ["to"],
  })
  .refine(
    (q) =>
      !(q.from instanceof Date && q.to instanceof Date) ||
      q.to.getTime() - q.from.getTime() <= MAX_RANGE_DAYS * 86_400_000,
    {
      message: "Период не длиннее учебного года",
      path: ["to"],
    },
  );

export type TerritoryReportRequest = z.infer<typeof territoryReportRequest>;
