// LRN-3 as pure rules: who reads a document of the organisation's store. The matrix's «docs.view»
// admits staff to the store, and each document's own list of roles narrows it; a family (student,
// parent) holds no docs.view and reads exactly the documents whose list names them — the journal's
// regulation, public orders (ACCESS_MATRIX notes). «docs.edit» reads and keeps every document.
import { roleLabel, type Role } from "@/lib/access/roles";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export const FAMILY_ROLES: readonly Role[] = ["STUDENT", "PARENT"];

export type DocReader = { roles: readonly Role[]; docsView: boolean; docsEdit: boolean };

/** The roles through which a reader reads documents: families always, staff with docs.view. */
export function readingRoles(r: DocReader): Role[] {
  return r.roles.filter((role) => FAMILY_ROLES.includes(role) || r.docsView);
}

export function mayRead(r: DocReader, visibleTo: readonly Role[]): boolean {
  if (r.docsEdit) return true;
  return readingRoles(r).some((role) => visibleTo.includes(role));
}

export const DOCUMENT_CATEGORIES = ["REGULATION", "ORDER", "LOCAL_ACT", "INSTRUCTION", "OTHER"] as const;
export type DocumentCategoryName = (typeof DOCUMENT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<DocumentCategoryName, string> = {
  REGULATION: "Положения",
  ORDER: "Приказы",
  LOCAL_ACT: "Локальные акты",
  INSTRUCTION: "Инструкции",
  OTHER: "Прочие документы",
};

/** «Все», «Все сотрудники», or the roles by name — how a list of roles reads. */
export function visibilityLabel(visibleTo: readonly Role[], all: readonly Role[], kind: OrgKindName): string {
  if (all.every((r) => visibleTo.includes(r))) return "все пользователи";
  const staff = all.filter((r) => !FAMILY_ROLES.includes(r));
  const staffAll = staff.every((r) => visibleTo.includes(r));
  const parts = [
    ...(staffAll
      ? ["все сотрудники"]
      : staff.filter((r) => visibleTo.includes(r)).map((r) => roleLabel(r, kind).toLowerCase())),
    // DAY-6: «студенты» at a college.
    ...FAMILY_ROLES.filter((r) => visibleTo.includes(r)).map((r) =>
      r === "STUDENT" ? vocabulary(kind).student.nomPl : "родители",
    ),
  ];
  return parts.join(", ") || "только редакторы хранилища";
}
