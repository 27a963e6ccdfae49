// Forms of the schedule (SCH-1…SCH-6), parsed with zod; Russian messages for bad input (NFR-4). A schema
// cannot know the organisation's kind, so its messages name both words — «урок (занятие)», «учитель
// (преподаватель)» — as round 22 decided for «класс или группа» (DAY-6, issue 22 round 23).
import { z } from "zod";
import { multiLine, singleLine, idOf } from "@/lib/schema";
import { parseDateKey } from "./week";

const id = idOf("Выберите значение");
// Optional fields: absent or empty → null. `.optional()` on the union keeps a missing key valid (zod 4).
const optionalId = z
  .union([z.literal(""), z.null(), id], { error: "Выберите значение из списка" })
  .optional()
  .transform((v) => (v === "" || v === undefined || v === null ? null : v));
export const calendarDate = singleLine({ error: "Укажите дату" }).transform((v, ctx) => {
  const d = parseDateKey(v.trim());
  if (!d) {
    ctx.addIssue({ code: "custom", message: "Укажите дату в формате ДД.ММ.ГГГГ" });
    return z.NEVER;
  }
  return d;
});

export const idParam = id;

export const entryForm = z
  .object({
    entryId: optionalId,
    classId: id,
    weekday: z.coerce
      .number({ error: "Укажите день недели" })
      .int("Укажите день недели")
      .min(1, "День недели: 1–7")
      .max(7, "День недели: 1–7"),
    bellNumber: z.coerce
      .number({ error: "Укажите номер урока (занятия)" })
      .int("Номер урока (занятия) — целое число")
      .min(1, "Номер урока (занятия) от 1")
      .max(12, "Номер урока (занятия) до 12"),
    subjectId: id,
    teacherId: id,
    roomId: optionalId,
    subgroupId: optionalId,
    hours: z.coerce
      .number({ error: "Укажите часы" })
      .min(0.5, "Часов не меньше 0,5")
      .max(4, "Часов не больше 4")
      .default(1),
    validFrom: calendarDate,
    validTo: calendarDate,
  })
  .refine((v) => v.validFrom.getTime() <= v.validTo.getTime(), {
    message: "Дата начала позже даты окончания",
    path: ["validTo"],
  });

export type EntryInput = z.infer<typeof entryForm>;

export const changeForm = z
  .object({
    kind: z.enum(["REPLACE", "CANCEL", "MOVE", "ADD"], { error: "Выберите вид изменения" }),
    classId: id,
    date: calendarDate,
    entryId: optionalId,
    subjectId: optionalId,
    teacherId: optionalId,
    roomId: optionalId,
    bellNumber: z
      .union(
        [
          z.literal(""),
          z.coerce
            .number()
            .int("Номер урока (занятия) — целое число")
            .min(1, "Номер урока (занятия) от 1")
            .max(12, "Номер урока (занятия) до 12"),
        ],
        { error: "Номер урока (занятия) — число от 1 до 12" },
      )
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
    toDate: z
      .union([z.literal(""), calendarDate], { error: "Укажите дату в формате ДД.ММ.ГГГГ" })
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
    note: multiLine().trim().max(500, "Не длиннее 500 символов").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "ADD" && v.entryId === null)
      ctx.addIssue({ code: "custom", message: "Выберите урок (занятие) расписания", path: ["entryId"] });
    if (v.kind === "ADD" && (v.subjectId === null || v.teacherId === null || v.bellNumber === null))
      ctx.addIssue({
        code: "custom",
        message: "Для добавленного урока (занятия) нужны предмет (дисциплина), учитель (преподаватель) и номер",
        path: ["subjectId"],
      });
    if (v.kind === "MOVE" && v.toDate === null && v.bellNumber === null)
      ctx.addIssue({ code: "custom", message: "Укажите новую дату или номер урока (занятия)", path: ["toDate"] });
    if (v.kind === "REPLACE" && v.subjectId === null && v.teacherId === null && v.roomId === null)
      ctx.addIssue({
        code: "custom",
        message: "Укажите новый предмет (дисциплину), учителя (преподавателя) или кабинет",
        path: ["teacherId"],
      });
  });

