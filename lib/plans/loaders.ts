// Session-bound reads of the plan pages (PLAN-1…PLAN-5). The caller has passed the gate.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/org/time";
import { authorizeAny } from "@/lib/access/authorize";
import { actorRelations, listScope } from "@/lib/access/scope";
import {
  bindingRows,
  classesWithLoads,
  currentYear as readCurrentYear,
  fulfilmentInputs,
  fulfilmentTeachers,
  programmeComparisonInputs,
  programmeTotalsInputs,
  listPlans,
  loadOptions,
  loadsWithoutPlan,
  planDetail,
  planFacts,
  type PlanScopeFilter,
} from "./data";
import {
  buildFulfilment,
  checkHours,
  compareWithProgramme,
  deadlineWarnings,
  programmeTotals,
  startYearOf,
  totalHours,
  type ProgrammeComparison,
} from "./rules";

/**
 * The organisation's current year, read once per request: /plans asked for it three times — the list,
 * the new plan's choices and the lagging count (issue 22 item 7).
 */
const currentYear = cache((organisationId: number) => readCurrentYear(organisationId));

/** The plans a user may see: all, or own + own classes' (class teacher) + department's. */
async function scopeFilter(user: CurrentUser): Promise<PlanScopeFilter | null> {
  const permissions = ["plans.viewAll", "plans.viewOwn"] as const;
  if (!(await authorizeAny(user, permissions, { kind: "none" }))) return null;
  const { all, classIds, teacherId } = await listScope(user, permissions);
  return all ? { kind: "all" } : { kind: "some", teacherId, classIds };
}

export const loadPlanList = cache(async (user: CurrentUser) => {
  const [filter, year] = await Promise.all([scopeFilter(user), currentYear(user.organisationId)]);
  if (!filter || !year) return null;
  const today = todayIn(user.timeZone);
  const startYear = startYearOf(year.startDate);
  const [plans, missing] = await Promise.all([
    listPlans(user.organisationId, year.id, filter),
    filter.kind === "all" ? loadsWithoutPlan(user.organisationId, year.id, null) : null,
  ]);
  return {
    yearName: year.name,
    missing,
    missingWarnings: missing ? deadlineWarnings(null, startYear, today) : [],
    plans: plans.map((p) => ({
      ...p,
      hoursCheck: checkHours(p.hours, p.curriculumHours),
      warnings: deadlineWarnings(p.status, startYear, today),
    })),
  };
});

export const loadPlanFacts = cache((user: CurrentUser, planId: number) => planFacts(user.organisationId, planId));

export const loadPlan = cache(async (user: CurrentUser, planId: number) => {
  const plan = await planDetail(user.organisationId, planId);
  if (!plan) return null;
  const planned = totalHours(plan.topics);
  return {
    ...plan,
    hoursCheck: checkHours(planned, plan.curriculumHours),
    warnings: deadlineWarnings(plan.status, startYearOf(plan.yearStart), todayIn(user.timeZone)),
  };
});

export const loadBinding = cache((user: CurrentUser, planId: number) => bindingRows(user.organisationId, planId));

/** Loads a plan can be created for: one's own (editOwn) or everyone's (editAll). */
export const loadCreateOptions = cache(async (user: CurrentUser, everyone: boolean) => {
  const year = await currentYear(user.organisationId);
  if (!year) return [];
  return loadOptions(user.organisationId, year.id, everyone ? null : user.id);
});

/**
 * The administration's new plan (editAll over all classes): the classes with loads, and the chosen
 * class's loads only — not every load of the school sent to the form (655 on a large one, issue 22 item 7).
 */
export const loadCreateChoice = cache(async (user: CurrentUser, classId: number | undefined) => {
  const year = await currentYear(user.organisationId);
  if (!year) return { classes: [], loads: [] };
  const [classes, loads] = await Promise.all([
    classesWithLoads(user.organisationId, year.id),
    classId !== undefined ? loadOptions(user.organisationId, year.id, null, classId) : [],
  ]);
  return { classes, loads };
});

/** The classes and day PLAN-5's figures cover: the whole organisation, or a HEAD_OF_DEPT's department. */
async function fulfilmentScope(user: CurrentUser, allClasses: boolean) {
  const year = await currentYear(user.organisationId);
  if (!year) return null;
  const classIds = allClasses ? null : [...((await actorRelations(user))?.departmentClassIds ?? [])];
  return { year, classIds, today: todayIn(user.timeZone) };
}

/**
 * PLAN-5 for the deputy's page: the whole organisation, or a HEAD_OF_DEPT's department — each line
 * with its teachers and PRG-1's programme figures (the sections are fetched per line when opened:
 * loadProgrammeSections, issue 22 item 7).
 */
export const loadFulfilment = cache(async (user: CurrentUser, allClasses: boolean) => {
  const scope = await fulfilmentScope(user, allClasses);
  if (!scope) return null;
  const { year, classIds, today } = scope;
  const [input, programmes, loads] = await Promise.all([
    fulfilmentInputs(user.organisationId, year.id, today, classIds),
    programmeTotalsInputs(user.organisationId, year.id, classIds),
    fulfilmentTeachers(user.organisationId, year.id, classIds),
  ]);
  const totals = new Map([...programmes].map(([key, p]) => [key, programmeTotals(p.programme, p.ktpHours)] as const));
  return { yearName: year.name, today, lines: buildFulfilment(input), totals, loads };
});

/**
 * PRG-1's sections of one fulfilment line (class × subject), as of today: null when the class has no
 * approved programme for the subject (or the organisation no current year). The caller has checked
 * plans.viewAll on the class.
 */
export async function loadProgrammeSections(
  user: CurrentUser,
  classId: number,
  subjectId: number,
): Promise<ProgrammeComparison | null> {
  const year = await currentYear(user.organisationId);
  if (!year) return null;
  const inputs = await programmeComparisonInputs(
    user.organisationId,
    year.id,
    todayIn(user.timeZone),
    [classId],
    subjectId,
  );
  const p = inputs.get(`${classId}:${subjectId}`);
  return p ? compareWithProgramme(p.programme, p.topics, p.given) : null;
}

/**
 * PLAN-5's count on the plans list («отстают: N»): the lagging lines of loadFulfilment without the
 * work programmes' comparison, which the list does not show (issue 22 item 7).
 */
export const loadLaggingCount = cache(async (user: CurrentUser, allClasses: boolean): Promise<number> => {
  const scope = await fulfilmentScope(user, allClasses);
  if (!scope) return 0;
  const input = await fulfilmentInputs(user.organisationId, scope.year.id, scope.today, scope.classIds);
  return buildFulfilment(input).filter((l) => l.lagging).length;
});
