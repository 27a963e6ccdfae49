import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { announcementsFor } from "./data";

/** The board as the signed-in user may read it (board.view checked by the page). */
export const loadBoard = cache((user: CurrentUser, classIds: number[]) =>
  announcementsFor(user.organisationId, user.roles, classIds, new Date()),
);
