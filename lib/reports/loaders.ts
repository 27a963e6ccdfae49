import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/access/matrix";
import { classIdsInScope } from "@/lib/access/scope";
import { reportScope, teachersOf } from "./data";
import { reportJobList } from "./jobs/orders";

/**
 * The report form's choices: the classes the user's scopes admit, the year's periods, the
 * teachers (only for the «all» scope of reports.admin) and the user's own background jobs.
 */
export const loadReportForm = cache(async (user: CurrentUser, scopes: Scope[], permission: string) => {
  const [scope, allowed] = await Promise.all([reportScope(user.organisationId), classIdsInScope(user.organisationId, user.id, scopes)]);
  const wholeOrganisation = allowed === null;
  const [teachers, jobs] = await Promise.all([
    wholeOrganisation && permission === "reports.admin" ? teachersOf(user.organisationId) : Promise.resolve(undefined),
    reportJobList(user),
  ]);
  return {
    isCollege: scope.isCollege,
    wholeOrganisation,
    classes: allowed === null ? scope.classes : scope.classes.filter((c) => allowed.has(c.id)),
    periods: scope.periods,
    teachers,
    jobs,
  };
});
