// Which classes a report over many classes covers (RPT-2, RPT-4, RPT-9, RPT-10): one class, a
// parallel (grade), a department, or the whole organisation — and whether the user's classes
// (ACL-3 scopes) admit that set.
import type { ReportClass } from "./data";

export type ClassPick = { classId?: number; grade?: number; departmentId?: number };

export function pickKind(pick: ClassPick): "class" | "grade" | "department" | "organisation" {
  if (pick.classId !== undefined) return "class";
  if (pick.grade !== undefined) return "grade";
  if (pick.departmentId !== undefined) return "department";
  return "organisation";
}

/** The classes of the pick and their label; empty when the pick names nothing of the year. */
export function pickClasses(
  classes: ReportClass[],
  pick: ClassPick,
  departments: { id: number; name: string }[],
  isCollege: boolean,
): { classes: ReportClass[]; label: string } {
  switch (pickKind(pick)) {
    case "class": {
      const one = classes.filter((c) => c.id === pick.classId);
      return { classes: one, label: one[0]?.name ?? "" };
    }
    case "grade":
      return {
        classes: classes.filter((c) => c.grade === pick.grade),
        label: isCollege ? `${pick.grade} курс` : `параллель ${pick.grade}-х классов`,
      };
    case "department":
      return {
        classes: classes.filter((c) => c.departmentId === pick.departmentId),
        label: `отделение «${departments.find((d) => d.id === pick.departmentId)?.name ?? ""}»`,
      };
    case "organisation":
      return { classes, label: "вся организация" };
  }
}

/** A set of classes is admitted when it is not empty and every class is in the user's scope (null = all). */
export function admitsAll(ids: number[], allowed: ReadonlySet<number> | null): boolean {
  return ids.length > 0 && (allowed === null || ids.every((id) => allowed.has(id)));
}