export type ChangeInput = z.infer<typeof changeForm>;

export const substitutionForm = z
  .object({
    originalId: id,
    substituteId: id,
    classId: optionalId,
    subjectId: optionalId,
    lessonId: optionalId,
    dateFrom: calendarDate,
    dateTo: calendarDate,
    note: multiLine().trim().max(500, "Не длиннее 500 символов").optional().default(""),
  })
  .refine((v) => v.dateFrom.getTime() <= v.dateTo.getTime(), {
    message: "Дата начала позже даты окончания",
    path: ["dateTo"],
  })
  .refine((v) => v.originalId !== v.substituteId, {
    message: "Замещающий учитель (преподаватель) совпадает с основным",
    path: ["substituteId"],
  });

export type SubstitutionInput = z.infer<typeof substitutionForm>;

export const generateForm = z
  .object({ classId: optionalId, from: calendarDate, to: calendarDate })
  .refine((v) => v.from.getTime() <= v.to.getTime(), { message: "Дата начала позже даты окончания", path: ["to"] })
  .refine((v) => v.to.getTime() - v.from.getTime() <= 400 * 86_400_000, {
    message: "Период не длиннее учебного года",
    path: ["to"],
  });

export type GenerateInput = z.infer<typeof generateForm>;

export const bellScheduleForm = z.object({
  name: singleLine({ error: "Укажите название" }).trim().min(1, "Укажите название").max(100, "Не длиннее 100 символов"),
  isDefault: z
    .union([z.literal("on"), z.literal("")], { error: "Неверное значение флажка" })
    .optional()
    .transform((v) => v === "on"),
  bells: multiLine({ error: "Укажите звонки" }).max(2000, "Слишком длинный текст"),
});

export const roomForm = z.object({
  name: singleLine({ error: "Укажите кабинет" }).trim().min(1, "Укажите кабинет").max(60, "Не длиннее 60 символов"),
  capacity: z
    .union(
      [
        z.literal(""),
        z.coerce.number().int("Вместимость — целое число").min(1, "Вместимость от 1").max(2000, "Вместимость до 2000"),
      ],
      { error: "Вместимость — целое число от 1 до 2000" },
    )
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  building: singleLine()
    .trim()
    .max(100, "Не длиннее 100 символов")
    .optional()
    .transform((v) => (v ? v : null)),
});

export const assignBellsForm = z.object({ classId: id, scheduleId: id });

const clock = singleLine().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Укажите время как ЧЧ:ММ");

export const eventForm = z
  .object({
    title: singleLine({ error: "Укажите название" })
      .trim()
      .min(1, "Укажите название")
      .max(200, "Не длиннее 200 символов"),
    description: multiLine()
      .trim()
      .max(2000, "Не длиннее 2000 символов")
      .optional()
      .transform((v) => v || null),
    place: singleLine()
      .trim()
      .max(200, "Не длиннее 200 символов")
      .optional()
      .transform((v) => v || null),
    classId: optionalId,
    date: calendarDate,
    startTime: clock,
    endTime: z
      .union([z.literal(""), clock], { error: "Укажите время как ЧЧ:ММ" })
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => !v.endTime || v.endTime > v.startTime, { message: "Окончание раньше начала", path: ["endTime"] });

export type EventInput = z.infer<typeof eventForm>;

export const examForm = z.object({
  classId: id,
  subjectId: id,
  kind: z.enum(["EXAM", "CREDIT", "DIFF_CREDIT", "COURSEWORK", "PRACTICE", "VKR", "OTHER"], {
    error: "Выберите форму аттестации",
  }),
  date: calendarDate,
  time: clock,
  roomId: optionalId,
  examinerId: optionalId,
  isConsultation: z
    .union([z.literal("on"), z.literal("")], { error: "Неверное значение флажка" })
    .optional()
    .transform((v) => v === "on"),
});

export type ExamInput = z.infer<typeof examForm>;
