// Reads of unlock requests (JRN-6) for ADMIN's page and for the grid's teacher.
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

export type UnlockRow = {
  id: number;
  className: string;
  subjectName: string;
  date: Date;
  reason: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  requester: string;
  decider: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  openUntil: Date | null;
  createdAt: Date;
  classId: number;
  subjectId: number;
  /** The last date of ADMIN's range (REC-1), null for one date. */
  dateTo: Date | null;
};

const person = { select: NAME_FIELDS } as const;

export async function unlockRequests(
  organisationId: number,
  filter: { classId?: number; subjectId?: number; requesterId?: number } = {},
  limit = 200,
): Promise<UnlockRow[]> {
  const rows = await db.unlockRequest.findMany({
    where: { organisationId, ...filter },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: limit,
    select: {
      id: true,
      date: true,
      dateTo: true,
      reason: true,
      status: true,
      decidedAt: true,
      decisionNote: true,
      openUntil: true,
      createdAt: true,
      classId: true,
      subjectId: true,
      class: { select: { name: true } },
      subject: { select: { name: true } },
      requester: person,
      decider: person,
    },
  });
  return rows.map((r) => ({
    id: r.id,
    className: r.class.name,
    subjectName: r.subject.name,
    date: r.date,
    reason: r.reason,
    status: r.status,
    requester: fullName(r.requester),
    decider: r.decider ? fullName(r.decider) : null,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    openUntil: r.openUntil,
    createdAt: r.createdAt,
    classId: r.classId,
    subjectId: r.subjectId,
    dateTo: r.dateTo,
  }));
}

/** The class and subject of a request, to authorise a decision on it. */
export async function unlockTarget(
  organisationId: number,
  id: number,
): Promise<{ classId: number; subjectId: number } | null> {
  return db.unlockRequest.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { classId: true, subjectId: true },
  });
}

/** A class × subject to open dates for: names, the year's bounds and whether it is closed. */
export async function openTarget(organisationId: number, classId: number, subjectId: number) {
  const [cls, subject] = await Promise.all([
    db.classGroup.findUnique({
      where: { organisationId_id: { organisationId, id: classId } },
      select: { name: true, year: { select: { status: true, startDate: true, endDate: true } } },
    }),
    db.subject.findUnique({ where: { organisationId_id: { organisationId, id: subjectId } }, select: { name: true } }),
  ]);
  if (!cls || !subject) return null;
  return {
    className: cls.name,
    subjectName: subject.name,
    yearClosed: cls.year.status === "CLOSED",
    yearStart: cls.year.startDate,
    yearEnd: cls.year.endDate,
  };
}
