// Board writes (MSG-3). The action has checked board.post (and the class for a class announcement).
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import type { Role } from "@/lib/access/roles";

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
    await recordAudit(tx, {
      organisationId: a.organisationId,
      userId: a.authorId,
      action: "announcement.create",
      entity: "Announcement",
      entityId: String(row.id),
    });
    return row.id;
  });
}

/** Removes one's own announcement (or any, for whoever the action allows). */
export async function deleteAnnouncement(
  organisationId: number,
  id: number,
  actorId: number,
  anyAuthor: boolean,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.announcement.deleteMany({
      where: { organisationId, id, ...(anyAuthor ? {} : { authorId: actorId }) },
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      organisationId,
      userId: actorId,
      action: "announcement.delete",
      entity: "Announcement",
      entityId: String(id),
    });
    return true;
  });
}
