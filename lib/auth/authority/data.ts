// Reads of the education-authority side (REG-1): authority accounts and their sessions, the
// territories, and the organisations of a territory with COUNTS only — nothing here selects a
// person of an organisation (names, cards, marks); the territory report is lib/region/report.ts.
import { DEFAULT_TIME_ZONE } from "@/lib/org/defaults";
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import { territoryOf, type AuthorityRole, type Territory } from "@/lib/auth/authority/rules";
import type { SignInUser } from "@/lib/auth/data";

/** The signed-in authority account (REG-1): the counterpart of CurrentUser, with a territory instead of an organisation. */
export type CurrentAuthority = {
  id: number;
  login: string;
  fullName: string;
  shortName: string;
  role: AuthorityRole;
  regionId: number;
  municipalityId: number | null;
  territory: Territory;
  /** «Самарская область» or «г. о. Самара (Самарская область)». */
  territoryName: string;
  mustChangePassword: boolean;
  sessionId: string;
  timeZone: string;
};

export type AuthoritySessionRef = { authorityUserId: number; sessionId: string };

/** The account behind an authority session: open, unexpired, account active. Null otherwise. */
export async function loadAuthoritySession(ref: AuthoritySessionRef, now: Date): Promise<CurrentAuthority | null> {
  const session = await db.authoritySession.findFirst({
    where: {
      id: ref.sessionId,
      authorityUserId: ref.authorityUserId,
      revokedAt: null,
      expiresAt: { gt: now },
      authorityUser: { isActive: true },
    },
    select: {
      id: true,
      authorityUser: {
        select: {
          id: true,
          login: true,
          role: true,
          regionId: true,
          municipalityId: true,
          ...NAME_FIELDS,
          mustChangePassword: true,
          region: { select: { name: true } },
          municipality: { select: { name: true } },
        },
      },
    },
  });
  if (!session) return null;
  const a = session.authorityUser;
  const territory = territoryOf(a);
  const zone = await db.organisation.findFirst({
    where: territory.kind === "region" ? { regionId: a.regionId } : { municipalityId: territory.municipalityId },
    orderBy: { id: "asc" },
    select: { timeZone: true },
  });
  return {
    id: a.id,
    login: a.login,
    fullName: fullName(a),
    shortName: shortName(a),
    role: a.role,
    regionId: a.regionId,
    municipalityId: a.municipalityId,
    territory,
    territoryName:
      territory.kind === "municipality" && a.municipality ? `${a.municipality.name} (${a.region.name})` : a.region.name,
    mustChangePassword: a.mustChangePassword,
    sessionId: session.id,
    timeZone: zone?.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

export type AuthoritySignInUser = SignInUser & { role: AuthorityRole; regionId: number; municipalityId: number | null };

const SIGN_IN_FIELDS = {
  id: true,
  login: true,
  passwordHash: true,
  isActive: true,
  failedSignIns: true,
  lockedUntil: true,
  role: true,
  regionId: true,
  municipalityId: true,
} as const;

export async function findAuthorityByLogin(login: string): Promise<AuthoritySignInUser | null> {
  return db.authorityUser.findUnique({ where: { login }, select: SIGN_IN_FIELDS });
}

export async function findAuthorityById(id: number): Promise<AuthoritySignInUser | null> {
  return db.authorityUser.findUnique({ where: { id }, select: SIGN_IN_FIELDS });
}

/** A territory chosen on the sign-in page, if it exists. */
export async function findTerritory(ref: {
  kind: "region" | "municipality";
  id: number;
}): Promise<{ territory: Territory; timeZone: string } | null> {
  if (ref.kind === "region") {
    const region = await db.region.findUnique({ where: { id: ref.id }, select: { id: true } });
    if (!region) return null;
    const zone = await db.organisation.findFirst({ where: { regionId: region.id }, select: { timeZone: true } });
    return { territory: { kind: "region", regionId: region.id }, timeZone: zone?.timeZone ?? DEFAULT_TIME_ZONE };
  }
  const m = await db.municipality.findUnique({ where: { id: ref.id }, select: { id: true, regionId: true } });
  if (!m) return null;
  const zone = await db.organisation.findFirst({ where: { municipalityId: m.id }, select: { timeZone: true } });
  return {
    territory: { kind: "municipality", regionId: m.regionId, municipalityId: m.id },
    timeZone: zone?.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

const territoryWhere = (t: Territory) =>
  t.kind === "region" ? { regionId: t.regionId } : { regionId: t.regionId, municipalityId: t.municipalityId };

/** The ids of the organisations of a territory (the territory report's input; never from a request). */
export async function organisationIdsOf(territory: Territory): Promise<number[]> {
  const rows = await db.organisation.findMany({
    where: territoryWhere(territory),
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

export type TerritoryOrganisation = {
  id: number;
  name: string;
  kind: "SCHOOL" | "COLLEGE";
  municipality: string;
  classes: number;
  students: number;
  staff: number;
  activeLogins: number;
};

/** The organisations of a territory with counts of the current year (REG-1: figures, never a person). */
export async function territoryOrganisations(territory: Territory, today: Date): Promise<TerritoryOrganisation[]> {
  const orgs = await db.organisation.findMany({
    where: territoryWhere(territory),
    select: { id: true, name: true, kind: true, municipality: { select: { name: true } } },
    orderBy: [{ municipalityId: "asc" }, { name: "asc" }],
  });
  const ids = orgs.map((o) => o.id);
  if (ids.length === 0) return [];
  const [classes, students, staff, logins] = await Promise.all([
    db.classGroup.groupBy({
      by: ["organisationId"],
      where: { organisationId: { in: ids }, year: { isCurrent: true } },
      _count: { _all: true },
    }),
    db.classMembership.groupBy({
      by: ["organisationId"],
      where: {
        organisationId: { in: ids },
        ...spanMeets(today),
        class: { year: { isCurrent: true } },
      },
      _count: { _all: true },
    }),
    db.staff.groupBy({ by: ["organisationId"], where: { organisationId: { in: ids } }, _count: { _all: true } }),
    db.user.groupBy({
      by: ["organisationId"],
      where: { organisationId: { in: ids }, isActive: true },
      _count: { _all: true },
    }),
  ]);
  const countOf = (rows: { organisationId: number; _count: { _all: number } }[], id: number) =>
    rows.find((r) => r.organisationId === id)?._count._all ?? 0;
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    municipality: o.municipality.name,
    classes: countOf(classes, o.id),
    students: countOf(students, o.id),
    staff: countOf(staff, o.id),
    activeLogins: countOf(logins, o.id),
  }));
}

export type AuthorityAccountRow = {
  id: number;
  login: string;
  fullName: string;
  role: AuthorityRole;
  municipalityId: number | null;
  municipality: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
};

/** The authority accounts of a territory (a region's list includes its municipalities' accounts). */
export async function authorityAccounts(territory: Territory): Promise<AuthorityAccountRow[]> {
  const rows = await db.authorityUser.findMany({
    where: territoryWhere(territory),
    select: {
      id: true,
      login: true,
      role: true,
      ...NAME_FIELDS,
      municipalityId: true,
      municipality: { select: { name: true } },
      isActive: true,
      mustChangePassword: true,
      lockedUntil: true,
      lastSignInAt: true,
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    fullName: fullName(r),
    role: r.role,
    municipalityId: r.municipalityId,
    municipality: r.municipality?.name ?? null,
    isActive: r.isActive,
    mustChangePassword: r.mustChangePassword,
    lockedUntil: r.lockedUntil,
    lastSignInAt: r.lastSignInAt,
  }));
}

/** One authority account's place (for the admin's scope check) or null. */
export async function authorityPlace(
  id: number,
): Promise<{ id: number; login: string; regionId: number; municipalityId: number | null } | null> {
  return db.authorityUser.findUnique({
    where: { id },
    select: { id: true, login: true, regionId: true, municipalityId: true },
  });
}

/** The municipalities of a region (the admin's form). */
export async function municipalitiesOf(regionId: number): Promise<{ id: number; name: string }[]> {
  return db.municipality.findMany({ where: { regionId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Logins already taken that start with `base` (for a unique new login). */
export async function authorityLoginsLike(base: string): Promise<Set<string>> {
  const rows = await db.authorityUser.findMany({ where: { login: { startsWith: base } }, select: { login: true } });
  return new Set(rows.map((r) => r.login));
}
