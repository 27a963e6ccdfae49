import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/access/matrix";
import { classIdsInScope } from "@/lib/access/scope";
import { reportScope, teachersOf } from "./data";
import { reportJobList } from "./jobs/orders";
import { admitsAll } from "./scope-rules";

/**
 * The report form's choices: the classes (and whole parallels / departments) the user's scopes
 * admit, the year's periods, the
 * teachers (only for the «all» scope of reports.admin) and the user's own background jobs.
 */
export const loadReportForm = cache(async (user: CurrentUser, scopes: Scope[], permission: string, yearId?: number) => {
  // The current year, or a past one (REC-3): its classes one taught or led count as one's own.
  const [scope, allowed] = await Promise.all([
    reportScope(user.organisationId, yearId),
    classIdsInScope(user.organisationId, user.id, scopes, { pastYears: yearId !== undefined }),
  ]);
  const wholeOrganisation = allowed === null;
  const [teachers, jobs] = await Promise.all([
    wholeOrganisation && permission === "reports.admin" ? teachersOf(user.organisationId) : Promise.resolve(undefined),
    reportJobList(user),
  ]);
  const admitted = (ids: number[]) => admitsAll(ids, allowed);
  const grades = [...new Set(scope.classes.map((c) => c.grade))].sort((a, b) => a - b);
  // Parallels and departments the user may report on as a whole (every class of them in scope).
  const groups = [
    ...grades
      .filter((g) => admitted(scope.classes.filter((c) => c.grade === g).map((c) => c.id)))
      .map((g) => ({ value: `grade:${g}`, label: scope.isCollege ? `${g} курс` : `Параллель ${g}-х классов` })),
    ...scope.departments
      .filter((d) => admitted(scope.classes.filter((c) => c.departmentId === d.id).map((c) => c.id)))
      .map((d) => ({ value: `dept:${d.id}`, label: `Отделение «${d.name}»` })),
  ];
  return {
    isCollege: scope.isCollege,
    wholeOrganisation,
    groups,
    classes: allowed === null ? scope.classes : scope.classes.filter((c) => allowed.has(c.id)),
    periods: scope.periods,
    yearEnd: scope.year?.endDate ?? null,
    teachers,
    jobs,
  };
});
