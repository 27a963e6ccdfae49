// The zod schemas of /api/v1 (API-1, API-3): query parameters (parsed with Russian messages) and
// the response shapes. The OpenAPI document is generated from these same schemas (openapi.ts),
// and the tests parse real responses with them. Dates are ISO strings: days «YYYY-MM-DD»,
// instants «YYYY-MM-DDTHH:mm:ss.sssZ».
import { z } from "zod";
import { ERRORS } from "@/lib/errors";

export const isoDay = z.iso.date().meta({ description: "Дата YYYY-MM-DD" });
export const isoInstant = z.iso.datetime().meta({ description: "Момент времени ISO 8601 (UTC)" });
export const id = z.int().positive().meta({ description: "Постоянный идентификатор" });

export const idParam = z.coerce
  .number({ error: "Укажите числовой идентификатор" })
  .int("Идентификатор — целое число")
  .positive("Идентификатор больше нуля")
  .max(2_147_483_647, "Слишком большой идентификатор");

// ───────────── query parameters ─────────────

export const weekQuery = z.object({
  week: z.iso
    .date({ error: "Неделя: дата в формате ГГГГ-ММ-ДД" })
    .optional()
    .meta({ description: "Любой день недели (по умолчанию — текущая неделя)" }),
});

export const pageQuery = z.object({
  page: z.coerce
    .number({ error: "Номер страницы — число" })
    .int("Номер страницы — целое число")
    .min(1, "Номер страницы от 1")
    .max(10_000, "Слишком большой номер страницы")
    .default(1),
  limit: z.coerce
    .number({ error: "Размер страницы — число" })
    .int("Размер страницы — целое число")
    .min(1, "Размер страницы от 1")
    .max(100, "Размер страницы не больше 100")
    .default(20),
});

export const marksQuery = z.object({
  periodId: idParam.optional().meta({ description: "Учебный период (по умолчанию — текущий)" }),
});

export const journalQuery = z.object({
  classId: idParam.meta({ description: "Класс / группа" }),
  subjectId: idParam.meta({ description: "Предмет" }),
  subgroupId: idParam.optional(),
  periodId: idParam.optional(),
});

// ───────────── shared response parts ─────────────

export const errorSchema = z.object({
  ok: z.literal(false),
  code: z.enum(Object.keys(ERRORS) as [keyof typeof ERRORS, ...(keyof typeof ERRORS)[]]),
  message: z.string().meta({ description: "Сообщение по-русски" }),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});

export const weekSchema = z
  .object({ from: isoDay, to: isoDay, previous: isoDay, next: isoDay })
  .meta({ description: "Неделя пн–вс; previous/next — значения параметра week для соседних недель" });

export const pageInfo = { page: z.int().min(1), limit: z.int().min(1), total: z.int().min(0), hasMore: z.boolean() };

export const personRef = z.object({ id, name: z.string() });

// ───────────── the caller ─────────────

export const meSchema = z.object({
  id,
  fullName: z.string(),
  roles: z.array(z.string()),
  organisation: z.object({ id, name: z.string(), kind: z.enum(["SCHOOL", "COLLEGE"]), timeZone: z.string() }),
  via: z.enum(["token", "session"]),
  tokenScope: z.enum(["read", "write"]).nullable(),
});

export const childrenSchema = z.object({ items: z.array(personRef) });

// ───────────── the family's data ─────────────

export const fileSchema = z.object({ id, fileName: z.string(), size: z.int().min(0), url: z.string() });

export const homeworkSchema = z.object({
  id,
  text: z.string(),
  dueDate: isoDay.nullable(),
  files: z.array(fileSchema),
});

export const diaryMarkSchema = z.object({
  id,
  kind: z.enum(["GRADE", "PASS", "FAIL", "DEBT", "NOT_ATTESTED"]),
  value: z.int().nullable(),
  isHospital: z.boolean(),
  comment: z.string().nullable(),
  typeName: z.string(),
  weight: z.number(),
});

export const attendanceSchema = z.object({ code: z.string(), missedHours: z.number().nullable() });

export const diaryLessonSchema = z.object({
  id,
  date: isoDay,
  bellNumber: z.int(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  subjectName: z.string(),
  roomName: z.string().nullable(),
  topic: z.string().nullable(),
  cancelled: z.boolean(),
  substituteName: z.string().nullable(),
  homework: z.array(homeworkSchema),
  marks: z.array(diaryMarkSchema),
  attendance: attendanceSchema.nullable(),
});

export const eventSchema = z.object({
  id,
  title: z.string(),
  startsAt: isoInstant,
  place: z.string().nullable(),
  className: z.string().nullable(),
});

export const diaryWeekSchema = z.object({
  student: personRef,
  week: weekSchema,
  lessons: z.array(diaryLessonSchema),
  events: z.array(eventSchema),
});

export const scheduleSchema = z.object({
  student: personRef,
  week: weekSchema,
  lessons: z.array(
    diaryLessonSchema.pick({
      id: true,
      date: true,
      bellNumber: true,
      startTime: true,
      endTime: true,
      subjectName: true,
      roomName: true,
      cancelled: true,
      substituteName: true,
    }),
  ),
  events: z.array(eventSchema),
});

export const homeworkListSchema = z.object({
  student: personRef,
  week: weekSchema,
  items: z.array(homeworkSchema.extend({ lessonId: id, lessonDate: isoDay, subjectName: z.string() })),
});

export const attendanceListSchema = z.object({
  student: personRef,
  week: weekSchema,
  items: z.array(attendanceSchema.extend({ lessonId: id, date: isoDay, bellNumber: z.int(), subjectName: z.string() })),
});

export const periodSchema = z.object({ id, name: z.string(), from: isoDay, to: isoDay });

export const marksSchema = z.object({
  student: personRef,
  period: periodSchema.nullable(),
  periods: z.array(periodSchema),
  subjects: z.array(
    z.object({
      subjectId: id,
      subjectName: z.string(),
      average: z.number().nullable().meta({ description: "Средний балл по способу усреднения организации (2 знака)" }),
      marks: z.array(diaryMarkSchema.extend({ date: isoDay, lessonId: id })),
      finals: z.array(
        z.object({
          kind: z.string(),
          periodId: id.nullable(),
          value: z.int().nullable(),
          special: z.string().nullable(),
        }),
      ),
    }),
  ),
});
