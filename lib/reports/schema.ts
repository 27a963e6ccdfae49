// The report request (query string of /api/reports/<report>), parsed before anything is read.
import { z } from "zod";
import { singleLine, idOf } from "@/lib/schema";

const id = idOf("Неверный номер");
const date = singleLine()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Дата должна быть в виде ГГГГ-ММ-ДД")
  .transform((s) => new Date(`${s}T00:00:00.000Z`));
/** A calendar month «ГГГГ-ММ» → its first day (UTC midnight). */
const month = singleLine()
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
  "attendance-sheet": "Сводная ведомость учёта посещаемости (PRN-6)",
  "attendance-groups": "Посещаемость групп (PRN-6)",
  "attendance-specialties": "Итоги посещаемости по специальностям (PRN-6)",
  "progress-specialties": "Итоги успеваемости по специальностям (PRN-7)",
  "subject-progress": "Итоги успеваемости по учебной дисциплине (PRN-7)",
  "teacher-report": "Отчёт преподавателя дисциплины (PRN-7)",
} as const;

const format = z.enum(["pdf", "xlsx"], { error: "Формат: pdf или xlsx" });

export type ReportKey = keyof typeof REPORTS;

/** A parallel (grade), a department or a specialty instead of one class, for the reports over many classes. */
const many = {
  classId: id.optional(),
  grade: z.coerce.number({ error: "Неверная параллель" }).int().min(0).max(12).optional(),
  departmentId: id.optional(),
  specialty: z
    .string()
    .trim()
    .min(1)
    .max(120, "Слишком длинное название специальности")
    .regex(/^[\p{L}\p{N} .,()«»-]+$/u, "Неверная специальность")
    .optional(),
  /** A closed year's parallel or department (REC-3); absent = the year of the period, else the current one. */
  yearId: id.optional(),
};

const range = { from: date, to: date };

/** `classId`, `grade` and `departmentId` absent = the whole organisation (reports.admin with the «all» scope only). */
export const reportRequest = z.discriminatedUnion("report", [
  // No periodId = the year (year finals and «Решение педсовета»); yearId defaults to the current year.
  // Without classId (a parallel, department, specialty or the organisation) RPT-1, RPT-3 and RPT-12
  // are made in the background as a ZIP with one file per class (PRN-8).
  z.object({ report: z.literal("summary"), format, periodId: id.optional(), ...many }),
  z.object({ report: z.literal("progress"), format, periodId: id, ...many }),
  z.object({ report: z.literal("attendance"), format, ...range, ...many }),
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
    periodId: id.optional(),
    subjectId: id.optional(),
    ...many,
  }),
  // PRN-6: by month or by discipline; for one class the students, for more the classes.
  z.object({
    report: z.literal("attendance-sheet"),
    format,
    ...range,
    by: z.enum(["month", "subject"], { error: "Разрез: по месяцам или по дисциплинам" }).default("month"),
    ...many,
  }),
  z.object({ report: z.literal("attendance-groups"), format, ...range, ...many }),
  z.object({ report: z.literal("attendance-specialties"), format, ...range, ...many }),
  z.object({ report: z.literal("progress-specialties"), format, periodId: id, ...many }),
  z.object({ report: z.literal("subject-progress"), format, periodId: id, subjectId: id, ...many }),
  // teacherId absent = the signed-in teacher.
  z.object({ report: z.literal("teacher-report"), format, periodId: id, teacherId: id.optional() }),
  z.object({ report: z.literal("student"), format, studentId: id, periodId: id, classId: z.undefined().optional() }),
]);

export type ReportRequest = z.infer<typeof reportRequest>;

export function parseReportRequest(report: string, query: URLSearchParams) {
  if (!Object.hasOwn(REPORTS, report)) return { ok: false as const, message: "Неизвестный отчёт" };
  const raw: Record<string, string> = { report };
  for (const [k, v] of query) if (v !== "") raw[k] = v;
  // The form's one «Класс» select also offers parallels («grade:7»), departments («dept:3») and
  // specialties («spec:09.02.07»).
  const picked = /^(grade|dept):(\d{1,9})$/.exec(raw.classId ?? "");
  if (picked) {
    delete raw.classId;
    raw[picked[1] === "grade" ? "grade" : "departmentId"] = picked[2];
  }
  if (raw.classId?.startsWith("spec:")) {
    raw.specialty = raw.classId.slice(5);
    delete raw.classId;
  }
  const parsed = reportRequest.safeParse(raw);
  if (!parsed.success) return { ok: false as const, message: parsed.error.issues.map((i) => i.message).join("; ") };
  if ("from" in parsed.data && parsed.data.from > parsed.data.to) {
    return { ok: false as const, message: "Начало периода позже его конца" };
  }
  if ("from" in parsed.data && parsed.data.to.getTime() - parsed.data.from.getTime() > 400 * 86_400_000) {
    return { ok: false as const, message: "Период длиннее учебного года" };
  }
  const d = parsed.data as ClassPickFields;
  if ([d.classId, d.grade, d.departmentId, d.specialty].filter((x) => x !== undefined).length > 1) {
    return { ok: false as const, message: "Укажите что-то одно: класс, параллель, отделение или специальность" };
  }
  return { ok: true as const, data: parsed.data };
}

type ClassPickFields = { classId?: number; grade?: number; departmentId?: number; specialty?: string };

/** The class pick of a request (absent fields = the whole organisation); none for reports without one. */
export function pickOf(req: ReportRequest): ClassPickFields | null {
  if (req.report === "student" || req.report === "teacher-hours" || req.report === "teacher-report") return null;
  if (req.report === "preliminary" || req.report === "group-hours" || req.report === "rating")
    return { classId: req.classId };
  const { classId, grade, departmentId, specialty } = req;
  return { classId, grade, departmentId, specialty };
}

/** RPT-1, RPT-3 and RPT-12 over more than one class: a ZIP with one file per class, made in the background (PRN-8). */
export function isArchiveRequest(req: ReportRequest): boolean {
  return (
    (req.report === "summary" || req.report === "attendance" || req.report === "journal") && req.classId === undefined
  );
}
