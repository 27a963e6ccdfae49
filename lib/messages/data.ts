// Announcement board reads (MSG-3). Bound to the organisation (ACL-5).
import { db } from "@/lib/db";
import type { Role } from "@/lib/access/roles";

export type AnnouncementView = { id: number; title: string; body: string; startsAt: Date; authorName: string; className: string | null };

/** Current announcements for a reader: to everyone, to one of their roles, or to one of their classes. */
export async function announcementsFor(
  organisationId: number,
  roles: readonly Role[],
  classIds: readonly number[],
  now: Date,
  take = 10,
): Promise<AnnouncementView[]> {
  const rows = await db.announcement.findMany({
    where: {
      organisationId,
      startsAt: { lte: now },
      AND: [
        { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        {
          OR: [
            { audience: "ALL" },
            { audience: "ROLE", role: { in: [...roles] } },
            { audience: "CLASS", classId: { in: [...classIds] } },
          ],
        },
      ],
    },
    orderBy: { startsAt: "desc" },
    take,
    select: {
      id: true,
      title: true,
      body: true,
      startsAt: true,
      author: { select: { lastName: true, firstName: true, middleName: true } },
      class: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    startsAt: r.startsAt,
    authorName: [r.author.lastName, r.author.firstName, r.author.middleName].filter(Boolean).join(" "),
    className: r.class?.name ?? null,
  }));
}
