import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { staffBrief } from "./data";

export const loadStaffBrief = cache((user: CurrentUser) => staffBrief(user.organisationId));
