import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/org/time";
import { ADMINISTRATION_ROLES } from "./rules";
import { announcementsFor, boardFor, readerClassIds } from "./data";
import { currentClasses } from "./mail/data";

/** The board as the signed-in user may read it (board.view checked by the page). */
export const loadBoard = cache((user: CurrentUser, classIds: number[]) =>
  announcementsFor(user.organisationId, user.roles, classIds, new Date()),
);

/** The board page (MSG-3): the administration sees every class's announcements, others their own classes'. */
export const loadBoardPage = cache(async (user: CurrentUser) => {
  const seesAll = user.roles.some((r) => ADMINISTRATION_ROLES.includes(r));
  const classIds = seesAll
    ? ("all" as const)
    : await readerClassIds(user.organisationId, user.id, todayIn(user.timeZone));
  return boardFor(user.organisationId, { userId: user.id, roles: user.roles, classIds }, new Date());
});

/** Classes offered for a class announcement. */
export const loadBoardClasses = cache((user: CurrentUser) => currentClasses(user.organisationId));
