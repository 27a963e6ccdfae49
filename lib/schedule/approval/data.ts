// PRG-3: reads of timetable versions and the year's entries as a snapshot. Bound to the organisation.
import { db, rawStatement } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { col } from "@/lib/sql";
import { shortName } from "@/lib/people/names";
import { parseSnapshot, sortChanges, type ChangeSinceApproval, type SnapshotEntry, type VersionState } from "./rules";
import { namedEntry, namedEntrySelect } from "../timetable/data";

type Client = typeof db | Prisma.TransactionClient;

const key = (d: Date) => d.toISOString().slice(0, 10);

/** The year's weekly timetable as it stands, with names (the snapshot a version stores). */
export async function yearSnapshot(
  organisationId: number,
  yearId: number,
  client: Client = db,
): Promise<SnapshotEntry[]> {
  const rows = await client.timetableEntry.findMany({
    where: { organisationId, class: { yearId } },
    select: namedEntrySelect,
    orderBy: { id: "asc" },
  });
  return rows.map((e) => ({
    id: e.id,
    ...namedEntry(e),
    hours: Number(e.hours),
    validFrom: key(e.validFrom),
    validTo: key(e.validTo),
  }));
}

export type VersionRow = {
  id: number;
  yearId: number;
  number: number;
  status: VersionState;
  note: string | null;
  comment: string | null;
  submittedAt: Date;
  submittedBy: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  entries: number;
};

/** A stored snapshot's entries as parseSnapshot keeps them: objects with a numeric id and a weekday. */
const snapshotElements = (snapshot: Prisma.Sql) => Prisma.sql`
  jsonb_array_elements(CASE WHEN jsonb_typeof(${snapshot}) = 'array' THEN ${snapshot} ELSE '[]'::jsonb END) e
  WHERE jsonb_typeof(e) = 'object' AND jsonb_typeof(e->'id') = 'number' AND e ? 'weekday'`;

/**
 * The year's versions, newest first, with who submitted and who decided and the number of entries
 * of each snapshot — counted in PostgreSQL (issue 22 item 7: the page showed the count of every
 * version's stored snapshot, which it read and parsed whole, ≈ 1,400 entries each).
 */
export const YEAR_VERSIONS = rawStatement(
  {
    id: col.int,
    number: col.int,
    status: col.enum({ SUBMITTED: "SUBMITTED", APPROVED: "APPROVED", RETURNED: "RETURNED" }),
    note: col.text.nullable(),
    comment: col.text.nullable(),
    submittedAt: col.float,
    decidedAt: col.float.nullable(),
    entries: col.int,
    submitterLast: col.text.nullable(),
    submitterFirst: col.text.nullable(),
    submitterMiddle: col.text.nullable(),
    deciderLast: col.text.nullable(),
    deciderFirst: col.text.nullable(),
    deciderMiddle: col.text.nullable(),
  },
  (organisationId: number, yearId: number) => Prisma.sql`
    SELECT v.id, v.number, v.status::text AS status, v.note, v.comment,
           (extract(epoch FROM v."submittedAt") * 1000)::float8 AS "submittedAt",
           (extract(epoch FROM v."decidedAt") * 1000)::float8 AS "decidedAt",
           (SELECT count(*)::int FROM ${snapshotElements(Prisma.sql`v.snapshot`)}) AS entries,
           su."lastName" AS "submitterLast", su."firstName" AS "submitterFirst", su."middleName" AS "submitterMiddle",
           du."lastName" AS "deciderLast", du."firstName" AS "deciderFirst", du."middleName" AS "deciderMiddle"
      FROM "TimetableVersion" v
      LEFT JOIN "User" su ON su."organisationId" = v."organisationId" AND su.id = v."submittedById"
      LEFT JOIN "User" du ON du."organisationId" = v."organisationId" AND du.id = v."decidedById"
     WHERE v."organisationId" = ${organisationId} AND v."yearId" = ${yearId}
     ORDER BY v.number DESC`,
);

const person = (lastName: string | null, firstName: string | null, middleName: string | null) =>
  lastName === null ? null : shortName({ lastName, firstName: firstName ?? "", middleName });

/** The year's versions, newest first, with the names of who submitted and who decided. */
export async function versionsOfYear(organisationId: number, yearId: number): Promise<VersionRow[]> {
  const rows = await YEAR_VERSIONS.run(db, organisationId, yearId);
  return rows.map((r) => ({
    id: r.id,
    yearId,
    number: r.number,
    status: r.status,
    note: r.note,
    comment: r.comment,
    submittedAt: new Date(Math.round(r.submittedAt)),
    submittedBy: person(r.submitterLast, r.submitterFirst, r.submitterMiddle),
    decidedAt: r.decidedAt === null ? null : new Date(Math.round(r.decidedAt)),
    decidedBy: person(r.deciderLast, r.deciderFirst, r.deciderMiddle),
    entries: r.entries,
  }));
}

/** The compared fields of an entry (rules.ts COMPARED) as the snapshot stores them. */
const COMPARED_SQL = ["classId", "subgroupId", "subjectId", "teacherId", "roomId", "weekday", "bellNumber", "hours"];

/**
 * PRG-3's edits since approval computed in PostgreSQL (issue 22 item 7): the newest approved
 * version's snapshot of the year against the year's entries, by entry id — only the entries added,
 * removed or changed come back (the page read the year's ≈ 1,400 entries with five names each and
 * every version's snapshot to list none). Changed: any of rules.ts COMPARED differs, each compared
 * as JSON values (a number to a number, null to null, the dates as «ГГГГ-ММ-ДД»), as
 * changesSinceApproval compares the snapshot's values with `===`.
 */
