// Session-bound reads of the authority pages (REG-1): always the actor's own territory, from the session.
import { todayIn } from "@/lib/org/time";
import type { CurrentAuthority } from "./data";
import { authorityAccounts, municipalitiesOf, organisationIdsOf, territoryOrganisations } from "./data";

export function loadTerritoryOrganisations(authority: CurrentAuthority, now: Date = new Date()) {
  return territoryOrganisations(authority.territory, todayIn(authority.timeZone, now));
}

export function loadTerritoryOrganisationIds(authority: CurrentAuthority) {
  return organisationIdsOf(authority.territory);
}

/** Authority logins of the actor's territory (a region's administrator sees its municipalities' too). */
export function loadAuthorityAccounts(authority: CurrentAuthority) {
  return authorityAccounts(authority.territory);
}

export function loadRegionMunicipalities(authority: CurrentAuthority) {
  return municipalitiesOf(authority.regionId);
}
