// zod schemas of the organisation set-up forms (ORG-1…ORG-7) with Russian messages (NFR-4).
import { z } from "zod";
import { idOf, singleLine } from "@/lib/schema";
import { CONTROL_KINDS } from "@/lib/journal/marks";
import { FREQUENCIES } from "@/lib/control/checks/rules";
import { parseDeadline } from "@/lib/control/deadline/rules";
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { dateField, optionalText, requiredText } from "@/lib/people/schema";

const bool = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.literal("false")])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

function frequency(who: string) {
  return z.enum(FREQUENCIES, { error: `Периодичность проверки ${who}: выберите из списка` }).optional();
}

function int(label: string, min: number, max: number) {
  return z.coerce
    .number({ error: `${label}: введите число` })
    .int(`${label}: целое число`)
    .min(min, `${label}: не меньше ${min}`)
    .max(max, `${label}: не больше ${max}`);
}

function decimal(label: string, min: number, max: number) {
  return singleLine()
    .trim()
    .transform((v, ctx) => {
      const n = Number(v.replace(",", "."));
      if (!v || !Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: `${label}: введите число` });
        return z.NEVER;
      }
      if (n < min || n > max) {
        // Russian decimal comma: «от 0,01 до 0,99», as the field is typed.
        const ru = (x: number) => String(x).replace(".", ",");
        ctx.addIssue({ code: "custom", message: `${label}: от ${ru(min)} до ${ru(max)}` });
        return z.NEVER;
      }
      return n;
    });
}

function digits(label: string, lengths: number[]) {
  return singleLine()
    .trim()
    .refine(
      (v) => v === "" || (/^\d+$/.test(v) && lengths.includes(v.length)),
      `${label}: ${lengths.join(" или ")} цифр`,
    )
    .optional()
    .transform((v) => (v ? v : null));
}

const timeZone = singleLine()
  .trim()
  .refine((v) => {
    try {
      new Intl.DateTimeFormat("ru-RU", { timeZone: v });
      return v.length > 0;
    } catch {
      return false;
    }
  }, "Часовой пояс: например, Europe/Samara");

/** ORG-1 */
export const orgCardSchema = z.object({
  name: requiredText("полное наименование", 300),
  shortName: requiredText("краткое наименование", 100),
  address: optionalText(300),
  director: optionalText(150),
  phone: optionalText(60),
  email: singleLine()
    .trim()
    .refine((v) => v === "" || z.email().safeParse(v).success, "Неверный адрес e-mail")
    .optional()
    .transform((v) => (v ? v : null)),
  website: optionalText(200),
  inn: digits("ИНН", [10, 12]),
  kpp: digits("КПП", [9]),
  okpo: digits("ОКПО", [8, 10]),
  ogrn: digits("ОГРН", [13, 15]),
  timeZone,
});

/** ORG-2 */
export const settingsSchema = z
  .object({
    minMark: int("Минимальная отметка", 0, 9),
    maxMark: int("Максимальная отметка", 3, 10),
    passFailEnabled: bool,
    averagingMethod: z.enum(["PLAIN", "WEIGHTED"], { error: "Способ усреднения: выберите из списка" }),
    roundingThreshold: decimal("Порог округления", 0.01, 0.99),
    lockDays: int("Срок редактирования", 1, 60),
    homeworkForToday: bool,
    homeworkForPast: bool,
    /** PRG-2: marks in clubs' journals (off: clubs are not marked). */
    clubMarksAllowed: bool,
    /** PRG-2: open enrolment in clubs by the family (off: only clubs.manage enrols). */
    clubOpenEnrolment: bool,
    /** DAY-4: 5 — Monday…Friday, 6 — Monday…Saturday; absent keeps the five-day week. */
    studyDays: z
      .enum(["5", "6"], { error: "Учебная неделя: выберите из списка" })
      .transform(Number)
      .default(ORG_SETTINGS_DEFAULTS.studyDays),
    finalsWarningDays: int("Предупреждать об итоговых за", 0, 30),
    // Issue 17 (DUT-1, DUT-2, DUT-5); absent from the form = unchanged.
    fillDeadlineMinutes: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v.trim() === "") return undefined;
        const minutes = parseDeadline(v);
        if (minutes === null || minutes < 8 * 60 || minutes > 23 * 60) {
          ctx.addIssue({ code: "custom", message: "Срок заполнения журнала: время от 08:00 до 23:00, например 16:00" });
          return z.NEVER;
        }
        return minutes;
      }),
    checkEveryClassTeacher: frequency("классного руководителя"),
    checkEveryHeadOfDept: frequency("заведующего отделением"),
    checkEveryDeputy: frequency("администрации"),
    riskAbsencePercent: int("Порог пропусков для группы риска", 5, 100).optional(),
  })
  .refine((s) => s.minMark < s.maxMark, {
    path: ["minMark"],
    message: "Минимальная отметка должна быть меньше максимальной",
  });

