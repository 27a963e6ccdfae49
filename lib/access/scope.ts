// Which classes a set of granted scopes covers, for pages that list classes (ACL-3): the data
// layer filters by these ids so a teacher's list shows only their own classes.
import { actorFacts } from "./authorize";
import type { Scope } from "./matrix";

/**
 * null = every class of the organisation; otherwise the ids the scopes admit. `pastYears` adds the
 * classes of closed years one taught or led (REC-3) — only for lists of PAST_YEAR_READS (reports).
 */
export async function classIdsInScope(
  organisationId: number,
  userId: number,
  scopes: readonly Scope[],
  options: { pastYears?: boolean } = {},
): Promise<Set<number> | null> {
  if (scopes.includes("all")) return null;
  const facts = await actorFacts(organisationId, userId);
  const ids = new Set<number>();
  if (!facts) return ids;
  const past = options.pastYears === true;
  if (scopes.includes("dept")) facts.departmentClassIds.forEach((id) => ids.add(id));
  if (scopes.includes("class"))
    [...facts.classTeacherOf, ...(past ? (facts.pastClassTeacherOf ?? []) : [])].forEach((id) => ids.add(id));
  if (scopes.includes("own"))
    [...facts.loads, ...(past ? (facts.pastLoads ?? []) : [])].forEach((l) => ids.add(l.classId));
  return ids;
}
