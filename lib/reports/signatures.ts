// The signature blocks of the forms (PRN-2): each form names who signs it, with roles and the
// names from the organisation — class teacher or curator, head of department, deputy, director —
// and «М.П.» where the director signs. Pure: the facts come from data.ts (signatoryFacts).
import { shortName } from "@/lib/people/names";
import { cap, type Vocabulary } from "@/lib/org/vocabulary";
import type { Signatory } from "./model";
import type { SignatoryFacts } from "./data";

/** «Лаврентьев Андрей Николаевич» → «Лаврентьев А. Н.»; a name already short stays as it is. */
export function shortOfFull(full: string): string {
  const [lastName, firstName, middleName] = full.trim().split(/\s+/);
  if (!firstName || firstName.endsWith(".")) return full.trim();
  return shortName({ lastName, firstName, middleName });
}

const DEPUTY_ROLE = "Заместитель директора";

export type SignPlan = {
  /** The class whose class teacher / curator signs. */
  classId?: number;
  /** The department whose head signs. */
  departmentId?: number;
  /** A teacher's own form (RPT-7 № 1, the teacher's report): «Преподаватель …». */
  teacher?: string;
  deputy?: boolean;
  director?: boolean;
};

/** The lines of a form's signature block, in the order they sign. */
export function signaturesFor(v: Vocabulary, facts: SignatoryFacts, plan: SignPlan): Signatory[] {
  const out: Signatory[] = [];
  if (plan.teacher !== undefined) out.push({ role: cap(v.teacher.nom), name: plan.teacher });
  if (plan.classId !== undefined)
    out.push({ role: cap(v.classTeacher.nom), name: facts.classTeachers.get(plan.classId) ?? "" });
  if (plan.departmentId !== undefined) {
    const head = facts.heads.get(plan.departmentId);
    out.push({ role: "Заведующий отделением", name: head?.name ?? "" });
  }
  if (plan.deputy)
    out.push({
      role: facts.deputy?.position ? cap(facts.deputy.position) : DEPUTY_ROLE,
      name: facts.deputy?.name ?? "",
    });
  if (plan.director) out.push({ role: "Директор", name: facts.director ? shortOfFull(facts.director) : "" });
  return out;
}
