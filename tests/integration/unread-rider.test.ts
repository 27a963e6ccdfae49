// The header's unread mail count riding on the request's AccessVersion read (issue 22 item 1,
// lib/auth/data.ts ACCESS_VERSION_UNREAD): the same statement gives the version and, while the version
// is still the one under which the user was seen holding mail.use, their unread count — exact at each
// read (a message received or read shows at the next one), and never counted once the version moved
// (a changed right: the count is not even run, PostgreSQL's plan says «never executed»).
// The per-request sharing itself needs React's request cache: tests/e2e/messages-mail.spec.ts.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ACCESS_VERSION_UNREAD, readAccessVersion, readAccessVersionWithUnread } from "@/lib/auth/data";
import { sendMessage } from "@/lib/messages/mail/commands";
import { markRead } from "@/lib/messages/mail/mutations";
import { unreadCountOf } from "@/lib/messages/mailbox/data";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";

let f: AccessFixture;
let sql: pg.Client;

beforeAll(async () => {
  f = await createAccessFixture();
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
});

afterAll(async () => {
  await sql.end();
});

const send = async (to: number) => {
  const r = await sendMessage(
    { organisationId: f.organisationId, id: f.users.ADMIN, timeZone: "Europe/Samara" },
    { personIds: [to], roles: [], classIds: [], subject: "Вопрос", body: "Здравствуйте!", replyToId: null },
    [],
  );
  if (!r.ok) throw new Error(r.message);
  return r.data.messageId;
};

describe("the unread count in the AccessVersion's statement (issue 22 item 1)", () => {
  it("gives the version and the exact count while the version is the one mail.use was held under", async () => {
    const user = f.users.SCHEDULER;
    const v0 = await readAccessVersion(f.organisationId);
    const read = () => readAccessVersionWithUnread(f.organisationId, user, v0);
    const before = await unreadCountOf(f.organisationId, user);
    expect(await read()).toEqual({ version: v0, userId: user, unread: before });
    // Mail received and read raises no AccessVersion: the same version, the count moves at the next read.
    const id = await send(user);
    expect(await readAccessVersion(f.organisationId)).toBe(v0);
    expect((await read()).unread).toBe(before + 1);
    await markRead(f.organisationId, id, user, new Date());
    expect((await read()).unread).toBe(before);
    // Another user's own count, not this one's.
    await send(f.users.DEPUTY);
    expect((await readAccessVersionWithUnread(f.organisationId, f.users.DEPUTY, v0)).unread).toBe(
      await unreadCountOf(f.organisationId, f.users.DEPUTY),
    );
    expect((await read()).unread).toBe(before);
  });

  it("counts nothing once the version moved (a changed right): the count's subquery never runs", async () => {
    const user = f.users.SCHEDULER;
    await send(user);
    const held = await readAccessVersion(f.organisationId);
    expect((await readAccessVersionWithUnread(f.organisationId, user, held)).unread).toBeGreaterThan(0);
    await db.userRole.create({ data: { organisationId: f.organisationId, userId: f.users.STAFF, role: "MEDIC" } });
    try {
      const now = await readAccessVersion(f.organisationId);
      expect(now).toBeGreaterThan(held);
      expect(await readAccessVersionWithUnread(f.organisationId, user, held)).toEqual({
        version: now,
        userId: user,
        unread: null,
      });
      // The plan: the count is an InitPlan taken only on the CASE's branch.
      const plan = async (since: bigint) => {
        const q = ACCESS_VERSION_UNREAD.sql(f.organisationId, user, since);
        const r = await sql.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${q.text}`,
          q.values as unknown[],
        );
        return r.rows.map((x) => x["QUERY PLAN"]).join("\n");
      };
      const stale = await plan(held);
      expect(stale).toMatch(/MessageRecipient[^\n]*\(never executed\)/);
      const current = await plan(now);
      expect(current).toMatch(/MessageRecipient/);
      expect(current).not.toMatch(/never executed/);
    } finally {
      await db.userRole.deleteMany({
        where: { organisationId: f.organisationId, userId: f.users.STAFF, role: "MEDIC" },
      });
    }
  });
});
