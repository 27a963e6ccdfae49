// PRG-3: reads of timetable versions and the year's entries as a snapshot. Bound to the organisation.
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { NAME_FIELDS, shortName } from "@/lib/people/names";
import { parseSnapshot, type SnapshotEntry, type VersionState } from "./rules";
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

/** The year's versions, newest first, with the names of who submitted and who decided. */
export async function versionsOfYear(
  organisationId: number,
  yearId: number,
  client: Client = db,
): Promise<(VersionRow & { snapshot: SnapshotEntry[] })[]> {
  const rows = await client.timetableVersion.findMany({
    where: { organisationId, yearId },
    orderBy: { number: "desc" },
  });
  const ids = [...new Set(rows.flatMap((r) => [r.submittedById, r.decidedById]).filter((x): x is number => !!x))];
  const users = await client.user.findMany({
    where: { organisationId, id: { in: ids } },
    select: { id: true, ...NAME_FIELDS },
  });
  const nameOf = (id: number | null) => {
    const u = id ? users.find((x) => x.id === id) : null;
    return u ? shortName(u) : null;
  };
  return rows.map((r) => {
    const snapshot = parseSnapshot(r.snapshot);
    return {
      id: r.id,
      yearId: r.yearId,
      number: r.number,
      status: r.status,
      note: r.note,
      comment: r.comment,
      submittedAt: r.submittedAt,
      submittedBy: nameOf(r.submittedById),
      decidedAt: r.decidedAt,
      decidedBy: nameOf(r.decidedById),
      entries: snapshot.length,
      snapshot,
    };
  });
}

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
