// LRN-5 (seed 001 §2.9) as pure rules: the words of a portfolio, who an entry waits for, who may
// remove one, and the line an entry prints as. No I/O.
export const ACHIEVEMENT_KINDS = ["OLYMPIAD", "COMPETITION", "CERTIFICATE", "PROJECT", "SPORT", "OTHER"] as const;
export type AchievementKindName = (typeof ACHIEVEMENT_KINDS)[number];
export const KIND_LABELS: Record<AchievementKindName, string> = {
  OLYMPIAD: "Олимпиада",
  COMPETITION: "Конкурс",
  CERTIFICATE: "Сертификат",
  PROJECT: "Проект",
  SPORT: "Спорт",
  OTHER: "Другое",
};

export const ACHIEVEMENT_LEVELS = ["SCHOOL", "MUNICIPAL", "REGIONAL", "FEDERAL", "INTERNATIONAL"] as const;
export type AchievementLevelName = (typeof ACHIEVEMENT_LEVELS)[number];
export const LEVEL_LABELS: Record<AchievementLevelName, string> = {
  SCHOOL: "школьный",
  MUNICIPAL: "муниципальный",
  REGIONAL: "региональный",
  FEDERAL: "всероссийский",
  INTERNATIONAL: "международный",
};

export type AchievementStatusName = "PENDING" | "CONFIRMED" | "REJECTED";
export const STATUS_LABELS: Record<AchievementStatusName, string> = {
  PENDING: "не подтверждено",
  CONFIRMED: "подтверждено",
  REJECTED: "отклонено",
};

export const STAFF_KINDS = ["QUALIFICATION", "COURSE", "AWARD", "OTHER"] as const;
export type StaffKindName = (typeof STAFF_KINDS)[number];
export const STAFF_KIND_LABELS: Record<StaffKindName, string> = {
  QUALIFICATION: "Квалификационная категория",
  COURSE: "Курсы повышения квалификации",
  AWARD: "Награда",
  OTHER: "Другое",
};

/**
 * An entry added by the student or a parent waits for the class teacher's confirmation; one added
 * by staff (a teacher, the class teacher, the administration) is confirmed at once.
 */
export function initialStatus(addedByFamily: boolean): AchievementStatusName {
  return addedByFamily ? "PENDING" : "CONFIRMED";
}

/**
 * Who removes an entry: whoever may confirm (the class teacher, the administration) any entry; its
 * author their own — a family only while it is not confirmed.
 */
export function mayRemove(
  entry: { addedById: number; status: AchievementStatusName },
  actor: { userId: number; canConfirm: boolean; family: boolean },
): boolean {
  if (actor.canConfirm) return true;
  if (entry.addedById !== actor.userId) return false;
  return !actor.family || entry.status !== "CONFIRMED";
}

/** The status as printed: «подтверждено (Иванова И. И., 20.11.2026)» or «не подтверждено». */
export function statusLine(
  status: AchievementStatusName,
  confirmedBy: string | null,
  confirmedOn: string | null,
): string {
  if (status !== "CONFIRMED") return STATUS_LABELS[status];
  const who = [confirmedBy, confirmedOn].filter(Boolean).join(", ");
  return who ? `подтверждено (${who})` : "подтверждено";
}
