// Login roles (SPEC §1). Mirrors the `Role` enum of prisma/schema.prisma; kept here so that
// code outside the data layer never imports the Prisma client (ARCHITECTURE "Layers").
// CLASS_TEACHER is not a login role but a relation teacher → class (ACCESS_MATRIX notes).
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export const ROLES = [
  "ADMIN",
  "DIRECTOR",
  "DEPUTY",
  "HEAD_OF_DEPT",
  "SCHEDULER",
  "SECRETARY",
  "TEACHER",
  "STUDENT",
  "PARENT",
  "MEDIC",
  "PSYCHOLOGIST",
  "STAFF",
] as const;

export type Role = (typeof ROLES)[number];

export type MatrixColumn = Role | "CLASS_TEACHER";

/** The matrix's columns: the login roles plus the CLASS_TEACHER relation, after TEACHER. */
export const MATRIX_COLUMNS: readonly MatrixColumn[] = ROLES.flatMap((r): MatrixColumn[] =>
  r === "TEACHER" ? [r, "CLASS_TEACHER"] : [r],
);

export const ROLE_LABELS: Record<MatrixColumn, string> = {
  ADMIN: "Администратор",
  DIRECTOR: "Директор",
  DEPUTY: "Завуч",
  HEAD_OF_DEPT: "Зав. отделением",
  SCHEDULER: "Диспетчер расписания",
  SECRETARY: "Секретарь",
  TEACHER: "Учитель",
  CLASS_TEACHER: "Классный руководитель",
  STUDENT: "Ученик",
  PARENT: "Родитель",
  MEDIC: "Медработник",
  PSYCHOLOGIST: "Психолог",
  STAFF: "Персонал",
};

/**
 * A role's name in the organisation's words (DAY-6): at a college TEACHER is «Преподаватель», STUDENT
 * «Студент», CLASS_TEACHER «Куратор»; the other roles are named alike. ROLE_LABELS is the school's.
 */
export function roleLabel(role: MatrixColumn, kind: OrgKindName): string {
  const v = vocabulary(kind);
  if (role === "TEACHER") return cap(v.teacher.nom);
  if (role === "STUDENT") return cap(v.student.nom);
  if (role === "CLASS_TEACHER") return cap(v.classTeacher.nom);
  return ROLE_LABELS[role];
}

/** A user's roles as a line: «Преподаватель, Куратор» (DAY-6). */
export function rolesLabel(roles: readonly MatrixColumn[], kind: OrgKindName): string {
  return roles.map((r) => roleLabel(r, kind)).join(", ");
}

export const ROLE_SHORT: Record<MatrixColumn, string> = {
  ADMIN: "АД",
  DIRECTOR: "ДР",
  DEPUTY: "ЗД",
  HEAD_OF_DEPT: "ЗО",
  SCHEDULER: "ДС",
  SECRETARY: "СК",
  TEACHER: "УЧ",
  CLASS_TEACHER: "КР",
  STUDENT: "УН",
  PARENT: "РД",
  MEDIC: "МР",
  PSYCHOLOGIST: "ПС",
  STAFF: "ТП",
};

/** DAY-6 (round 23): a college's own short heads — ПР преподаватель, КУ куратор, СТ студент (free codes). */
const COLLEGE_SHORT: Partial<Record<MatrixColumn, string>> = { TEACHER: "ПР", CLASS_TEACHER: "КУ", STUDENT: "СТ" };

/** A matrix column's short head in the organisation's words; ROLE_SHORT is the school's (УЧ, КР, УН). */
export function roleShort(role: MatrixColumn, kind: OrgKindName): string {
  return (kind === "COLLEGE" ? COLLEGE_SHORT[role] : undefined) ?? ROLE_SHORT[role];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
