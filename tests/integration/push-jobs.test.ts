// Pushes leave the request path (issue 22 item 6, issue 19 item 6, API-4): a mark save queues ONE
// push job in the save's own statement — only when the mark is written and the family has a device
// opted into marks — and the report worker's loop delivers it. A refused, unchanged or removing save
// queues nothing. Push jobs share the report queue but are nobody's reports. Only the push service
// (a local HTTP endpoint) stands in for what is outside the product.
import { createECDH, randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import { PUSH_JOB } from "@/lib/push/jobs";
import { saveSubscription } from "@/lib/push/mutations";
import { insertJob } from "@/lib/reports/jobs/mutations";
import { ownJobs, pendingJobCount } from "@/lib/reports/jobs/data";
import { runJobStep } from "@/lib/reports/jobs/worker";
import { addAssignment, createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";
import { addParentLogin, startPushEndpoint, type PushEndpoint } from "../support/push-fixture";

let f: JournalFixture;
let parentUser = 0;
let push: PushEndpoint;
let origin = "";
const received = () => push.received;

const pushJobs = () => db.reportJob.findMany({ where: { organisationId: f.organisationId, report: PUSH_JOB } });
const changes = () => db.journalChange.count({ where: { organisationId: f.organisationId } });
const mark = (lessonId: number, assignmentId: number, studentId: number, input: string, version: number) => ({
  kind: "mark",
  lessonId,
  assignmentId,
  studentId,
  input,
  version,
});

async function subscribe(kinds: ("mark" | "message")[]): Promise<void> {
  const ua = createECDH("prime256v1");
  ua.generateKeys();
  await saveSubscription(f.organisationId, parentUser, {
    endpoint: `${origin}/push/parent`,
    p256dh: ua.getPublicKey().toString("base64url"),
    auth: randomBytes(16).toString("base64url"),
    kinds,
  });
}

beforeAll(async () => {
  process.env.VAPID_FILE = path.join(await mkdtemp(path.join(tmpdir(), "ej-vapid-")), "vapid.json");
  f = await createJournalFixture({ students: 3 });
  parentUser = await addParentLogin(f.organisationId, f.students[0], { login: "papa", lastName: "Папа" });
  push = await startPushEndpoint();
  origin = push.origin;
});

afterAll(async () => {
  await push.close();
});

beforeEach(async () => {
  await db.reportJob.deleteMany({ where: { organisationId: f.organisationId } });
  await db.pushSubscription.deleteMany({ where: { organisationId: f.organisationId } });
  push.received.length = 0;
});

describe("the mark save's push goes through the job queue (API-4, issue 22 item 6)", () => {
  it("a written mark queues one push job; the worker delivers it and removes the job", async () => {
    await subscribe(["mark"]);
    const lessonId = f.lesson("2026-11-18");
    const a = await addAssignment(f, lessonId);
    const saved = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "5", 0), NOW);
    expect(saved.status).toBe(200);

    const jobs = await pushJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: "QUEUED", userId: f.users.teacher, format: "mark" });
    expect(jobs[0].params).toEqual({ event: "mark", lessonId, studentId: f.students[0], label: "5" });

    // A changed mark of an existing cell (the one-statement update) queues its own job.
    const changed = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "4", 1), NOW);
    expect(changed.status).toBe(200);
    expect((await pushJobs()).map((j) => (j.params as { label: string }).label)).toEqual(["5", "4"]);

    expect(await runJobStep(() => NOW)).toBe(jobs[0].id);
    expect(await runJobStep(() => NOW)).not.toBeNull();
    expect(await runJobStep(() => NOW)).toBeNull();
    expect(received()).toEqual(["/push/parent", "/push/parent"]);
    expect(await pushJobs()).toEqual([]);
  });

  it("fast entry into a lesson without an assignment queues the push too", async () => {
    await subscribe(["mark"]);
    const lessonId = f.lesson("2026-11-17");
    const saved = await saveCell(
      f.actor(f.users.teacher),
      {
        kind: "mark",
        lessonId,
        assignmentId: null,
        typeId: f.types.answer,
        studentId: f.students[0],
        input: "3",
        version: 0,
      },
      NOW,
    );
    expect(saved.status).toBe(200);
    expect((await pushJobs()).map((j) => j.params)).toEqual([
      { event: "mark", lessonId, studentId: f.students[0], label: "3" },
    ]);
  });

  it("a refused save writes nothing and queues nothing: stale version, locked date, another teacher, bad input", async () => {
    await subscribe(["mark"]);
    const lessonId = f.lesson("2026-11-19");
    const a = await addAssignment(f, lessonId);
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "4", 0), NOW)).status).toBe(200);
    await db.reportJob.deleteMany({ where: { organisationId: f.organisationId } });
    const before = await changes();

    // NFR-3: the cell has version 1 now; a save of version 0 is a conflict.
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "2", 0), NOW)).status).toBe(409);
    // JRN-6: a date past the 7-day edit window.
    const old = f.lesson("2026-11-10");
    const oldA = await addAssignment(f, old);
    expect((await saveCell(f.actor(f.users.teacher), mark(old, oldA, f.students[0], "5", 0), NOW)).body).toMatchObject({
      ok: false,
      code: "LOCKED",
    });
    // ACL: a teacher without this class × subject.
    expect((await saveCell(f.actor(f.users.other), mark(lessonId, a, f.students[0], "5", 1), NOW)).status).toBe(403);
    // Off the scale.
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "7", 1), NOW)).status).toBe(400);

    expect(await changes()).toBe(before);
    expect(await pushJobs()).toEqual([]);
    expect(await db.mark.findFirst({ where: { organisationId: f.organisationId, assignmentId: a } })).toMatchObject({
      value: 4,
      version: 1,
    });
  });

  it("an unchanged save or a removed mark queues nothing; nor does a save nobody in the family listens to", async () => {
    await subscribe(["mark"]);
    const lessonId = f.lesson("2026-11-16");
    const a = await addAssignment(f, lessonId);
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "4", 0), NOW)).status).toBe(200);
    await db.reportJob.deleteMany({ where: { organisationId: f.organisationId } });
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "4", 1), NOW)).status).toBe(200);
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "", 1), NOW)).status).toBe(200);
    expect(await pushJobs()).toEqual([]);

    // Another family's child (no subscription), and this family's device opted out of marks.
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[1], "5", 0), NOW)).status).toBe(200);
    await subscribe(["message"]);
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "5", 0), NOW)).status).toBe(200);
    expect(await pushJobs()).toEqual([]);
  });
});

