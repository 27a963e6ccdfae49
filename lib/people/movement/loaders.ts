import type { CurrentUser } from "@/lib/auth/session";
import { actorFacts } from "@/lib/access/authorize";
import type { Scope } from "@/lib/access/matrix";
import { movementBook, movementsOfStudent, openClasses } from "./data";
import type { MovementFilter } from "./schema";

/** The book limited to the reader's classes; `take` rows, newest first (an export takes them all). */
export async function loadMovementBook(
  user: CurrentUser,
  scopes: readonly Scope[],
  take = 300,
  filter: MovementFilter = {},
) {
  if (scopes.includes("all")) return movementBook(user.organisationId, "all", take, filter);
  const facts = await actorFacts(user.organisationId, user.id);
  if (!facts) return [];
  const ids = [
    ...(scopes.includes("class") ? facts.classTeacherOf : []),
    ...(scopes.includes("dept") ? facts.departmentClassIds : []),
  ];
  return movementBook(user.organisationId, ids, take, filter);
}

export const loadStudentMovements = (user: CurrentUser, studentId: number) =>
  movementsOfStudent(user.organisationId, studentId);

export const loadOpenClasses = (user: CurrentUser) => openClasses(user.organisationId);