/** ORG-7 */
export const assignmentTypeSchema = z.object({
  name: requiredText("название", 100),
  shortName: requiredText("сокращение", 12),
  weight: decimal("Вес", 0.1, 10),
  isControl: bool,
  isActive: bool,
  sortOrder: int("Порядок", 0, 999),
});

/** SCH-1 rooms */
export const roomSchema = z.object({
  name: requiredText("название кабинета", 60),
  capacity: z
    .union([z.literal(""), int("Вместимость", 1, 1000)])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  building: optionalText(100),
});

export const PERIOD_KINDS = ["QUARTER", "HALF_YEAR", "SEMESTER", "TRIMESTER", "CUSTOM"] as const;
export const PERIOD_KIND_LABELS: Record<(typeof PERIOD_KINDS)[number], string> = {
  QUARTER: "четверть",
  HALF_YEAR: "полугодие",
  SEMESTER: "семестр",
  TRIMESTER: "триместр",
  CUSTOM: "особый период",
};

/** ORG-3 */
export const periodSchema = z
  .object({
    kind: z.enum(PERIOD_KINDS, { error: "Тип периода: выберите из списка" }),
    number: int("Номер", 1, 12),
    name: requiredText("название", 60),
    startDate: dateField("начало"),
    endDate: dateField("окончание"),
  })
  .refine((p) => p.startDate.getTime() <= p.endDate.getTime(), {
    path: ["endDate"],
    message: "Окончание раньше начала",
  });

export const holidaySchema = z
  .object({
    name: requiredText("название", 60),
    startDate: dateField("начало"),
    endDate: dateField("окончание"),
    grade: z
      .union([z.literal(""), int("Параллель", 1, 11)])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
  })
  .refine((p) => p.startDate.getTime() <= p.endDate.getTime(), {
    path: ["endDate"],
    message: "Окончание раньше начала",
  });

/** ORG-4 */
export const classSchema = z.object({
  name: requiredText("название", 30),
  grade: int("Класс/курс", 1, 11),
  letter: optionalText(5),
  specialty: optionalText(200),
  specialtyCode: optionalText(20),
  shift: int("Смена", 1, 3),
  periodKind: z.enum(PERIOD_KINDS, { error: "Тип периодов: выберите из списка" }),
});

export const SUBJECT_KINDS = ["SUBJECT", "DISCIPLINE", "MODULE", "MDK", "PRACTICE"] as const;
export const SUBJECT_KIND_LABELS: Record<(typeof SUBJECT_KINDS)[number], string> = {
  SUBJECT: "предмет",
  DISCIPLINE: "дисциплина",
  MODULE: "проф. модуль (ПМ)",
  MDK: "МДК",
  PRACTICE: "практика",
};

/** ORG-5 */
export const subjectSchema = z.object({
  name: requiredText("название", 200),
  shortName: requiredText("сокращение", 30),
  code: optionalText(20),
  kind: z.enum(SUBJECT_KINDS, { error: "Вид: выберите из списка" }),
  parentId: z
    .union([z.literal(""), int("Входит в", 1, 2_147_483_647)])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  controlKind: z.enum(CONTROL_KINDS, { error: "Форма контроля: выберите из списка" }),
  practiceKind: z
    .enum(["", "EDUCATIONAL", "INDUSTRIAL"], { error: "Вид практики: выберите из списка" })
    .optional()
    .transform((v) => (v ? v : null)),
  passFail: bool,
});

export const idField = (label: string) => idOf(`Выберите: ${label}`);

export const optionalIdField = (label: string) =>
  z
    .union([z.literal(""), idField(label)])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v));

/** ORG-6 curriculum hours */
export const curriculumSchema = z.object({
  classId: idField("класс"),
  subjectId: idField("предмет"),
  periodId: optionalIdField("период"),
  hours: decimal("Часы", 0, 2000),
  controlKind: z.enum(CONTROL_KINDS, { error: "Форма контроля: выберите из списка" }),
});

/** ORG-6 teacher load (тарификация) */
export const loadSchema = z.object({
  teacherId: idField("учитель"),
  classId: idField("класс"),
  subjectId: idField("предмет"),
  subgroupId: optionalIdField("подгруппа"),
  hoursPerWeek: decimal("Часов в неделю", 0.5, 40),
});

export const subgroupSchema = z.object({
  classId: idField("класс"),
  subjectId: optionalIdField("предмет"),
  name: requiredText("название", 40),
});

export const classTeacherSchema = z.object({
  classId: idField("класс"),
  userId: idField("учитель"),
  kind: z.enum(["CLASS_TEACHER", "CURATOR", "MASTER"], { error: "Выберите из списка" }),
});

/** ORG-4 college departments («отделения»): a HEAD_OF_DEPT's «dept» scope is the groups of theirs. */
export const departmentSchema = z.object({
  name: requiredText("название отделения", 150),
  headId: optionalIdField("заведующий"),
});

/** ORG-4 which department a class/group belongs to (none = outside every department). */
export const classDepartmentSchema = z.object({
  departmentId: optionalIdField("отделение"),
});
