// Board writes (MSG-3). The action has checked board.post (and the class for a class announcement).
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import type { Role } from "@/lib/access/roles";
import type { StoredScopeCheck } from "@/lib/access/stored";

export type NewAnnouncement = {
  organisationId: number;
  authorId: number;
  title: string;
  body: string;
  audience: "ALL" | "ROLE" | "CLASS";
  role: Role | null;
  classId: number | null;
  startsAt: Date;
  expiresAt: Date | null;
};

export async function createAnnouncement(a: NewAnnouncement): Promise<number> {
  return db.$transaction(async (tx) => {
    const row = await tx.announcement.create({
      data: {
        organisationId: a.organisationId,
        authorId: a.authorId,
        title: a.title,
        body: a.body,
        audience: a.audience,
        role: a.audience === "ROLE" ? a.role : null,
        classId: a.audience === "CLASS" ? a.classId : null,
        startsAt: a.startsAt,
        expiresAt: a.expiresAt,
        source: "manual",
      },
      select: { id: true },
    });
    const who = { organisationId: a.organisationId, userId: a.authorId };
    await auditChange(tx, who, "announcement.create", ["Announcement", row.id]);
    return row.id;
  });
}

/** Removes one's own announcement (or any, for whoever the action allows). */
export async function deleteAnnouncement(
  organisationId: number,
  id: number,
  actorId: number,
  anyAuthor: boolean,
  inScope: StoredScopeCheck,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const where = { organisationId, id, ...(anyAuthor ? {} : { authorId: actorId }) };
    const stored = await tx.announcement.findFirst({ where, select: { audience: true, classId: true } });
    if (!stored) return false;
    // SEC-2: a class announcement is removed only by someone whose board.post covers its class.
    if (stored.audience === "CLASS" && stored.classId !== null)
      await inScope(tx, { kind: "class", classId: stored.classId });
    const { count } = await tx.announcement.deleteMany({ where });
    if (count === 0) return false;
    await auditChange(tx, { organisationId, userId: actorId }, "announcement.delete", ["Announcement", id]);
    return true;
  });
}
