// REG-4 webhooks against PostgreSQL and a receiver on localhost: a mark saved in the journal reaches a
// subscribed receiver as a signed `mark.created` on the worker's next step; a receiver answering 500
// gets retries with growing delays (moved clock) and its subscription is disabled after the configured
// failures, the log saying why; a delivery stops after 24 hours; only the administrator manages
// subscriptions; an organisation without a subscription to the event gets no delivery; payloads carry
// ids, not names; a subscription cannot point into the server's own network (SSRF).
import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import { createSubscriptionAction, deleteSubscriptionAction, toggleSubscriptionAction } from "@/lib/webhooks/actions";
import { guardedLookup, sendWebhook, urlRefusal } from "@/lib/webhooks/net";
import { verifySignature } from "@/lib/webhooks/rules";
import { runWebhookStep } from "@/lib/webhooks/worker";
import { signInAs, signOut } from "../support/session-harness";
import { addAssignment, createJournalFixture, formData, NOW, type JournalFixture } from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

type Arrival = { path: string; headers: IncomingMessage["headers"]; body: string };
let server: Server;
let origin = "";
const arrivals: Arrival[] = [];
/** The status the receiver answers on each path (200 unless set). */
const answers = new Map<string, number>();

let f: JournalFixture;
const seconds = (s: number) => new Date(NOW.getTime() + s * 1000);

beforeAll(async () => {
  vi.stubEnv("WEBHOOKS_ALLOW_PRIVATE", "1");
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      arrivals.push({ path: req.url ?? "", headers: req.headers, body });
      res.statusCode = answers.get(req.url ?? "") ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  f = await createJournalFixture({ students: 4 });
}, 120_000);

afterEach(() => signOut());

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

async function subscribe(path: string, events: string[]): Promise<{ id: number; secret: string }> {
  await signInAs(f.organisationId, f.users.admin);
  const data = formData({ url: `${origin}${path}` });
  for (const e of events) data.append("events", e);
  const r = await createSubscriptionAction(null, data);
  if (!r.ok) throw new Error(r.message);
  const sub = await db.webhookSubscription.findFirstOrThrow({
    where: { organisationId: f.organisationId, url: `${origin}${path}` },
  });
  return { id: sub.id, secret: r.data.secret };
}

const saveMark = (lessonId: number, assignmentId: number, studentId: number, input: string, version: number) =>
  saveCell(f.actor(f.users.teacher), { kind: "mark", lessonId, assignmentId, studentId, input, version }, NOW);

const deliveriesOf = (subscriptionId: number) =>
  db.webhookDelivery.findMany({ where: { organisationId: f.organisationId, subscriptionId }, orderBy: { id: "asc" } });

