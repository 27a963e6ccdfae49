import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/access/matrix";
import { classesToList, listScope } from "@/lib/access/scope";
import { todayIn } from "@/lib/org/time";
import { parallelName, subjectTitle, vocabulary } from "@/lib/org/vocabulary";
import { reportScope, subjectsOf, teachersOf } from "./data";
import { reportJobList } from "./jobs/orders";
import { admitsAll, departmentLabel, specialtyLabel, specialtyOf } from "./scope-rules";
import { currentPeriodId } from "./rules";
import { marksAllowed } from "@/lib/journal/rules";

/**
 * The report form's choices: the classes (and whole parallels / departments) the user's scopes
 * admit, the year's periods, the
 * teachers (only for the «all» scope of reports.admin) and the user's own background jobs.
 */
export const loadReportForm = cache(async (user: CurrentUser, scopes: Scope[], permission: string, yearId?: number) => {
  // The current year, or a past one (REC-3): its classes one taught or led count as one's own.
  const [scope, allowed] = await Promise.all([
    reportScope(user.organisationId, yearId),
    listScope(user, { scopes, pastYears: yearId !== undefined }).then(classesToList),
  ]);
  const wholeOrganisation = allowed === null;
  const classes = allowed === null ? scope.classes : scope.classes.filter((c) => allowed.has(c.id));
  const [teachers, jobs, subjects] = await Promise.all([
    wholeOrganisation && permission === "reports.admin" ? teachersOf(user.organisationId) : Promise.resolve(undefined),
    reportJobList(user),
    subjectsOf(
      user.organisationId,
      classes.map((c) => c.id),
      [],
    ),
  ]);
  const v = vocabulary(scope.isCollege);
  const specialties = [...new Set(scope.classes.flatMap((c) => (specialtyOf(c) ? [specialtyOf(c)!] : [])))];
  const admitted = (ids: number[]) => admitsAll(ids, allowed);
  const grades = [...new Set(scope.classes.map((c) => c.grade))].sort((a, b) => a - b);
  // Parallels, departments and specialties the user may report on as a whole (every class of them in scope).
  const groups = [
    ...grades
      .filter((g) => admitted(scope.classes.filter((c) => c.grade === g).map((c) => c.id)))
      .map((g) => {
        const label = parallelName(v, g);
        return { value: `grade:${g}`, label: label[0].toUpperCase() + label.slice(1) };
      }),
    ...scope.departments
      .filter((d) => admitted(scope.classes.filter((c) => c.departmentId === d.id).map((c) => c.id)))
      .map((d) => ({ value: `dept:${d.id}`, label: departmentLabel(d.name) })),
    ...specialties
      .filter((k) => admitted(scope.classes.filter((c) => specialtyOf(c) === k).map((c) => c.id)))
      .map((k) => ({
        value: `spec:${k}`,
        label: `Специальность ${specialtyLabel(scope.classes.find((c) => specialtyOf(c) === k)!)}`,
      })),
  ];
  return {
    isCollege: scope.isCollege,
    wholeOrganisation,
    groups,
    classes,
    // A form that needs one class opens on the first class with marks (JRN-10: not a school's first grade).
    defaultClassId: classes.find((c) => marksAllowed(scope.isCollege ? "COLLEGE" : "SCHOOL", c.grade))?.id ?? null,
    periods: scope.periods,
    // PRN-10: the period the organisation is in today (of the kind most of its classes use).
    currentPeriodId: currentPeriodId(scope.periods, scope.classes, todayIn(user.timeZone)),
    subjects: subjects.map((s) => ({ id: s.id, name: subjectTitle(v, s) })),
    yearEnd: scope.year?.endDate ?? null,
    teachers,
    jobs,
  };
});
