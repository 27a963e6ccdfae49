// Which classes a report over many classes covers (RPT-2, RPT-4, RPT-9, RPT-10, PRN-6, PRN-7): one
// class, a parallel (grade / course), a department, a specialty, or the whole organisation — and
// whether the user's classes (ACL-3 scopes) admit that set; each class's own period (PRN-8); the
// subtotal groups (school levels, college specialties).
import { parallelName, vocabulary } from "@/lib/org/vocabulary";
import type { OrganisationSignatories, ReportClass, ReportPeriod, ReportYear } from "./data";
import type { SignPlan } from "./signatures";
import { compareRu } from "@/lib/org/collation";
import { todayIn } from "@/lib/org/time";

/**
 * What every report builder is handed: the organisation (school or college, its time zone — read once
 * per build with the scope, issue 22), the year it reads, the clock.
 */
export type ReportInput = {
  organisationId: number;
  orgName: string;
  isCollege: boolean;
  timeZone: string;
  year: ReportYear;
  now: Date;
  /**
   * The organisation's signatories (director, deputy, heads) when the caller reads them once for many
   * models — an archive of many classes (PRN-8, issue 22); absent, each builder reads its own.
   */
  signatories?: () => Promise<OrganisationSignatories>;
};

/**
 * «Today» of the organisation at `now`, as UTC midnight: the day of printing up to which a report counts
 * lessons (RPT-7, RPT-8, RPT-12). The UTC date is a day behind in the small hours east of UTC — on
 * Kamchatka (UTC+12) until noon — and would leave out the lessons already given today.
 */
export function printingDay(input: { timeZone: string; now: Date }): Date {
  return todayIn(input.timeZone, input.now);
}

/** A report of one class over a period, or over the year when `period` is null (RPT-1, RPT-5, RPT-6, PRN-1). */
export type ClassSpanInput = ReportInput & { cls: ReportClass; period: ReportPeriod | null };

/** A report over a set of classes in the caller's scope: the organisation, the classes, the year, who signs. */
export type ClassesReportInput = ReportInput & { scopeLabel: string; classes: ReportClass[]; sign: SignPlan };

/** A period report over a set of classes (RPT-2, RPT-4, PRN-7): each class with its own period (PRN-8). */
export type PeriodScopeInput = ClassesReportInput & { period: ReportPeriod; periods: ReportPeriod[] };

export type ClassPick = { classId?: number; grade?: number; departmentId?: number; specialty?: string };

export type PickKind = "class" | "grade" | "department" | "specialty" | "organisation";

export function pickKind(pick: ClassPick): PickKind {
  if (pick.classId !== undefined) return "class";
  if (pick.grade !== undefined) return "grade";
  if (pick.departmentId !== undefined) return "department";
  if (pick.specialty !== undefined) return "specialty";
  return "organisation";
}

/** A class's specialty key: its code, else its name (college groups); null for school classes. */
export const specialtyOf = (c: Pick<ReportClass, "specialty" | "specialtyCode">): string | null =>
  c.specialtyCode ?? c.specialty ?? null;

/** «09.02.07 Информационные системы и программирование». */
export const specialtyLabel = (c: Pick<ReportClass, "specialty" | "specialtyCode">): string =>
  [c.specialtyCode, c.specialty].filter(Boolean).join(" ") || "без специальности";

/**
 * Classes by specialty, in Russian order of the key (classes without one together, key ""): the rows
 * of the per-specialty forms (PRN-6) and the college's subtotal groups.
 */
export function specialtyGroups<C extends Pick<ReportClass, "id" | "specialty" | "specialtyCode">>(
  classes: readonly C[],
): { label: string; classes: C[]; ids: Set<number> }[] {
  const keys = [...new Set(classes.map((c) => specialtyOf(c) ?? ""))].sort(compareRu);
  return keys.map((k) => {
    const own = classes.filter((c) => (specialtyOf(c) ?? "") === k);
    return { label: specialtyLabel(own[0]), classes: own, ids: new Set(own.map((c) => c.id)) };
  });
}

/** «Отделение информационных технологий» as it is; «ИТ» → «Отделение «ИТ»». */
export function departmentLabel(name: string): string {
  return /^отделение/i.test(name.trim()) ? name.trim() : `Отделение «${name}»`;
}

