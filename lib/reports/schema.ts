// The report request (query string of /api/reports/<report>), parsed before anything is read.
import { z } from "zod";

const id = z.coerce.number({ error: "Неверный номер" }).int().positive().max(2_147_483_647);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Дата должна быть в виде ГГГГ-ММ-ДД")
  .transform((s) => new Date(`${s}T00:00:00.000Z`));
/** A calendar month «ГГГГ-ММ» → its first day (UTC midnight). */
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Месяц должен быть в виде ГГГГ-ММ")
  .transform((s) => new Date(`${s}-01T00:00:00.000Z`));

export const REPORTS = {
  summary: "Сводная ведомость успеваемости (RPT-1)",
  progress: "Итоги успеваемости (RPT-2)",
  attendance: "Посещаемость (RPT-3)",
  failures: "Неуспеваемость по дисциплинам (RPT-4)",
  rating: "Рейтинг успешности (RPT-5)",
  preliminary: "Ведомость предварительной аттестации (RPT-6)",
  "teacher-hours": "Учёт часов преподавателя № 1 (RPT-7)",
  "group-hours": "Учёт часов преподавателя № 2 (RPT-7)",
  occupancy: "Наполняемость (RPT-9)",
  contingent: "Итоговые данные по обучающимся (RPT-9)",
  student: "Отчёт об успеваемости и посещаемости ученика (RPT-8)",
  vkr: "Результаты защиты ВКР (RPT-10)",
  journal: "Печатная версия журнала (RPT-12)",
} as const;

const format = z.enum(["pdf", "xlsx"], { error: "Формат: pdf или xlsx" });

export type ReportKey = keyof typeof REPORTS;

/** A parallel (grade) or a department instead of one class, for the reports over many classes. */
const many = {
  classId: id.optional(),
  grade: z.coerce.number({ error: "Неверная параллель" }).int().min(0).max(12).optional(),
  departmentId: id.optional(),
  /** A closed year's parallel or department (REC-3); absent = the year of the period, else the current one. */
  yearId: id.optional(),
};

/** `classId`, `grade` and `departmentId` absent = the whole organisation (reports.admin with the «all» scope only). */
export const reportRequest = z.discriminatedUnion("report", [
  // No periodId = the year (year finals and «Решение педсовета»); yearId defaults to the current year.
  z.object({ report: z.literal("summary"), format, classId: id, periodId: id.optional(), yearId: id.optional() }),
  z.object({ report: z.literal("progress"), format, periodId: id, ...many }),
  z.object({ report: z.literal("attendance"), format, classId: id, from: date, to: date }),
  z.object({ report: z.literal("failures"), format, periodId: id, ...many }),
  z.object({ report: z.literal("rating"), format, classId: id, periodId: id.optional() }),
  z.object({ report: z.literal("preliminary"), format, classId: id, month }),
  // teacherId absent = the signed-in teacher.
  z.object({ report: z.literal("teacher-hours"), format, month, teacherId: id.optional() }),
  z.object({ report: z.literal("group-hours"), format, classId: id, month }),
  z.object({ report: z.literal("occupancy"), format, date, ...many }),
  z.object({ report: z.literal("contingent"), format, periodId: id, ...many }),
  z.object({ report: z.literal("vkr"), format, ...many }),
  // No periodId = the whole year; subjectId narrows the journal to one subject.
  z.object({
    report: z.literal("journal"),
    format,
    classId: id,
    periodId: id.optional(),
    yearId: id.optional(),
    subjectId: id.optional(),
  }),
  z.object({ report: z.literal("student"), format, studentId: id, periodId: id, classId: z.undefined().optional() }),
]);

export type ReportRequest = z.infer<typeof reportRequest>;

export function parseReportRequest(report: string, query: URLSearchParams) {
  if (!Object.hasOwn(REPORTS, report)) return { ok: false as const, message: "Неизвестный отчёт" };
  const raw: Record<string, string> = { report };
  for (const [k, v] of query) if (v !== "") raw[k] = v;
  // The form's one «Класс» select also offers parallels («grade:7») and departments («dept:3»).
  const picked = /^(grade|dept):(\d{1,9})$/.exec(raw.classId ?? "");
  if (picked) {
    delete raw.classId;
    raw[picked[1] === "grade" ? "grade" : "departmentId"] = picked[2];
  }
  const parsed = reportRequest.safeParse(raw);
  if (!parsed.success) return { ok: false as const, message: parsed.error.issues.map((i) => i.message).join("; ") };
  if (parsed.data.report === "attendance" && parsed.data.from > parsed.data.to) {
    return { ok: false as const, message: "Начало периода позже его конца" };
  }
  const d = parsed.data as { classId?: number; grade?: number; departmentId?: number };
  if ([d.classId, d.grade, d.departmentId].filter((x) => x !== undefined).length > 1) {
    return { ok: false as const, message: "Укажите что-то одно: класс, параллель или отделение" };
  }
  return { ok: true as const, data: parsed.data };
}
