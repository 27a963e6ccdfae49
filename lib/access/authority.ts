// The education-authority side of the gate (REG-1, ACL-5). Authority roles sit outside the
// organisation matrix (ACCESS_MATRIX.md, second-wave notes): they hold only these permissions,
// over the organisations of their own territory, and never an organisation permission — an
// authority session is no organisation user (lib/auth/session.ts `getCurrentUser` is null for
// it), so every organisation page, action, route and API resource refuses it in lib/access/guard.ts.
//
//   region.view    — the territory and its organisations, counts only (/region): every authority role;
//   region.reports — the territory report (/region/reports): specialists and heads;
//   region.staff   — who holds authority access to the territory (/region/users, read-only):
//                    heads (a head answers for who sees its territory's figures) and REGIONAL_ADMIN;
//   region.users   — issue, block and reset authority logins of the region (/region/users): REGIONAL_ADMIN.
// Pure data and functions: no I/O, no Prisma.

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

export const AUTHORITY_MATRIX = {
  "region.view": AUTHORITY_ROLES,
  "region.reports": ["MUNICIPAL_SPECIALIST", "MUNICIPAL_HEAD", "REGIONAL_SPECIALIST", "REGIONAL_HEAD"],
  "region.staff": ["MUNICIPAL_HEAD", "REGIONAL_HEAD", "REGIONAL_ADMIN"],
  "region.users": ["REGIONAL_ADMIN"],
} as const satisfies Record<string, readonly AuthorityRole[]>;

export type AuthorityPermission = keyof typeof AUTHORITY_MATRIX;

export function authorityAllows(role: AuthorityRole, permission: AuthorityPermission): boolean {
  return (AUTHORITY_MATRIX[permission] as readonly AuthorityRole[]).includes(role);
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
