// Reads of portfolios (LRN-5), bound to the organisation; the callers have decided access.
import { db, nameStartsWithSql, rawStatement } from "@/lib/db";
import { col } from "@/lib/sql";
import { NAME_FIELDS } from "@/lib/people/names";
import { Prisma } from "@/prisma/generated/prisma/client";

const PERSON = { select: NAME_FIELDS } as const;

export async function achievementsOf(organisationId: number, studentId: number) {
  const rows = await db.achievement.findMany({
    where: { organisationId, studentId },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      level: true,
      title: true,
      result: true,
      subject: true,
      date: true,
      status: true,
      addedById: true,
      confirmedById: true,
      confirmedAt: true,
      rejectReason: true,
      fileName: true,
      size: true,
    },
  });
  const ids = [...new Set(rows.flatMap((r) => [r.addedById, ...(r.confirmedById ? [r.confirmedById] : [])]))];
  const users = await db.user.findMany({
    where: { organisationId, id: { in: ids } },
    select: { id: true, ...PERSON.select },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    ...r,
    addedBy: byId.get(r.addedById) ?? null,
    confirmedBy: r.confirmedById ? (byId.get(r.confirmedById) ?? null) : null,
  }));
}

export async function achievementById(organisationId: number, id: number) {
  return db.achievement.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: {
      id: true,
      studentId: true,
      status: true,
      addedById: true,
      storageKey: true,
      fileName: true,
      mimeType: true,
    },
  });
}

export async function staffAchievementsOf(organisationId: number, userId: number) {
  return db.staffAchievement.findMany({
    where: { organisationId, userId },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      title: true,
      issuer: true,
      date: true,
      hours: true,
      documentNumber: true,
      fileName: true,
      size: true,
    },
  });
}

export async function staffAchievementById(organisationId: number, id: number) {
  return db.staffAchievement.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { id: true, userId: true, storageKey: true, fileName: true, mimeType: true },
  });
}

/** A staff member (a user with a role other than student / parent) with their card's position and category. */
export async function staffMember(organisationId: number, userId: number) {
  const u = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: {
      id: true,
      ...PERSON.select,
      roles: { select: { role: true } },
      staff: { select: { position: true, category: true, education: true } },
    },
  });
  if (!u || !u.roles.some((r) => r.role !== "STUDENT" && r.role !== "PARENT")) return null;
  return u;
}

/** Teachers of the organisation (for the administration's portfolio index). */
export async function teachers(organisationId: number) {
  return db.user.findMany({
    where: { organisationId, isActive: true, roles: { some: { role: "TEACHER" } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, ...PERSON.select },
  });
}

/** Classes of the current year (all, or these ids) for the index's class filter, in the index's order. */
export async function currentClasses(organisationId: number, classIds: readonly number[] | null) {
  return db.classGroup.findMany({
    where: { organisationId, year: { isCurrent: true }, ...(classIds !== null ? { id: { in: [...classIds] } } : {}) },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}

export type PupilFilter = { classId?: number; q?: string; pending?: boolean };

/**
 * The portfolio index's pupils (LRN-5, issue 22 item 7): the pupils on `date` of the current year's
 * classes (all, or these ids), filtered by class, by the start of the full name (lower-cased under the
 * `ru-x-icu` collation, as «Статистика посещений») and «entries waiting for confirmation»; ordered by
 * class (grade, name) then name under `ru-x-icu` (then id); cut to `limit`, with the count of all that
 * match (`total`) and each class's pupils and waiting entries among them — one statement, not every
 * pupil of the school read to show a page.
 */
export const PORTFOLIO_PUPILS = rawStatement(
  {
    classId: col.int,
    className: col.text,
    id: col.int,
    lastName: col.text,
    firstName: col.text,
    middleName: col.text.nullable(),
    pending: col.int,
    classPupils: col.int,
    classPending: col.int,
    total: col.int,
  },
  (organisationId: number, classIds: readonly number[] | null, date: Date, filter: PupilFilter, limit: number) => {
    const scope =
      classIds === null
        ? Prisma.empty
        : classIds.length
          ? Prisma.sql`AND c.id IN (${Prisma.join([...classIds])})`
          : Prisma.sql`AND false`;
    const oneClass = filter.classId ? Prisma.sql`AND c.id = ${filter.classId}` : Prisma.empty;
    const name = filter.q ? Prisma.sql`AND ${nameStartsWithSql(Prisma.sql`p."fullName"`, filter.q)}` : Prisma.empty;
    const pending = filter.pending ? Prisma.sql`AND p.pending > 0` : Prisma.empty;
    return Prisma.sql`
    WITH waiting AS (
      SELECT a."studentId", count(*)::int AS n FROM "Achievement" a
       WHERE a."organisationId" = ${organisationId} AND a.status = 'PENDING'
       GROUP BY a."studentId"
    ), p AS (
      -- one row per class × pupil (two stays of one pupil in one class on the day count once)
      SELECT DISTINCT ON (c.id, s.id)
             c.id AS "classId", c.name AS "className", c.grade, s.id, s."lastName", s."firstName", s."middleName",
             concat_ws(' ', nullif(btrim(s."lastName"), ''), nullif(btrim(s."firstName"), ''),
                       nullif(btrim(s."middleName"), '')) AS "fullName",
             coalesce(w.n, 0) AS pending
        FROM "ClassGroup" c
        JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y."isCurrent"
        JOIN "ClassMembership" m ON m."organisationId" = c."organisationId" AND m."classId" = c.id
             AND m."startDate" <= ${date}::date AND (m."endDate" IS NULL OR m."endDate" >= ${date}::date)
        JOIN "Student" s ON s."organisationId" = m."organisationId" AND s.id = m."studentId"
        LEFT JOIN waiting w ON w."studentId" = s.id
       WHERE c."organisationId" = ${organisationId} ${scope} ${oneClass}
       ORDER BY c.id, s.id
    ), shown AS (
      SELECT p.*, count(*) OVER () AS total,
             count(*) OVER (PARTITION BY p."classId") AS "classPupils",
             sum(p.pending) OVER (PARTITION BY p."classId") AS "classPending"
        FROM p WHERE true ${name} ${pending}
    )
    SELECT "classId", "className", id, "lastName", "firstName", "middleName", pending,
           "classPupils"::int AS "classPupils", "classPending"::int AS "classPending", total::int AS total
      FROM shown
     -- the classes as currentClasses orders them; the pupils as compareRu(«surname name») did, namesakes by id
     ORDER BY grade, "className", ("lastName" || ' ' || "firstName") COLLATE "ru-x-icu", id
     LIMIT ${limit}`;
  },
);

/** The index's pupils (see PORTFOLIO_PUPILS) and how many match the filter. */
export async function portfolioPupils(
  organisationId: number,
  classIds: readonly number[] | null,
  date: Date,
  filter: PupilFilter,
  limit: number,
) {
  const rows = await PORTFOLIO_PUPILS.run(db, organisationId, classIds, date, filter, limit);
  return { rows, total: rows[0]?.total ?? 0 };
}
