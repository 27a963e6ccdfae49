import type { CurrentUser } from "@/lib/auth/session";
import { subgroupsOfClass } from "./data";

export const loadSubgroupsOfClass = (user: CurrentUser, classId: number) =>
  subgroupsOfClass(user.organisationId, classId);
