import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { staffBrief, staffCard } from "./data";
import { recordStaffView } from "./mutations";

export const loadStaffBrief = cache((user: CurrentUser) => staffBrief(user.organisationId));

/** A staff card; a full view is recorded in the audit log (152-ФЗ). */
export async function loadStaffCard(user: CurrentUser, staffId: number, full: boolean) {
  const card = await staffCard(user.organisationId, staffId, full);
  if (card && full) await recordStaffView(user.organisationId, user.id, staffId);
  return card;
}
