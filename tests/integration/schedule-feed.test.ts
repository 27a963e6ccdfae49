// SCH-6: the personal iCalendar feed parses with an iCalendar parser (ical.js) and its events
// for a week equal that week's journal lessons of the teacher; a revoked or unknown token is refused.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadFeedIcs } from "@/lib/schedule/feed/loaders";
import { issueFeed, revokeFeeds } from "@/lib/schedule/feed/mutations";
import { hashFeedSecret, newFeedSecret } from "@/lib/schedule/feed/token";
import { seedDemo } from "../../prisma/seed/index";
import { lastAudit } from "../support/audit";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const WEEK_FROM = new Date("2026-11-16T00:00:00Z");
const WEEK_TO = new Date("2026-11-22T00:00:00Z");
let orgId = 0;
let teacherId = 0;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  orgId = (await db.organisation.findFirstOrThrow({ where: { kind: "SCHOOL" } })).id;
  teacherId = (await db.user.findFirstOrThrow({ where: { organisationId: orgId, login: "teacher" } })).id;
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
});

type Parsed = { uid: string; start: number; end: number; summary: string };

function parse(ics: string): Parsed[] {
  const vcalendar = new ICAL.Component(ICAL.parse(ics));
  return vcalendar.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      start: e.startDate.toJSDate().getTime(),
      end: e.endDate.toJSDate().getTime(),
      summary: e.summary,
    };
  });
}

describe("calendar feed (SCH-6)", () => {
  it("serves the teacher's lessons: a week's events equal that week's journal lessons", async () => {
    const secret = newFeedSecret();
    await issueFeed(orgId, teacherId, hashFeedSecret(secret));
    const ics = await loadFeedIcs(`${orgId}-${secret}.ics`, TODAY);
    expect(ics).not.toBeNull();
    expect(ics!.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);

    const events = parse(ics!).filter(
      (e) => e.start >= WEEK_FROM.getTime() && e.start < WEEK_TO.getTime() + 86_400_000,
    );
    const lessons = await db.lesson.findMany({
      where: {
        organisationId: orgId,
        date: { gte: WEEK_FROM, lte: WEEK_TO },
        status: "SCHEDULED",
        OR: [{ teacherId, substituteId: null }, { substituteId: teacherId }],
      },
      include: { class: true, subject: true },
    });
    const bells = await db.bell.findMany({ where: { organisationId: orgId } });
    expect(lessons.length).toBeGreaterThan(10);
    const expected = lessons
      .map((l) => {
        const bell = bells.find((b) => b.number === l.bellNumber && b.scheduleId === l.class.bellScheduleId)!;
        // Samara is UTC+4 all year.
        const start = new Date(`${l.date.toISOString().slice(0, 10)}T${bell.startTime}:00+04:00`).getTime();
        return `${start}|${l.subject.name} · ${l.class.name}`;
      })
      .sort();
    expect(events.map((e) => `${e.start}|${e.summary}`).sort()).toEqual(expected);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it("answers nothing for a revoked, unknown or malformed token", async () => {
    const secret = newFeedSecret();
    await issueFeed(orgId, teacherId, hashFeedSecret(secret));
    expect(await loadFeedIcs(`${orgId}-${secret}.ics`, TODAY)).not.toBeNull();
    const issued = await lastAudit(orgId, "calendar.issue");
    expect(issued).toMatchObject({ userId: teacherId, entity: "CalendarFeed", entityId: null });
    await revokeFeeds(orgId, teacherId);
    // Both are audited (AUTH-5); the revocation says how many live links it ended.
    const revoked = await lastAudit(orgId, "calendar.revoke");
    expect(revoked).toMatchObject({
      userId: teacherId,
      entity: "CalendarFeed",
      entityId: null,
      details: { revoked: 1 },
    });
    expect(revoked.id).toBeGreaterThan(issued.id);
    expect(await loadFeedIcs(`${orgId}-${secret}.ics`, TODAY)).toBeNull();
    expect(await loadFeedIcs(`${orgId}-${newFeedSecret()}.ics`, TODAY)).toBeNull();
    expect(await loadFeedIcs(`${orgId + 1}-${secret}.ics`, TODAY)).toBeNull();
    expect(await loadFeedIcs("../../etc/passwd", TODAY)).toBeNull();
  });

  it("a new link replaces the old one", async () => {
    const first = newFeedSecret();
    const second = newFeedSecret();
    await issueFeed(orgId, teacherId, hashFeedSecret(first));
    await issueFeed(orgId, teacherId, hashFeedSecret(second));
    expect(await loadFeedIcs(`${orgId}-${first}.ics`, TODAY)).toBeNull();
    expect(await loadFeedIcs(`${orgId}-${second}.ics`, TODAY)).not.toBeNull();
  });
});