describe("a saved mark reaches the subscriber, signed (REG-4)", () => {
  it("delivers mark.created on the worker's next step with a signature that verifies with the secret", async () => {
    const { id, secret } = await subscribe("/marks", ["mark.created", "mark.changed"]);
    const lessonId = f.lesson("2026-11-18");
    const a = await addAssignment(f, lessonId);
    const student = f.students[0];
    expect((await saveMark(lessonId, a, student, "5", 0)).status).toBe(200);
    const [queued] = await deliveriesOf(id);
    expect(queued).toMatchObject({ event: "mark.created", status: "PENDING", attempts: 0 });
    expect(queued.nextAttemptAt.getTime()).toBeLessThanOrEqual(NOW.getTime()); // due at once

    arrivals.length = 0;
    expect(await runWebhookStep(seconds(2))).toEqual({ delivered: 1, failed: 0 });
    expect(arrivals).toHaveLength(1);
    const got = arrivals[0];
    expect(got.path).toBe("/marks");
    expect(got.headers["x-journal-event"]).toBe("mark.created");
    const timestamp = Number(got.headers["x-journal-timestamp"]);
    expect(timestamp).toBe(Math.floor(seconds(2).getTime() / 1000));
    expect(verifySignature(secret, timestamp, got.body, String(got.headers["x-journal-signature"]))).toBe(true);
    expect(verifySignature("whsec_wrong", timestamp, got.body, String(got.headers["x-journal-signature"]))).toBe(false);
    const body = JSON.parse(got.body) as { event: string; organisationId: number; data: Record<string, unknown> };
    expect(body).toMatchObject({
      event: "mark.created",
      organisationId: f.organisationId,
      data: { lessonId, assignmentId: a, studentId: student, mark: { kind: "GRADE", value: 5 }, version: 1 },
    });
    // Ids and the change — no names of the child or the teacher.
    const person = await db.student.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: student } },
    });
    expect(got.body).not.toContain(person.lastName);
    expect(await deliveriesOf(id)).toMatchObject([{ status: "DELIVERED", attempts: 1, responseCode: 200 }]);

    // A change is mark.changed; saving the same value again is no event at all.
    await saveMark(lessonId, a, student, "4", 1);
    await saveMark(lessonId, a, student, "4", 2);
    expect((await deliveriesOf(id)).map((d) => d.event)).toEqual(["mark.created", "mark.changed"]);
    // Not subscribed to attendance: an absence makes no delivery for this subscription.
    await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: f.students[1], input: "Н", version: 0 },
      NOW,
    );
    expect(await deliveriesOf(id)).toHaveLength(2);
    await runWebhookStep(seconds(3));
  });
});

describe("a failing receiver (REG-4)", () => {
  it("retries with growing delays, then the subscription is disabled after the configured failures", async () => {
    vi.stubEnv("WEBHOOK_DISABLE_AFTER", "3");
    answers.set("/broken", 500);
    const { id } = await subscribe("/broken", ["attendance.changed"]);
    const lessonId = f.lesson("2026-11-17");
    const r = await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: f.students[2], input: "Н", version: 0 },
      NOW,
    );
    expect(r.status).toBe(200);
    const attemptAt: Date[] = [];
    let clock = seconds(1);
    for (let attempt = 1; attempt <= 3; attempt++) {
      // Not yet due: nothing is sent.
      const before = arrivals.length;
      if (attempt > 1) {
        await runWebhookStep(new Date(clock.getTime() - 1000));
        expect(arrivals.length).toBe(before);
      }
      await runWebhookStep(clock);
      expect(arrivals.length).toBe(before + 1);
      attemptAt.push(clock);
      const [d] = await deliveriesOf(id);
      expect(d.attempts).toBe(attempt);
      expect(d.responseCode).toBe(500);
      if (attempt < 3) {
        expect(d.status).toBe("PENDING");
        clock = d.nextAttemptAt;
      }
    }
    // The waits grow: 30 s, then 60 s.
    expect((attemptAt[1].getTime() - attemptAt[0].getTime()) / 1000).toBe(30);
    expect((attemptAt[2].getTime() - attemptAt[1].getTime()) / 1000).toBe(60);
    const sub = await db.webhookSubscription.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id } },
    });
    expect(sub.active).toBe(false);
    expect(sub.disabledReason).toBe("Отключена после 3 неудачных попыток доставки подряд; последняя: ответ HTTP 500");
    expect(await deliveriesOf(id)).toMatchObject([{ status: "FAILED", error: "Подписка отключена" }]);
    // Disabled: a new change makes no delivery for it.
    await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: f.students[3], input: "Н", version: 0 },
      NOW,
    );
    expect(await deliveriesOf(id)).toHaveLength(1);
    // Turned on again by the administrator: counts from zero, new events are delivered again.
    await signInAs(f.organisationId, f.users.admin);
    expect((await toggleSubscriptionAction(null, formData({ subscriptionId: id, active: "1" }))).ok).toBe(true);
    answers.set("/broken", 204);
    await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: f.students[3], input: "", version: 1 },
      NOW,
    );
    expect(await runWebhookStep(seconds(5))).toMatchObject({ delivered: 1 });
  });

  it("stops retrying 24 hours after the event", async () => {
    answers.set("/down", 503);
    const { id } = await subscribe("/down", ["mark.deleted"]);
    vi.stubEnv("WEBHOOK_DISABLE_AFTER", "100");
    const lessonId = f.lesson("2026-11-16");
    const a = await addAssignment(f, lessonId);
    await saveMark(lessonId, a, f.students[0], "3", 0);
    await saveMark(lessonId, a, f.students[0], "", 1); // mark.deleted
    let clock = seconds(1);
    for (let i = 0; i < 40; i++) {
      await runWebhookStep(clock);
      const [d] = await deliveriesOf(id);
      if (d.status !== "PENDING") break;
      clock = d.nextAttemptAt;
    }
    const [d] = await deliveriesOf(id);
    expect(d.status).toBe("FAILED");
    expect(d.error).toBe("ответ HTTP 503; попытки прекращены через 24 ч");
    expect(d.lastAttemptAt!.getTime() - NOW.getTime()).toBeLessThanOrEqual(24 * 3600_000);
    expect(d.attempts).toBeGreaterThan(8);
  });
});