/** The classes of the pick and their label; empty when the pick names nothing of the year. */
export function pickClasses(
  classes: ReportClass[],
  pick: ClassPick,
  departments: { id: number; name: string }[],
  isCollege: boolean,
): { classes: ReportClass[]; label: string } {
  const v = vocabulary(isCollege);
  switch (pickKind(pick)) {
    case "class": {
      const one = classes.filter((c) => c.id === pick.classId);
      return { classes: one, label: one[0]?.name ?? "" };
    }
    case "grade":
      return { classes: classes.filter((c) => c.grade === pick.grade), label: parallelName(v, pick.grade!) };
    case "department":
      return {
        classes: classes.filter((c) => c.departmentId === pick.departmentId),
        label: departmentLabel(departments.find((d) => d.id === pick.departmentId)?.name ?? "").replace(/^О/, "о"),
      };
    case "specialty": {
      const own = classes.filter((c) => specialtyOf(c) === pick.specialty);
      return { classes: own, label: `специальность ${own[0] ? specialtyLabel(own[0]) : pick.specialty}` };
    }
    case "organisation":
      return { classes, label: "вся организация" };
  }
}

/** A set of classes is admitted when it is not empty and every class is in the user's scope (null = all). */
export function admitsAll(ids: number[], allowed: ReadonlySet<number> | null): boolean {
  return ids.length > 0 && (allowed === null || ids.every((id) => allowed.has(id)));
}

/**
 * A class's own period for a chosen one (PRN-8): the chosen period when the class uses its kind;
 * else the class's period that holds the chosen period's end; else its last period that ended
 * before it; null when the class has no period of its kind yet.
 */
export function classPeriod(
  cls: Pick<ReportClass, "periodKind">,
  chosen: ReportPeriod,
  periods: ReportPeriod[],
): ReportPeriod | null {
  if (cls.periodKind === chosen.kind) return chosen;
  const own = periods.filter((p) => p.kind === cls.periodKind);
  const end = chosen.endDate.getTime();
  return (
    own.find((p) => p.startDate.getTime() <= end && p.endDate.getTime() >= end) ??
    own.filter((p) => p.endDate.getTime() < end).sort((a, b) => b.endDate.getTime() - a.endDate.getTime())[0] ??
    null
  );
}

/**
 * The classes grouped by their own period for a chosen one (PRN-8), in the classes' order; a class
 * without such a period, or one `include` refuses, is left out.
 */
export function classesByOwnPeriod(
  classes: ReportClass[],
  chosen: ReportPeriod,
  periods: ReportPeriod[],
  include: (c: ReportClass) => boolean = () => true,
): { period: ReportPeriod; ids: number[] }[] {
  const groups = new Map<number, { period: ReportPeriod; ids: number[] }>();
  for (const c of classes) {
    const p = classPeriod(c, chosen, periods);
    if (!p || !include(c)) continue;
    const group = groups.get(p.id) ?? { period: p, ids: [] };
    group.ids.push(c.id);
    groups.set(p.id, group);
  }
  return [...groups.values()];
}

const LEVELS: [number, number, string][] = [
  [1, 4, "1–4 классы"],
  [5, 9, "5–9 классы"],
  [10, 12, "10–11 классы"],
];

/** Subtotal groups in print order: school levels 1–4, 5–9, 10–11; college specialties. */
export function groupsOf(classes: ReportClass[], isCollege: boolean): { label: string; classes: ReportClass[] }[] {
  if (!isCollege)
    return LEVELS.map(([from, to, label]) => ({
      label,
      classes: classes.filter((c) => c.grade >= from && c.grade <= to),
    })).filter((g) => g.classes.length > 0);
  return specialtyGroups(classes).map((g) => ({ label: `по специальности ${g.label}`, classes: g.classes }));
}

/** Who signs a form over a pick (PRN-2): the class teacher of one class, the head of a department. */
export function signPlanOf(pick: ClassPick, director = false) {
  return {
    classId: pick.classId,
    departmentId: pick.departmentId,
    deputy: true,
    director,
  };
}
