// PRG-2 forms: a club, a member, a weekly slot, the КТП, a journal session. Russian messages
// (NFR-4); text through lib/schema (SEC-3); ids through the one id schema.
import { z } from "zod";
import { blankToUndefined, idOf, multiLine, optionalIdOf, singleLine } from "@/lib/schema";
import { parseDateKey } from "@/lib/schedule/week";

const clubId = idOf("Объединение не найдено");

const date = (label: string) =>
  z.string({ error: `${label}: укажите дату` }).transform((v, ctx) => {
    const d = parseDateKey(v.trim());
    if (!d) {
      ctx.addIssue({ code: "custom", message: `${label}: дата в формате ГГГГ-ММ-ДД` });
      return z.NEVER;
    }
    return d;
  });

export const clubForm = z.object({
  clubId: optionalIdOf("Объединение не найдено"),
  name: singleLine({ error: "Название: обязательно" })
    .trim()
    .min(1, { error: "Название: обязательно" })
    .max(200, { error: "Название не длиннее 200 символов" }),
  leaderId: idOf("Выберите руководителя"),
  description: multiLine({ error: "Описание: ожидается текст" })
    .trim()
    .max(2000, { error: "Описание не длиннее 2000 символов" })
    .optional()
    .transform((v) => v || null),
  /** Places for open enrolment by the family; blank = no limit. */
  capacity: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Мест: целое число от 1 до 500" })
      .int({ error: "Мест: целое число от 1 до 500" })
      .min(1, { error: "Мест: целое число от 1 до 500" })
      .max(500, { error: "Мест: целое число от 1 до 500" })
      .optional()
      .transform((v) => v ?? null),
  ),
});
export type ClubInput = z.infer<typeof clubForm>;

export const clubRefForm = z.object({ clubId });

export const memberForm = z.object({ clubId, studentId: idOf("Выберите ученика") });

/** PRG-2 open enrolment: a family member enrols the student in a club or takes them out. */
export const enrolForm = z.object({ clubId, studentId: idOf("Ученик не найден") });

export const slotForm = z.object({
  clubId,
  weekday: z.coerce
    .number({ error: "День недели: выберите из списка" })
    .int({ error: "День недели: выберите из списка" })
    .min(1, { error: "День недели: выберите из списка" })
    .max(7, { error: "День недели: выберите из списка" }),
  start: singleLine({ error: "Начало: ЧЧ:ММ" }).trim(),
  end: singleLine({ error: "Окончание: ЧЧ:ММ" }).trim(),
  roomId: optionalIdOf("Кабинет не найден"),
  validFrom: z.preprocess(blankToUndefined, date("Действует с").optional()),
  validTo: z.preprocess(blankToUndefined, date("Действует по").optional()),
});
export type SlotInput = z.infer<typeof slotForm>;

export const slotRefForm = z.object({ clubId, slotId: idOf("Занятие расписания не найдено") });

export const planForm = z.object({
  clubId,
  plan: multiLine({ error: "КТП: ожидается текст" }).max(50_000, { error: "Слишком длинный текст КТП" }),
});

export const sessionForm = z.object({
  clubId,
  date: date("Дата занятия"),
  topic: singleLine({ error: "Тема: ожидается текст" })
    .trim()
    .min(1, { error: "Тема занятия: обязательно" })
    .max(300, { error: "Тема не длиннее 300 символов" }),
});

/** The clubs' attendance report (RPT-3 style): one club or all, an academic period or a date range, the format. */
export const clubReportQuery = z
  .object({
    clubId: optionalIdOf("Объединение не найдено"),
    periodId: optionalIdOf("Период не найден"),
    from: z.preprocess(blankToUndefined, date("Начало периода").optional()),
    to: z.preprocess(blankToUndefined, date("Конец периода").optional()),
    format: z.enum(["pdf", "xlsx"], { error: "Формат: pdf или xlsx" }),
  })
  .superRefine((q, ctx) => {
    if (q.periodId !== undefined) return;
    if (!q.from || !q.to) ctx.addIssue({ code: "custom", message: "Выберите период или укажите даты «с» и «по»" });
    else if (q.from > q.to) ctx.addIssue({ code: "custom", message: "Начало периода позже его конца" });
    else if (q.to.getTime() - q.from.getTime() > 400 * 86_400_000)
      ctx.addIssue({ code: "custom", message: "Период длиннее учебного года" });
  });
export type ClubReportQuery = z.infer<typeof clubReportQuery>;