describe("who manages subscriptions, and where they may point (REG-4)", () => {
  it("refuses a teacher and writes nothing; refuses a bad address with a Russian message", async () => {
    const before = await db.webhookSubscription.count({ where: { organisationId: f.organisationId } });
    await signInAs(f.organisationId, f.users.teacher);
    const data = formData({ url: `${origin}/x` });
    data.append("events", "mark.created");
    expect(await createSubscriptionAction(null, data)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await deleteSubscriptionAction(null, formData({ subscriptionId: 1 }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    await signInAs(f.organisationId, f.users.admin);
    const bad = formData({ url: "ftp://example.org/hook" });
    bad.append("events", "mark.created");
    const refused = await createSubscriptionAction(null, bad);
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!refused.ok) expect(refused.message).toMatch(/https:\/\//);
    expect(await createSubscriptionAction(null, formData({ url: "https://example.org/hook" }))).toMatchObject({
      ok: false,
      message: "Выберите хотя бы одно событие",
    });
    const unknown = formData({ url: "https://example.org/hook" });
    unknown.append("events", "student.renamed");
    expect(await createSubscriptionAction(null, unknown)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.webhookSubscription.count({ where: { organisationId: f.organisationId } })).toBe(before);
  });

  it("never sends into the server's own network unless development allows it", async () => {
    expect(urlRefusal("https://127.0.0.1/hook", false)).toBe("Адрес во внутренней сети недоступен для подписки");
    expect(urlRefusal("https://10.1.2.3/hook", false)).not.toBeNull();
    expect(urlRefusal("https://[::1]/hook", false)).not.toBeNull();
    expect(urlRefusal("https://localhost/hook", false)).not.toBeNull();
    expect(urlRefusal("http://example.org/hook", false)).toBe("Адрес должен начинаться с https://");
    expect(urlRefusal("https://example.org/hook", false)).toBeNull();
    // A name is checked after it is resolved, in the connection's own lookup: localhost is refused.
    const looked = await new Promise<string | undefined>((resolve) =>
      guardedLookup("localhost", {}, (err) => resolve((err as NodeJS.ErrnoException | null)?.code)),
    );
    expect(looked).toBe("EWEBHOOKINTERNAL");
    // With private targets not allowed, nothing reaches a receiver on this machine.
    vi.stubEnv("WEBHOOKS_ALLOW_PRIVATE", "0");
    const before = arrivals.length;
    expect(await sendWebhook(`${origin}/x`, {}, "{}")).toEqual({ error: "Адрес должен начинаться с https://" });
    expect(await sendWebhook(origin.replace("http:", "https:") + "/x", {}, "{}")).toEqual({
      error: "Адрес во внутренней сети недоступен для подписки",
    });
    expect(arrivals.length).toBe(before);
    vi.stubEnv("WEBHOOKS_ALLOW_PRIVATE", "1");
  });
});
