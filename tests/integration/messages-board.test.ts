// Board and forum against a real PostgreSQL (MSG-3, MSG-4): who sees which announcement,
// display windows, timetable-change posts, moderators.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { boardFor, readerClassIds } from "@/lib/messages/data";
import { postAnnouncement } from "@/lib/messages/commands";
import { deleteAnnouncement } from "@/lib/messages/mutations";
import { canModerate } from "@/lib/messages/forum/moderation";
import { setModerator, setPostHidden, createTopic } from "@/lib/messages/forum/mutations";
import { topicOf } from "@/lib/messages/forum/data";
import type { AnnouncementInput } from "@/lib/messages/schema";
import type { Role } from "@/lib/access/roles";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { lastAudit } from "../support/audit";

let f: AccessFixture;
const TZ = "Europe/Samara";
const now = new Date("2026-11-23T09:00:00Z");
const actor = (id: number) => ({ organisationId: f.organisationId, id, timeZone: TZ });
const input = (over: Partial<AnnouncementInput>): AnnouncementInput => ({
  title: "Объявление",
  body: "Текст",
  audience: "ALL",
  role: null,
  classId: null,
  startsOn: null,
  expiresOn: null,
  ...over,
});

async function titlesFor(userId: number, roles: Role[]) {
  const classIds = await readerClassIds(f.organisationId, userId, new Date("2026-11-23T00:00:00Z"));
  return (await boardFor(f.organisationId, { userId, roles, classIds }, now)).map((a) => a.title);
}

beforeAll(async () => {
  f = await createAccessFixture();
  const post = async (over: Partial<AnnouncementInput>) => {
    const r = await postAnnouncement(actor(f.users.DEPUTY), input(over), { now: new Date("2026-11-20T09:00:00Z") });
    if (!r.ok) throw new Error(r.message);
  };
  await post({ title: "Всем" });
  await post({ title: "Учителям", audience: "ROLE", role: "TEACHER" });
  await post({ title: "Классу 5А", audience: "CLASS", classId: f.classA });
  await post({ title: "Классу 5Б", audience: "CLASS", classId: f.classB });
  await post({ title: "Истекло", expiresOn: "2026-11-22" });
  await post({ title: "Завтра", startsOn: "2026-11-24" });
  // The schedule engine posts timetable changes itself (source "schedule").
  await db.announcement.create({
    data: {
      organisationId: f.organisationId,
      authorId: f.users.SCHEDULER,
      title: "Изменение расписания 5А",
      body: "Урок перенесён",
      audience: "CLASS",
      classId: f.classA,
      startsAt: new Date("2026-11-22T09:00:00Z"),
      source: "schedule",
    },
  });
});

describe("who sees an announcement (MSG-3)", () => {
  it("a parent sees announcements to all, to parents and to their child's class, not others' classes or roles", async () => {
    expect((await titlesFor(f.users.PARENT, ["PARENT"])).sort()).toEqual(
      ["Всем", "Изменение расписания 5А", "Классу 5А"].sort(),
    );
  });

  it("a teacher sees the role's announcements and those of the class they teach", async () => {
    expect((await titlesFor(f.users.TEACHER, ["TEACHER"])).sort()).toEqual(
      ["Всем", "Изменение расписания 5А", "Классу 5А", "Учителям"].sort(),
    );
  });

  it("an expired announcement is gone and a future one waits, except for its author", async () => {
    const mine = await boardFor(f.organisationId, { userId: f.users.DEPUTY, roles: ["DEPUTY"], classIds: "all" }, now);
    expect(mine.map((a) => a.title)).toContain("Завтра");
    expect(mine.map((a) => a.title)).not.toContain("Истекло");
    expect(await titlesFor(f.users.STUDENT, ["STUDENT"])).not.toContain("Завтра");
  });

  it("keeps the source of timetable-change announcements for the board to mark them", async () => {
    const items = await boardFor(
      f.organisationId,
      { userId: f.users.PARENT, roles: ["PARENT"], classIds: [f.classA] },
      now,
    );
    expect(items.find((a) => a.title === "Изменение расписания 5А")?.source).toBe("schedule");
  });

  it("refuses a window that has already ended and stores nothing", async () => {
    const before = await db.announcement.count({ where: { organisationId: f.organisationId } });
    const r = await postAnnouncement(actor(f.users.DEPUTY), input({ title: "Поздно", expiresOn: "2026-11-01" }), {
      now,
    });
    expect(r).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.announcement.count({ where: { organisationId: f.organisationId } })).toBe(before);
  });

  it("posting and removing an announcement are audited by its id (AUTH-5)", async () => {
    const posted = await postAnnouncement(actor(f.users.DEPUTY), input({ title: "Собрание" }), { now });
    if (!posted.ok) throw new Error(posted.message);
    const row = { userId: f.users.DEPUTY, entity: "Announcement", entityId: String(posted.data.id) };
    expect(await lastAudit(f.organisationId, "announcement.create")).toMatchObject(row);
    const anywhere = async () => undefined; // an announcement to all has no class to check (SEC-2)
    expect(await deleteAnnouncement(f.organisationId, posted.data.id, f.users.DEPUTY, false, anywhere)).toBe(true);
    expect(await lastAudit(f.organisationId, "announcement.delete")).toMatchObject(row);
  });
});

describe("forum moderation (MSG-4)", () => {
  it("ADMIN and appointed moderators may hide posts; others may not; a hidden post remembers who hid it", async () => {
    expect(await canModerate(actor(f.users.ADMIN))).toBe(true);
    expect(await canModerate(actor(f.users.DEPUTY))).toBe(false);
    expect(await canModerate(actor(f.users.PARENT))).toBe(false);
    expect(await setModerator(f.organisationId, f.users.DEPUTY, true, f.users.ADMIN)).toBe(true);
    expect(await canModerate(actor(f.users.DEPUTY))).toBe(true);
    // Appointing, hiding and removing are audited (AUTH-5): who did it, to which user or post.
    const appointee = { userId: f.users.ADMIN, entity: "User", entityId: String(f.users.DEPUTY) };
    expect(await lastAudit(f.organisationId, "forum.moderator.appoint")).toMatchObject(appointee);

    const topicId = await createTopic(f.organisationId, f.users.PARENT, "Форма", "Где купить?");
    const topic = await topicOf(f.organisationId, topicId);
    expect(await setPostHidden(f.organisationId, topic!.posts[0].id, true, f.users.DEPUTY)).toBe(true);
    expect(await lastAudit(f.organisationId, "forum.post.hide")).toMatchObject({
      userId: f.users.DEPUTY,
      entity: "ForumPost",
      entityId: String(topic!.posts[0].id),
    });
    const hidden = await topicOf(f.organisationId, topicId);
    expect(hidden!.posts[0]).toMatchObject({ hidden: true, hiddenByName: "DEPUTY Тест" });

    expect(await setModerator(f.organisationId, f.users.DEPUTY, false, f.users.ADMIN)).toBe(true);
    expect(await lastAudit(f.organisationId, "forum.moderator.remove")).toMatchObject(appointee);
    expect(await canModerate(actor(f.users.DEPUTY))).toBe(false);
  });

  it("a topic or a user of another organisation does not exist here", async () => {
    const foreignTopic = await createTopic(f.otherOrganisationId, f.users.ADMIN, "x", "y").catch(() => null);
    expect(foreignTopic).toBeNull();
    expect(await setModerator(f.otherOrganisationId, f.users.PARENT, true, f.users.ADMIN)).toBe(false);
  });
});
