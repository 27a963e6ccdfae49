// Session-bound reads for «Архив» (ARC-1, ARC-2). The caller has passed the gate (archive.manage).
import type { CurrentUser } from "@/lib/auth/session";
import { archiveSets, listYears } from "./data";

export async function loadArchivePage(user: CurrentUser) {
  const [years, sets] = await Promise.all([listYears(user.organisationId), archiveSets(user.organisationId)]);
  return { years, sets };
}
