// SCH-6: the calendar document behind a secret URL: the owner's lessons from the Monday of last
// week to five weeks ahead (the planner's lessons: timetable, changes and substitutions), no
// cancelled ones. The owner must still hold schedule.viewOwn or schedule.viewAll.
import { authorize } from "@/lib/access/authorize";
import { addDays, isoDate, mondayOf, todayIn } from "@/lib/org/time";
import { weekLessons, type WeekLesson } from "../view/data";
import { localInstant } from "../week";
import { buildCalendar, type IcsEvent } from "./ics";
import { activeFeedOf, feedFilters, liveFeed } from "./data";
import { hashFeedSecret, parseFeedToken } from "./token";

export function lessonEvents(lessons: readonly WeekLesson[], timeZone: string, withClass: boolean): IcsEvent[] {
  return lessons
    .filter((l) => !l.cancelled && l.startTime && l.endTime)
    .map((l) => ({
      uid: `lesson-${l.classId}-${isoDate(l.date)}-${l.bellNumber}-${l.key.split("|").slice(3).join("-")}@ejournal`,
      start: localInstant(l.date, l.startTime!, timeZone),
      end: localInstant(l.date, l.endTime!, timeZone),
      summary: withClass ? `${l.subjectName} · ${l.className}` : l.subjectName,
      location: l.roomName ? `Кабинет ${l.roomName}` : null,
      description: l.substituteName
        ? `Замена: ${l.substituteName} (вместо ${l.teacherName})`
        : `Учитель: ${l.teacherName}`,
    }));
}

/** The ICS text, or null (→ 404) for a malformed, unknown or revoked token. */
export async function loadFeedIcs(token: string, now: Date = new Date()): Promise<string | null> {
  const parsed = parseFeedToken(token);
  if (!parsed) return null;
  const owner = await liveFeed(parsed.organisationId, hashFeedSecret(parsed.secret));
  if (!owner) return null;
  const actor = { organisationId: owner.organisationId, id: owner.userId };
  const allowed =
    (await authorize(actor, "schedule.viewOwn")).allowed || (await authorize(actor, "schedule.viewAll")).allowed;
  if (!allowed) return null;
  const today = todayIn(owner.timeZone, now);
  const from = addDays(mondayOf(today), -7);
  const to = addDays(from, 7 * 6 - 1);
  const seen = new Set<string>();
  const events: IcsEvent[] = [];
  for (const filter of await feedFilters(owner.organisationId, owner.userId, today)) {
    const lessons = await weekLessons(owner.organisationId, filter, from, to);
    for (const e of lessonEvents(lessons, owner.timeZone, filter.kind === "teacher")) {
      if (!seen.has(e.uid)) events.push(e);
      seen.add(e.uid);
    }
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime());
  return buildCalendar(`Расписание: ${owner.fullName}`, events, now);
}

/** Whether the signed-in user has a live link (its secret cannot be shown again). */
export async function loadMyFeed(organisationId: number, userId: number) {
  return activeFeedOf(organisationId, userId);
}
