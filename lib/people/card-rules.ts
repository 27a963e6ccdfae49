// Which parts of a student card a reader may see and change (ACL-4, PPL-1). Pure: the page
// asks the access gate for each permission and passes the answers here.

export type CardAccess = {
  /** people.manage: the full card (documents, addresses, form of education …). */
  full: boolean;
  /** Health and physical-education groups: full-card readers (PE lists, seed 003 export) and medics. */
  medicalGroups: boolean;
  /** people.medical: medical notes visible, medical fields editable (ADMIN, MEDIC). */
  medicalEdit: boolean;
  /** people.psych: psycho-pedagogical, deviant-behaviour and social fields (ADMIN, PSYCHOLOGIST). */
  psych: boolean;
};

export type Held = { manage: boolean; brief: boolean; medical: boolean; psych: boolean };

/** Null = no access to the card at all. */
export function cardAccess(held: Held): CardAccess | null {
  if (!held.manage && !held.brief && !held.medical && !held.psych) return null;
  return {
    full: held.manage,
    medicalGroups: held.manage || held.medical,
    medicalEdit: held.medical,
    psych: held.psych,
  };
}

/** «Краткие сведения» (ACL-4): the only fields a brief reader's query may load. */
export const BRIEF_FIELDS = [
  "lastName",
  "firstName",
  "middleName",
  "birthDate",
  "sex",
  "phone",
  "email",
  "preferredContact",
] as const;

export const FULL_FIELDS = [
  "citizenship",
  "documentType",
  "documentNumber",
  "snils",
  "registrationAddress",
  "actualAddress",
  "educationForm",
  "programme",
  "personalFileNumber",
] as const;

export const MEDICAL_GROUP_FIELDS = ["healthGroup", "physicalGroup"] as const;
export const MEDICAL_NOTE_FIELDS = ["medicalNotes"] as const;
export const PSYCH_FIELDS = ["psychNotes", "deviantBehaviour", "socialStatus"] as const;

export type CardField =
  | (typeof BRIEF_FIELDS)[number]
  | (typeof FULL_FIELDS)[number]
  | (typeof MEDICAL_GROUP_FIELDS)[number]
  | (typeof MEDICAL_NOTE_FIELDS)[number]
  | (typeof PSYCH_FIELDS)[number];

/** The fields a reader with this access may load — the data layer selects exactly these. */
export function visibleFields(access: CardAccess): CardField[] {
  return [
    ...BRIEF_FIELDS,
    ...(access.full ? FULL_FIELDS : []),
    ...(access.medicalGroups ? MEDICAL_GROUP_FIELDS : []),
    ...(access.medicalEdit ? MEDICAL_NOTE_FIELDS : []),
    ...(access.psych ? PSYCH_FIELDS : []),
  ];
}

/** Viewing more than the brief card is recorded (152-ФЗ, NFR-5). */
export function isAuditedView(access: CardAccess): boolean {
  return access.full || access.medicalEdit || access.psych;
}

export const FIELD_LABELS: Record<CardField, string> = {
  lastName: "Фамилия",
  firstName: "Имя",
  middleName: "Отчество",
  birthDate: "Дата рождения",
  sex: "Пол",
  phone: "Телефон",
  email: "E-mail",
  preferredContact: "Предпочтительный способ связи",
  citizenship: "Гражданство",
  documentType: "Документ",
  documentNumber: "Серия и номер документа",
  snils: "СНИЛС",
  registrationAddress: "Адрес регистрации",
  actualAddress: "Фактический адрес",
  educationForm: "Форма обучения",
  programme: "Образовательная программа",
  personalFileNumber: "Номер личного дела",
  healthGroup: "Группа здоровья",
  physicalGroup: "Физкультурная группа",
  medicalNotes: "Медицинские сведения",
  psychNotes: "Психолого-педагогическая характеристика",
  deviantBehaviour: "Девиантное поведение",
  socialStatus: "Социальное положение",
};

export const EDUCATION_FORMS = ["FULL_TIME", "PART_TIME", "EXTRAMURAL", "FAMILY", "HOME"] as const;
export type EducationFormValue = (typeof EDUCATION_FORMS)[number];

/** PPL-2 */
export const EDUCATION_FORM_LABELS: Record<EducationFormValue, string> = {
  FULL_TIME: "очная",
  PART_TIME: "очно-заочная",
  EXTRAMURAL: "заочная",
  FAMILY: "семейная",
  HOME: "на дому",
};

export const SEX_LABELS = { MALE: "мужской", FEMALE: "женский" } as const;

export const HEALTH_GROUPS = ["I", "II", "III", "IV", "V"] as const;
export const PHYSICAL_GROUPS = ["основная", "подготовительная", "специальная", "освобождён"] as const;
