import type { CurrentUser } from "@/lib/auth/session";
import { classesToList, listScope } from "@/lib/access/scope";
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
  const ids = classesToList(await listScope(user, { scopes }));
  return movementBook(user.organisationId, ids ? [...ids] : "all", take, filter);
}

export const loadStudentMovements = (user: CurrentUser, studentId: number) =>
  movementsOfStudent(user.organisationId, studentId);

export const loadOpenClasses = (user: CurrentUser) => openClasses(user.organisationId);