export const CHANGES_SINCE_APPROVAL = rawStatement(
  {
    kind: col.enum({ added: "added", removed: "removed", changed: "changed" }),
    before: col.json,
    id: col.int.nullable(),
    classId: col.int.nullable(),
    className: col.text.nullable(),
    subgroupId: col.int.nullable(),
    subgroupName: col.text.nullable(),
    subjectId: col.int.nullable(),
    subjectName: col.text.nullable(),
    teacherId: col.int.nullable(),
    lastName: col.text.nullable(),
    firstName: col.text.nullable(),
    middleName: col.text.nullable(),
    roomId: col.int.nullable(),
    roomName: col.text.nullable(),
    weekday: col.int.nullable(),
    bellNumber: col.int.nullable(),
    hours: col.float.nullable(),
    validFrom: col.text.nullable(),
    validTo: col.text.nullable(),
  },
  (organisationId: number, yearId: number) => Prisma.sql`
    WITH approved AS (
      SELECT v.snapshot FROM "TimetableVersion" v
       WHERE v."organisationId" = ${organisationId} AND v."yearId" = ${yearId} AND v.status = 'APPROVED'
       ORDER BY v.number DESC LIMIT 1
    ), snap AS (
      SELECT (e->>'id')::numeric AS id, e FROM approved a CROSS JOIN LATERAL ${snapshotElements(Prisma.sql`a.snapshot`)}
    ), cur AS (
      SELECT t.*, jsonb_build_object(${Prisma.join(
        COMPARED_SQL.map((k) => Prisma.sql`${Prisma.raw(`'${k}'`)}, t.${Prisma.raw(`"${k}"`)}`),
      )}, 'validFrom', to_char(t."validFrom", 'YYYY-MM-DD'), 'validTo', to_char(t."validTo", 'YYYY-MM-DD')) AS k,
             c.name AS "className"
        FROM "TimetableEntry" t
        JOIN "ClassGroup" c ON c."organisationId" = t."organisationId" AND c.id = t."classId"
       WHERE t."organisationId" = ${organisationId} AND c."yearId" = ${yearId} AND EXISTS (SELECT 1 FROM approved)
    )
    SELECT CASE WHEN s.id IS NULL THEN 'added' WHEN t.id IS NULL THEN 'removed' ELSE 'changed' END AS kind,
           s.e AS before, t.id, t."classId", t."className", t."subgroupId", sg.name AS "subgroupName",
           t."subjectId", sj.name AS "subjectName", t."teacherId", u."lastName", u."firstName", u."middleName",
           t."roomId", r.name AS "roomName", t.weekday, t."bellNumber", t.hours::float8 AS hours,
           to_char(t."validFrom", 'YYYY-MM-DD') AS "validFrom", to_char(t."validTo", 'YYYY-MM-DD') AS "validTo"
      FROM cur t
      FULL JOIN snap s ON s.id = t.id::numeric
      LEFT JOIN "Subgroup" sg ON sg."organisationId" = t."organisationId" AND sg.id = t."subgroupId"
      LEFT JOIN "Subject" sj ON sj."organisationId" = t."organisationId" AND sj.id = t."subjectId"
      LEFT JOIN "User" u ON u."organisationId" = t."organisationId" AND u.id = t."teacherId"
      LEFT JOIN "Room" r ON r."organisationId" = t."organisationId" AND r.id = t."roomId"
     WHERE s.id IS NULL OR t.id IS NULL
        OR ${Prisma.join(
          [...COMPARED_SQL, "validFrom", "validTo"].map(
            (k) => Prisma.sql`s.e->${Prisma.raw(`'${k}'`)} IS DISTINCT FROM t.k->${Prisma.raw(`'${k}'`)}`,
          ),
          " OR ",
        )}`,
);

/**
 * The entries added, removed and changed since the newest approved version of the year (none
 * without one), as changesSinceApproval(approved snapshot, yearSnapshot) lists them.
 */
export async function changesOfYear(organisationId: number, yearId: number): Promise<ChangeSinceApproval[]> {
  const rows = await CHANGES_SINCE_APPROVAL.run(db, organisationId, yearId);
  return sortChanges(
    rows.map((r): ChangeSinceApproval => {
      const before = r.before === null ? null : (parseSnapshot([json(r.before)])[0] ?? null);
      if (r.kind === "removed" || r.id === null) return { kind: "removed", entry: before! };
      const entry: SnapshotEntry = {
        id: r.id,
        classId: r.classId!,
        className: r.className!,
        subgroupId: r.subgroupId,
        subgroupName: r.subgroupName,
        subjectId: r.subjectId!,
        subjectName: r.subjectName!,
        teacherId: r.teacherId!,
        teacherName: shortName({ lastName: r.lastName!, firstName: r.firstName!, middleName: r.middleName }),
        roomId: r.roomId,
        roomName: r.roomName,
        weekday: r.weekday!,
        bellNumber: r.bellNumber!,
        hours: r.hours!,
        validFrom: r.validFrom!,
        validTo: r.validTo!,
      };
      return r.kind === "added" || !before ? { kind: "added", entry } : { kind: "changed", entry, before };
    }),
  );
}

const json = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/** Every class some approved version of the organisation holds (PRG-3: only they get lessons). */
export async function approvedClassIds(organisationId: number, client: Client = db): Promise<Set<number>> {
  const rows = await client.timetableVersion.findMany({
    where: { organisationId, status: "APPROVED" },
    select: { classIds: true },
  });
  return new Set(rows.flatMap((r) => r.classIds));
}

/** The current year of the organisation (the one the approval page works on). */
export async function currentYear(organisationId: number, client: Client = db) {
  return client.academicYear.findFirst({
    where: { organisationId, isCurrent: true },
    select: { id: true, name: true, startDate: true, endDate: true, status: true },
  });
}