describe("push jobs on the report queue", () => {
  it("are claimed before reports and are nobody's reports: not listed, not counted against the limit", async () => {
    const report = await insertJob(f.organisationId, f.users.teacher, "journal", "pdf", { classId: "1" });
    await subscribe(["mark"]);
    const lessonId = f.lesson("2026-11-13");
    const a = await addAssignment(f, lessonId);
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "5", 0), NOW)).status).toBe(200);
    const [push] = await pushJobs();

    expect((await ownJobs(f.organisationId, f.users.teacher)).map((j) => j.id)).toEqual([report]);
    expect(await pendingJobCount(f.organisationId, f.users.teacher)).toBe(1);
    expect(await runJobStep(() => NOW)).toBe(push.id);
    expect(received()).toEqual(["/push/parent"]);
  });

  it("a push job whose event does not parse fails without sending anything", async () => {
    const job = await db.reportJob.create({
      data: {
        organisationId: f.organisationId,
        userId: f.users.teacher,
        report: PUSH_JOB,
        format: "mark",
        params: { event: "mark", lessonId: "x" },
      },
    });
    expect(await runJobStep(() => NOW)).toBe(job.id);
    expect(await db.reportJob.findFirst({ where: { organisationId: f.organisationId, id: job.id } })).toMatchObject({
      status: "FAILED",
    });
    expect(received()).toEqual([]);
  });
});
