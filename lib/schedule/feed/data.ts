// Reads of the personal calendar feed (SCH-6). The token itself is never stored, only its hash.
import { db } from "@/lib/db";
import { childrenOfUser, placeOfStudentUser, studentHeader } from "@/lib/people/data";
import type { WeekFilter } from "../view/data";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

export type FeedOwner = { organisationId: number; userId: number; timeZone: string; fullName: string };

/** The live (not revoked) feed with this token hash, with its owner; null otherwise. */
export async function liveFeed(organisationId: number, tokenHash: string): Promise<FeedOwner | null> {
  const feed = await db.calendarFeed.findUnique({
    where: { organisationId_tokenHash: { organisationId, tokenHash } },
    select: {
      revokedAt: true,
      user: { select: { id: true, isActive: true, ...NAME_FIELDS } },
      organisation: { select: { timeZone: true } },
    },
  });
  if (!feed || feed.revokedAt || !feed.user.isActive) return null;
  const u = feed.user;
  return {
    organisationId,
    userId: u.id,
    timeZone: feed.organisation.timeZone,
    fullName: fullName(u),
  };
}

export async function activeFeedOf(organisationId: number, userId: number): Promise<{ createdAt: Date } | null> {
  return db.calendarFeed.findFirst({
    where: { organisationId, userId, revokedAt: null },
    select: { createdAt: true },
    orderBy: { id: "desc" },
  });
}

/** Whose schedule the feed carries: a teacher's own lessons, a student's class, each child's class. */
export async function feedFilters(organisationId: number, userId: number, today: Date): Promise<WeekFilter[]> {
  const roles = await db.userRole.findMany({ where: { organisationId, userId }, select: { role: true } });
  const has = (r: string) => roles.some((x) => x.role === r);
  const filters: WeekFilter[] = [];
  if (has("TEACHER")) filters.push({ kind: "teacher", id: userId });
  if (has("STUDENT")) {
    const place = await placeOfStudentUser(organisationId, userId, today);
    if (place) filters.push({ kind: "class", id: place.classId, subgroupIds: place.subgroupIds });
  }
  if (has("PARENT")) {
    for (const child of await childrenOfUser(organisationId, userId, today)) {
      const h = await studentHeader(organisationId, child.studentId, today);
      if (h?.classId) filters.push({ kind: "class", id: h.classId, subgroupIds: h.subgroupIds });
    }
  }
  return filters;
}
