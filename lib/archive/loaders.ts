// Session-bound reads for «Архив» and its register (ARC-1, ARC-2, REC-5). The callers have passed the
// gate (archive.manage).
import type { CurrentUser } from "@/lib/auth/session";
import { listYears } from "@/lib/org/year/data";
import { todayIn } from "@/lib/org/time";
import { archiveSets, destroyedKeys, disposalActs, registerRows, retentionSettings } from "./data";
import { retentionYears } from "./rules";

export async function loadArchivePage(user: CurrentUser, yearId?: number) {
  const [years, all] = await Promise.all([listYears(user.organisationId), archiveSets(user.organisationId)]);
  const sets = yearId ? all.filter((s) => s.yearId === yearId) : all;
  // Files destroyed by an act are listed as such (REC-5), not as downloads.
  const destroyed = await Promise.all(sets.map((s) => destroyedKeys(user.organisationId, s.id)));
  return { years, sets: sets.map((s, i) => ({ ...s, destroyed: destroyed[i] })) };
}

/** The register page: documents (of a year), the acts, the retention settings and what is past retention today. */
export async function loadRegisterPage(user: CurrentUser, yearId?: number, now: Date = new Date()) {
  const today = todayIn(user.timeZone, now);
  const [years, rows, acts, expired, settings] = await Promise.all([
    listYears(user.organisationId),
    registerRows(user.organisationId, yearId ? { yearId } : {}),
    disposalActs(user.organisationId),
    registerRows(user.organisationId, { expiredBy: today }),
    retentionSettings(user.organisationId),
  ]);
  return { years, rows, acts, expired, retention: retentionYears(settings), today };
}
