// Page reads for issuing logins and visit statistics (AUTH-2, AUTH-5); pages authorise first.
import type { CurrentUser } from "@/lib/auth/session";
import { listScope } from "@/lib/access/scope";
import type { Scope } from "@/lib/access/matrix";
import { todayIn } from "@/lib/org/time";
import {
  familyOfClass,
  familyUserIds,
  staffCandidates,
  visitPage,
  visitStats,
  type VisitQuery,
  type VisitRow,
} from "./data";

export function loadFamilyCandidates(user: CurrentUser, classId: number, date: Date) {
  return familyOfClass(user.organisationId, classId, date);
}

export function loadStaffCandidates(user: CurrentUser) {
  return staffCandidates(user.organisationId);
}

/** Whose visits the caller sees: ADMIN (scope all) everyone; a class teacher (scope class) the students and parents of own classes. */
async function visitUsers(
  user: CurrentUser,
  scopes: readonly Scope[],
  today: Date,
): Promise<readonly number[] | "all"> {
  const scope = await listScope(user, { scopes });
  if (scope.all) return "all";
  if (scope.classIds.length === 0) return [];
  return familyUserIds(user.organisationId, scope.classIds, today);
}

/** Every visible user's visit statistics (the Excel file). */
export async function loadVisitStats(user: CurrentUser, scopes: readonly Scope[]): Promise<VisitRow[]> {
  const today = todayIn(user.timeZone);
  return visitStats(user.organisationId, await visitUsers(user, scopes, today), today);
}

/**
 * The page's first `limit` rows of the visit statistics with the filters applied, and how many
 * match (the Excel file takes them all through loadVisitStats): the same users and order.
 */
export async function loadVisitPage(
  user: CurrentUser,
  scopes: readonly Scope[],
  filter: VisitQuery,
  limit: number,
): Promise<{ rows: VisitRow[]; total: number }> {
  const today = todayIn(user.timeZone);
  return visitPage(user.organisationId, await visitUsers(user, scopes, today), today, filter, limit);
}
