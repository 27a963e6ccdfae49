import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/access/matrix";
import { classIdsInScope } from "@/lib/access/scope";
import { reportScope } from "./data";

/** The report form's choices: the classes the user's scopes admit and the year's periods. */
export const loadReportForm = cache(async (user: CurrentUser, scopes: Scope[]) => {
  const [scope, allowed] = await Promise.all([reportScope(user.organisationId), classIdsInScope(user.organisationId, user.id, scopes)]);
  return {
    isCollege: scope.isCollege,
    wholeOrganisation: allowed === null,
    classes: allowed === null ? scope.classes : scope.classes.filter((c) => allowed.has(c.id)),
    periods: scope.periods,
  };
});
