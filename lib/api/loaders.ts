// Session-bound reads of the profile's API pages (API-2).
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { tokensOf } from "./data";

export const loadMyTokens = cache((user: CurrentUser) => tokensOf(user.organisationId, user.id));

export async function liveTokenCount(user: CurrentUser): Promise<number> {
  return (await tokensOf(user.organisationId, user.id)).filter((t) => t.revokedAt === null).length;
}
