// Reads for signing in and for resolving the current user (AUTH-1, ACL-6).
import { db, rawStatement, type RowOf } from "@/lib/db";
import { isRole } from "@/lib/access/roles";
import { fullName, shortName } from "@/lib/people/names";
import type { AddressState, CurrentUser } from "./rules";
import { col } from "@/lib/sql";
import { compareRu } from "@/lib/org/collation";
import { OrgKind, Role } from "@/prisma/generated/prisma/enums";
import { Prisma } from "@/prisma/generated/prisma/client";

export type SessionRef = { organisationId: number; userId: number; sessionId: string };

/**
 * The user behind a session, from the database in one query: the session must exist, belong
 * to that user, be neither revoked nor expired, and the user must be active. Roles are read
 * here, never taken from the cookie. Null otherwise.
 */
type SessionRow = RowOf<typeof SESSION_USER>;

/** The session, its user with roles and the organisation (before every page, action and route). */
export const SESSION_USER = rawStatement(
  {
    sessionId: col.text,
    expiresAt: col.date,
    id: col.int,
    organisationId: col.int,
    login: col.text,
    lastName: col.text,
    firstName: col.text,
    middleName: col.text.nullable(),
    mustChangePassword: col.bool,
    roles: col.array(col.enum(Role)).nullable(),
    orgKind: col.enum(OrgKind),
    orgName: col.text,
    orgShortName: col.text.nullable(),
    timeZone: col.text,
  },
  (ref: SessionRef, now: Date) => Prisma.sql`
    SELECT s.id AS "sessionId", s."expiresAt", u.id, u."organisationId", u.login, u."lastName", u."firstName", u."middleName",
           u."mustChangePassword", o.kind::text AS "orgKind", o.name AS "orgName", o."shortName" AS "orgShortName", o."timeZone",
           (SELECT array_agg(r.role::text ORDER BY r.role)
              FROM "UserRole" r WHERE r."organisationId" = u."organisationId" AND r."userId" = u.id) AS roles
      FROM "UserSession" s
      JOIN "User" u ON u."organisationId" = s."organisationId" AND u.id = s."userId"
      JOIN "Organisation" o ON o.id = u."organisationId"
     WHERE s."organisationId" = ${ref.organisationId} AND s.id = ${ref.sessionId} AND s."userId" = ${ref.userId}
       AND s."revokedAt" IS NULL AND s."expiresAt" > ${now} AND u."isActive"`,
);

export async function loadSessionUser(ref: SessionRef, now: Date): Promise<CurrentUser | null> {
  return (await loadSession(ref, now))?.user ?? null;
}

/** loadSessionUser with the session's end, for the in-process cache (lib/auth/session-user.ts). */
export async function loadSession(ref: SessionRef, now: Date): Promise<{ user: CurrentUser; expiresAt: Date } | null> {
  // One statement (it runs before every page, action and route): session, user, roles, organisation.
  const rows = await SESSION_USER.run(db, ref, now);
  const user = rows[0];
  if (!user) return null;
  return { user: currentUserOf(user), expiresAt: user.expiresAt };
}

function currentUserOf(user: SessionRow): CurrentUser {
  return {
    id: user.id,
    organisationId: user.organisationId,
    login: user.login,
    fullName: fullName(user),
    shortName: shortName(user),
    roles: (user.roles ?? []).filter(isRole),
    mustChangePassword: user.mustChangePassword,
    sessionId: user.sessionId,
    orgKind: user.orgKind,
    orgName: user.orgShortName || user.orgName,
    timeZone: user.timeZone,
  };
}

export type SignInOrganisation = { id: number; timeZone: string };

export async function findOrganisation(organisationId: number): Promise<SignInOrganisation | null> {
  return db.organisation.findUnique({ where: { id: organisationId }, select: { id: true, timeZone: true } });
}

export type SignInUser = {
  id: number;
  login: string;
  passwordHash: string;
  isActive: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
};

/** A login is matched exactly (logins are issued, not typed by their owners; AUTH-2). */
export async function findUserByLogin(organisationId: number, login: string): Promise<SignInUser | null> {
  return db.user.findUnique({
    where: { organisationId_login: { organisationId, login } },
    select: { id: true, login: true, passwordHash: true, isActive: true, failedSignIns: true, lockedUntil: true },
  });
}

export async function findUserById(organisationId: number, userId: number): Promise<SignInUser | null> {
  return db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: { id: true, login: true, passwordHash: true, isActive: true, failedSignIns: true, lockedUntil: true },
  });
}

export async function readThrottle(key: string): Promise<AddressState | null> {
  return db.signInThrottle.findUnique({
    where: { key },
    select: { failures: true, windowStart: true, lockedUntil: true },
  });
}

export type SignInDirectory = {
  regions: { id: number; name: string }[];
  municipalities: { id: number; regionId: number; name: string }[];
  organisations: { id: number; municipalityId: number; kind: "SCHOOL" | "COLLEGE"; name: string }[];
};

