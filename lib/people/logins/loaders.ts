// Page reads for issuing logins and visit statistics (AUTH-2, AUTH-5); pages authorise first.
import type { CurrentUser } from "@/lib/auth/session";
import { listScope } from "@/lib/access/scope";
import type { Scope } from "@/lib/access/matrix";
import { todayIn } from "@/lib/org/time";
import { familyOfClass, familyUserIds, staffCandidates, visitStats, type VisitRow } from "./data";

export function loadFamilyCandidates(user: CurrentUser, classId: number, date: Date) {
  return familyOfClass(user.organisationId, classId, date);
}

export function loadStaffCandidates(user: CurrentUser) {
  return staffCandidates(user.organisationId);
}

/** ADMIN (scope all): everyone; a class teacher (scope class): students and parents of own classes. */
export async function loadVisitStats(user: CurrentUser, scopes: readonly Scope[]): Promise<VisitRow[]> {
  const today = todayIn(user.timeZone);
  const scope = await listScope(user, { scopes });
  if (scope.all) return visitStats(user.organisationId, "all", today);
  if (scope.classIds.length === 0) return [];
  const ids = await familyUserIds(user.organisationId, scope.classIds, today);
  return visitStats(user.organisationId, ids, today);
}
