// Education-authority roles and territories (REG-1, ACL-5): which roles exist, where each is bound,
// what a territory covers. Pure data and functions (no I/O); the gate's side is lib/access/authority.ts.

export const AUTHORITY_ROLES = [
  "MUNICIPAL_SPECIALIST",
  "MUNICIPAL_HEAD",
  "REGIONAL_SPECIALIST",
  "REGIONAL_HEAD",
  "REGIONAL_ADMIN",
] as const;

export type AuthorityRole = (typeof AUTHORITY_ROLES)[number];

export const AUTHORITY_ROLE_LABELS: Record<AuthorityRole, string> = {
  MUNICIPAL_SPECIALIST: "Специалист муниципального органа управления образованием",
  MUNICIPAL_HEAD: "Руководитель муниципального органа управления образованием",
  REGIONAL_SPECIALIST: "Специалист регионального органа управления образованием",
  REGIONAL_HEAD: "Руководитель регионального органа управления образованием",
  REGIONAL_ADMIN: "Администратор региона",
};

/** Municipal roles are bound to a municipality; regional ones to the region as a whole. */
export const MUNICIPAL_ROLES: ReadonlySet<AuthorityRole> = new Set(["MUNICIPAL_SPECIALIST", "MUNICIPAL_HEAD"]);

export function isAuthorityRole(value: unknown): value is AuthorityRole {
  return typeof value === "string" && (AUTHORITY_ROLES as readonly string[]).includes(value);
}

/** The territory an authority account works in: a municipality of a region, or the whole region. */
export type Territory =
  { kind: "region"; regionId: number } | { kind: "municipality"; regionId: number; municipalityId: number };

export function territoryOf(account: {
  role: AuthorityRole;
  regionId: number;
  municipalityId: number | null;
}): Territory {
  return MUNICIPAL_ROLES.has(account.role) && account.municipalityId !== null
    ? { kind: "municipality", regionId: account.regionId, municipalityId: account.municipalityId }
    : { kind: "region", regionId: account.regionId };
}

/** Does the territory contain an organisation / an authority account placed at (regionId, municipalityId)? */
export function territoryCovers(
  territory: Territory,
  place: { regionId: number; municipalityId: number | null },
): boolean {
  if (place.regionId !== territory.regionId) return false;
  return territory.kind === "region" || place.municipalityId === territory.municipalityId;
}

/** Why a role cannot be bound to this place (a municipal role needs a municipality, a regional one none), else null. */
export function bindingProblem(role: AuthorityRole, municipalityId: number | null): string | null {
  if (MUNICIPAL_ROLES.has(role) && municipalityId === null) return "Для муниципальной роли выберите муниципалитет";
  if (!MUNICIPAL_ROLES.has(role) && municipalityId !== null)
    return "Региональная роль не привязывается к муниципалитету";
  return null;
}