/** Region → municipality → organisation lists of the sign-in page (public names only). */
export async function loadSignInDirectory(): Promise<SignInDirectory> {
  const [regions, municipalities, organisations] = await Promise.all([
    db.region.findMany({ select: { id: true, name: true } }),
    db.municipality.findMany({ select: { id: true, regionId: true, name: true } }),
    db.organisation.findMany({ select: { id: true, municipalityId: true, kind: true, name: true } }),
  ]);
  const byName = <T extends { name: string }>(a: T, b: T) => compareRu(a.name, b.name);
  return {
    regions: regions.sort(byName),
    municipalities: municipalities.sort(byName),
    // Full names, as the organisation is registered (short names repeat across municipalities).
    organisations: organisations.sort(byName),
  };
}

/**
 * The first region's name by its primary key (public: the sign-in page lists it) — the one
 * indexed read of the benchmark's ceiling page (app/ceiling, issue 22 item 1).
 */
export async function loadFirstRegionName(): Promise<string | null> {
  const region = await db.region.findFirst({ orderBy: { id: "asc" }, select: { name: true } });
  return region?.name ?? null;
}

/** Lock state of a user, for the administration screens. */
export async function loadLockState(
  organisationId: number,
  userId: number,
): Promise<{ failedSignIns: number; lockedUntil: Date | null; lastSignInAt: Date | null } | null> {
  return db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: { failedSignIns: true, lockedUntil: true, lastSignInAt: true },
  });
}

/**
 * API-5: the active users bound to an external (OpenID Connect) subject, across organisations —
 * the provider's subject names a person, not a tenant. Rare sign-in path, so a scan is acceptable.
 */
export async function findUsersByExternalId(
  externalId: string,
): Promise<{ id: number; organisationId: number; timeZone: string }[]> {
  const rows = await db.user.findMany({
    where: { externalId, isActive: true },
    select: { id: true, organisationId: true, organisation: { select: { timeZone: true } } },
    take: 2,
  });
  return rows.map((r) => ({ id: r.id, organisationId: r.organisationId, timeZone: r.organisation.timeZone }));
}

/** The organisation's AccessVersion: the sum of its counter rows. */
export const ACCESS_VERSION = rawStatement(
  { version: col.bigint.nullable() },
  (organisationId: number) => Prisma.sql`
    SELECT sum("version")::bigint AS "version" FROM "AccessVersion" WHERE "organisationId" = ${organisationId}`,
);

/**
 * The organisation's AccessVersion (lib/auth/version.ts): the sum of its counter rows, one
 * index range read per request; 0 before the first change. Raised by database triggers, never
 * written by the application.
 */
export async function readAccessVersion(organisationId: number): Promise<bigint> {
  const rows = await ACCESS_VERSION.run(db, organisationId);
  return BigInt(rows[0]?.version ?? 0);
}

/**
 * The AccessVersion and, in the same statement, the user's unread mail count — only when the version is
 * still `heldUnder`, the one under which that user was last seen to hold mail.use (lib/auth/version.ts
 * requestSessionVersion): an unchanged version means unchanged rights, so a user without mail.use never
 * runs the count (the CASE's subquery is an InitPlan PostgreSQL runs only when its branch is taken).
 * The header's «Почта» badge on every page without a statement of its own (issue 22 item 1); one
 * snapshot, so the count is exact for this request.
 */
export const ACCESS_VERSION_UNREAD = rawStatement(
  { version: col.bigint, unread: col.int.nullable() },
  (organisationId: number, userId: number, heldUnder: bigint) => Prisma.sql`
    SELECT v.version, CASE WHEN v.version = ${heldUnder.toString()}::bigint
                           THEN (${unreadCountSql(organisationId, userId)}) END AS unread
      FROM (SELECT coalesce(sum("version"), 0)::bigint AS version
              FROM "AccessVersion" WHERE "organisationId" = ${organisationId}) v`,
);

/**
 * The viewer's unread mail (MSG-1), one text for both homes: messages' UNREAD_COUNT and ACCESS_VERSION_UNREAD
 * above. It lives here, in the lower domain, because the session's statement carries it and auth imports no
 * domain above it (tests/unit/domain-imports.test.ts); messages imports it from here.
 */
export function unreadCountSql(organisationId: number, userId: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int FROM "MessageRecipient"
     WHERE "organisationId" = ${organisationId} AND "userId" = ${userId} AND "readAt" IS NULL AND "deletedAt" IS NULL`;
}

export type VersionRead = { version: bigint; userId: number | null; unread: number | null };

/** readAccessVersion with the unread count of `userId` riding on it while `heldUnder` is current. */
export async function readAccessVersionWithUnread(
  organisationId: number,
  userId: number,
  heldUnder: bigint,
): Promise<VersionRead> {
  const [row] = await ACCESS_VERSION_UNREAD.run(db, organisationId, userId, heldUnder);
  return { version: row.version, userId, unread: row.unread };
}
