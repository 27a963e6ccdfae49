import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { orgSummary, type OrgSummary } from "./data";
import { todayIn } from "./time";

export const loadOrgSummary = cache((user: CurrentUser): Promise<OrgSummary> =>
  orgSummary(user.organisationId, todayIn(user.timeZone)),
);
