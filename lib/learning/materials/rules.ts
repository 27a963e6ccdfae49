// LRN-2 as pure rules: who may place a material where (the matrix's «Размещать учебные материалы»
// with its scope), who may remove one, and the labels. No I/O.
import type { Scope } from "@/lib/access/matrix";
import { vocabulary } from "@/lib/org/vocabulary";

export type MaterialTarget = { subjectId: number; classId: number | null; grade: number | null };

export type PlacerFacts = {
  userId: number;
  scopes: readonly Scope[];
  /** Teacher load (тарификация) with each class's grade. */
  loads: readonly { classId: number; subjectId: number; grade: number }[];
  /** The classes of the departments one heads, with their grades. */
  departmentClasses: readonly { classId: number; grade: number }[];
};

/**
 * May one place a material for a subject and a class (or a grade, or every grade)? «all» anywhere;
 * «dept» for the department's classes (or a grade that has one of them); «own» for a class and
 * subject one teaches (or a grade / every grade of a subject one teaches).
 */
export function mayPlace(f: PlacerFacts, t: MaterialTarget): boolean {
  if (f.scopes.includes("all")) return true;
  if (f.scopes.includes("dept")) {
    const ok = f.departmentClasses.some((c) =>
      t.classId !== null ? c.classId === t.classId : t.grade === null || c.grade === t.grade,
    );
    if (ok) return true;
  }
  if (f.scopes.includes("own")) {
    return f.loads.some(
      (l) =>
        l.subjectId === t.subjectId &&
        (t.classId !== null ? l.classId === t.classId : t.grade === null || l.grade === t.grade),
    );
  }
  return false;
}

/** The author removes their own material; «all» (the administration) removes any. */
export function mayRemove(f: Pick<PlacerFacts, "userId" | "scopes">, authorId: number): boolean {
  return f.scopes.includes("all") || f.userId === authorId;
}

/** «7А», «7 классы», «все классы» — for whom a material is. */
export function audienceLabel(m: { className: string | null; grade: number | null }, college = false): string {
  if (m.className) return m.className;
  if (m.grade !== null) return college ? `${m.grade} курс` : `${m.grade} классы`;
  return `все ${vocabulary(college).class.nomPl}`;
}
