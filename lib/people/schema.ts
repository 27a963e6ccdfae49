// zod schemas of the people forms (PPL-1…PPL-3) with Russian field messages (NFR-4).
import { z } from "zod";
import { multiLine, singleLine, idOf } from "@/lib/schema";
import { EDUCATION_FORMS, HEALTH_GROUPS, PHYSICAL_GROUPS } from "./card-rules";

export { idSchema } from "@/lib/schema";

export function optionalText(max: number, lines: "single" | "multi" = "single") {
  return (lines === "multi" ? multiLine : singleLine)()
    .trim()
    .max(max, `Не длиннее ${max} символов`)
    .optional()
    .transform((v) => (v ? v : null));
}

/** DAY-12: «Заполните поле «Фамилия»» — grammatical for any label, unlike a colon and a nominative. */
export function requiredMessage(label: string): string {
  return `Заполните поле «${label.charAt(0).toUpperCase()}${label.slice(1)}»`;
}

export function requiredText(label: string, max = 100) {
  return singleLine({ error: requiredMessage(label) })
    .trim()
    .min(1, requiredMessage(label))
    .max(max, `Не длиннее ${max} символов`);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/** A calendar date from «ГГГГ-ММ-ДД» (date inputs) or «ДД.ММ.ГГГГ» (people, imports) as UTC midnight; null when invalid. */
export function parseCalendarDate(raw: string): Date | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(s);
  const ru = RU_DATE.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (ru) [y, m, d] = [Number(ru[3]), Number(ru[2]), Number(ru[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2100) return null;
  return date;
}

export function dateField(label: string) {
  return singleLine({ error: requiredMessage(label) })
    .trim()
    .min(1, requiredMessage(label))
    .transform((v, ctx) => {
      const date = parseCalendarDate(v);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "Дата в формате ДД.ММ.ГГГГ" });
        return z.NEVER;
      }
      return date;
    });
}

const phone = singleLine()
  .trim()
  .max(40, "Не длиннее 40 символов")
  .refine((v) => v === "" || /^[+\d][\d\s()-]{5,}$/.test(v), "Телефон: цифры, пробелы, скобки, дефис, «+» в начале")
  .optional()
  .transform((v) => (v ? v : null));

const email = singleLine()
  .trim()
  .max(120, "Не длиннее 120 символов")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Неверный адрес e-mail")
  .optional()
  .transform((v) => (v ? v : null));

const sex = z
  .enum(["", "MALE", "FEMALE"], { error: "Выберите пол из списка" })
  .optional()
  .transform((v) => (v ? v : null));

const snils = singleLine()
  .trim()
  .refine((v) => v === "" || /^\d{3}-\d{3}-\d{3} \d{2}$/.test(v), "СНИЛС в формате 123-456-789 01")
  .optional()
  .transform((v) => (v ? v : null));

/** A person's name fields: surname and first name required, patronymic optional. */
const personName = {
  lastName: requiredText("фамилия"),
  firstName: requiredText("имя"),
  middleName: optionalText(100),
};

/** A parent's contact fields (the parent's form and card). */
const parentContacts = {
  phone,
  email,
  preferredContact: optionalText(100),
  address: optionalText(300),
  workplace: optionalText(200),
  position: optionalText(100),
};

export const briefFieldsSchema = z.object({
  ...personName,
  birthDate: dateField("дата рождения"),
  sex,
  phone,
  email,
  preferredContact: optionalText(100),
});

/** PPL-1: the student card's main (non-medical, non-psychological) fields. */
export const studentMainSchema = briefFieldsSchema.extend({
  citizenship: optionalText(60),
  documentType: optionalText(60),
  documentNumber: optionalText(40),
  snils,
  registrationAddress: optionalText(300),
  actualAddress: optionalText(300),
  educationForm: z.enum(EDUCATION_FORMS, { error: "Выберите форму обучения из списка" }),
  programme: optionalText(200),
  personalFileNumber: optionalText(40),
});
export type StudentMainInput = z.output<typeof studentMainSchema>;

/** ACL-4: medical fields, changed only with people.medical. */
export const medicalSchema = z.object({
  healthGroup: z
    .enum(["", ...HEALTH_GROUPS], { error: "Группа здоровья: I, II, III, IV или V" })
    .optional()
    .transform((v) => (v ? v : null)),
  physicalGroup: z
    .enum(["", ...PHYSICAL_GROUPS], { error: "Физкультурная группа: выберите из списка" })
    .optional()
    .transform((v) => (v ? v : null)),
  medicalNotes: optionalText(2000, "multi"),
});
export type MedicalInput = z.output<typeof medicalSchema>;

/** ACL-4: psycho-pedagogical, deviant-behaviour and social fields, changed only with people.psych. */
export const psychSchema = z.object({
  psychNotes: optionalText(2000, "multi"),
  deviantBehaviour: optionalText(2000, "multi"),
  socialStatus: optionalText(300),
});
export type PsychInput = z.output<typeof psychSchema>;

export const parentSchema = z.object({
  ...personName,
  ...parentContacts,
  kinship: optionalText(40),
});
export type ParentInput = z.output<typeof parentSchema>;

export const STAFF_ROLES = [
  "TEACHER",
  "DEPUTY",
  "DIRECTOR",
  "SECRETARY",
  "SCHEDULER",
  "MEDIC",
  "PSYCHOLOGIST",
  "STAFF",
  "HEAD_OF_DEPT",
  "ADMIN",
] as const;

export const staffSchema = z.object({
  ...personName,
  position: optionalText(100),
  phone,
  email,
  role: z.enum(STAFF_ROLES, { error: "Выберите роль из списка" }),
});
export type StaffInput = z.output<typeof staffSchema>;

/** An optional ДД.ММ.ГГГГ date (empty: null); `label` names the field in the message. */
export const optionalDate = (label?: string) =>
  singleLine()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const date = parseCalendarDate(v);
      if (!date) {
        const message = label ? `${label}: дата в формате ДД.ММ.ГГГГ` : "Дата в формате ДД.ММ.ГГГГ";
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return date;
    });

/** PPL-1: the staff card (staff.manage). */
export const staffCardSchema = z.object({
  ...personName,
  birthDate: optionalDate("Дата рождения"),
  sex,
  position: optionalText(100),
  education: optionalText(200),
  category: optionalText(60),
  phone,
  email,
  snils,
  inn: singleLine()
    .trim()
    .refine((v) => v === "" || /^\d{12}$/.test(v), "ИНН сотрудника: 12 цифр")
    .optional()
    .transform((v) => (v ? v : null)),
  hiredAt: optionalDate("Принят"),
  firedAt: optionalDate("Уволен"),
});

/** PPL-1: the parent card's own fields (the link's «степень родства» is edited per child). */
export const parentCardSchema = z.object({
  ...personName,
  birthDate: optionalDate("Дата рождения"),
  sex,
  ...parentContacts,
});
export type ParentCardInput = z.output<typeof parentCardSchema>;

/** A parent–child link added from the parent's card. */
export const childLinkSchema = z.object({
  studentId: idOf("Выберите ученика"),
  kinship: optionalText(40),
});
