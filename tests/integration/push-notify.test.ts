// Web Push (API-4) end to end against a local push endpoint: a browser-side key pair (ECDH P-256
// + auth secret) subscribes for the parent; a new mark makes the server POST a push whose VAPID
// JWT verifies against the server's public key (jose) and whose body decrypts (RFC 8291,
// aes128gcm — decrypted here with node:crypto) to the expected payload. Gone subscriptions are
// dropped, and a dead endpoint never fails the save. The pushes are delivered by the report worker's
// loop from push jobs (lib/push/jobs.ts): each test runs the worker (drain) where the server would.
import { createECDH, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importJWK, jwtVerify } from "jose";
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import { saveFinal } from "@/lib/finals/commands";
import { fileRemark } from "@/lib/control/remarks/commands";
import { saveSubscription } from "@/lib/push/mutations";
import { notify, notifyHomework } from "@/lib/push/send";
import { writeHomework } from "@/lib/journal/lesson/mutations";
import { vapidKeys } from "@/lib/push/vapid";
import type { PushKind } from "@/lib/push/rules";
import { runJobStep } from "@/lib/reports/jobs/worker";
import { addAssignment, addUser, createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";
import { addParentLogin, startPushEndpoint, type PushEndpoint } from "../support/push-fixture";

let f: JournalFixture;
let parentUser = 0;
let push: PushEndpoint;
let origin = "";
const nextPush = (pathName: string) => push.next(pathName);

/** The worker's loop until the queue is empty (the server runs it every 2 s). */
async function drain(): Promise<void> {
  while ((await runJobStep()) !== null);
}

const b64u = (b: Buffer) => b.toString("base64url");
const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** RFC 8291 / RFC 8188 decryption of a one-record aes128gcm body, as a browser does it. */
function decrypt(body: Buffer, ua: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLen = body[20];
  const asPublic = body.subarray(21, 21 + idLen);
  const ciphertext = body.subarray(21 + idLen);
  const shared = ua.computeSecret(asPublic);
  const prkKey = hmac(authSecret, shared);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), ua.getPublicKey(), asPublic, Buffer.from([1])]);
  const ikm = hmac(prkKey, keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "binary")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "binary")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2); // the last record's delimiter
  return padded.subarray(0, end).toString("utf8");
}

function browserKeys() {
  const ua = createECDH("prime256v1");
  ua.generateKeys();
  const auth = randomBytes(16);
  return { ua, auth, p256dh: b64u(ua.getPublicKey()), authB64: b64u(auth) };
}

/** Registers `keys`' browser as `userId`'s device at `endpoint` for pushes of one kind (API-4). */
const subscribe = (userId: number, endpoint: string, kind: PushKind, keys: ReturnType<typeof browserKeys>) =>
  saveSubscription(f.organisationId, userId, { endpoint, p256dh: keys.p256dh, auth: keys.authB64, kinds: [kind] });

/** The teacher marks the parent's child on a new assignment of the lesson of `iso` (the push's cause). */
async function markFirstStudent(iso: string, input: string) {
  const lessonId = f.lesson(iso);
  const assignmentId = await addAssignment(f, lessonId);
  const cell = { kind: "mark" as const, lessonId, assignmentId, studentId: f.students[0], input, version: 0 };
  return saveCell(f.actor(f.users.teacher), cell, NOW);
}

beforeAll(async () => {
  process.env.VAPID_FILE = path.join(await mkdtemp(path.join(tmpdir(), "ej-vapid-")), "vapid.json");
  f = await createJournalFixture({ students: 3 });
  parentUser = await addParentLogin(f.organisationId, f.students[0], { login: "mama", lastName: "Мама" });
  push = await startPushEndpoint();
  origin = push.origin;
});

afterAll(async () => {
  await push.close();
});

describe("Web Push on a new mark (API-4)", () => {
  it("sends the parent's device a VAPID-signed, aes128gcm-encrypted push that decrypts to the mark", async () => {
    const keys = browserKeys();
    await subscribe(parentUser, `${origin}/push/mama`, "mark", keys);
    const arrived = nextPush("/push/mama");
    const saved = await markFirstStudent("2026-11-18", "5");
    expect(saved.status).toBe(200);
    await drain();
    const push = await arrived;

    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    const m = /^vapid t=([^,]+),\s*k=(.+)$/.exec(String(push.headers.authorization));
    expect(m).not.toBeNull();
    const [, jwt, k] = m!;
    const server = vapidKeys();
    expect(k).toBe(server.publicKey);
    const raw = Buffer.from(k, "base64url");
    const key = await importJWK(
      { kty: "EC", crv: "P-256", x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33, 65)) },
      "ES256",
    );
    const { payload, protectedHeader } = await jwtVerify(jwt, key, { audience: origin });
    expect(protectedHeader.alg).toBe("ES256");
    expect(payload.sub).toBe(server.subject);
    expect(payload.exp! * 1000).toBeGreaterThan(Date.now());

    const message = JSON.parse(decrypt(push.body, keys.ua, keys.auth));
    expect(message).toEqual({
      kind: "mark",
      title: "Новая отметка",
      body: "Алгебра: 5",
      url: `/diary/${f.students[0]}`,
    });
  });

  it("sends nothing to a device that did not opt into marks, or for another family's child", async () => {
    const keys = browserKeys();
    await subscribe(parentUser, `${origin}/push/mama`, "message", keys);
    expect(await notify(f.organisationId, [parentUser], "mark", { title: "x", body: "y", url: "/" })).toBe(0);
    await subscribe(parentUser, `${origin}/push/mama`, "mark", keys);
    expect(await notify(f.organisationId, [f.users.teacher], "mark", { title: "x", body: "y", url: "/" })).toBe(0);
  });

  it("drops a subscription the push service reports gone (410)", async () => {
    const keys = browserKeys();
    push.statusOf.set("/push/old", 410);
    await subscribe(parentUser, `${origin}/push/old`, "homework", keys);
    expect(
      await notify(f.organisationId, [parentUser], "homework", {
        title: "Домашнее задание",
        body: "Алгебра",
        url: "/",
      }),
    ).toBe(0);
    expect(
      await db.pushSubscription.count({ where: { organisationId: f.organisationId, endpoint: `${origin}/push/old` } }),
    ).toBe(0);
  });

  it("never fails the save when the push endpoint is dead", async () => {
    const keys = browserKeys();
    await db.pushSubscription.deleteMany({ where: { organisationId: f.organisationId } });
    await subscribe(parentUser, "http://127.0.0.1:9/push/dead", "mark", keys);
    expect(await notify(f.organisationId, [parentUser], "mark", { title: "x", body: "y", url: "/" })).toBe(0);
    const saved = await markFirstStudent("2026-11-19", "4");
    expect(saved.status).toBe(200);
    // The worker survives the dead endpoint too, and the job is gone.
    await drain();
    expect(await db.reportJob.count({ where: { organisationId: f.organisationId } })).toBe(0);
  });

  it("tells the family about a final mark at once (FIN-5) and a teacher about a remark (CTL-2)", async () => {
    const keys = browserKeys();
    await db.pushSubscription.deleteMany({ where: { organisationId: f.organisationId } });
    await subscribe(parentUser, `${origin}/push/final`, "final", keys);
    const arrived = nextPush("/push/final");
    const input = {
      classId: f.classId,
      subjectId: f.subjectId,
      studentId: f.students[0],
      kind: "PERIOD",
      periodId: f.q1,
      text: "4",
      version: 0,
    };
    expect(await saveFinal(f.actor(f.users.teacher), input, NOW)).toMatchObject({ ok: true });
    await drain();
    expect(JSON.parse(decrypt((await arrived).body, keys.ua, keys.auth))).toMatchObject({
      kind: "final",
      body: "Алгебра: 4",
      url: `/diary/${f.students[0]}/marks`,
    });

    const teacherKeys = browserKeys();
    await subscribe(f.users.teacher, `${origin}/push/remark`, "remark", teacherKeys);
    const remark = nextPush("/push/remark");
    const deputy = await addUser(f, "zam", "DEPUTY", "Зам");
    const filed = await fileRemark(f.actor(deputy), ["all"], {
      teacherId: f.users.teacher,
      classId: f.classId,
      text: "Нет темы урока",
    });
    expect(filed).toMatchObject({ ok: true });
    await drain();
    expect(JSON.parse(decrypt((await remark).body, teacherKeys.ua, teacherKeys.auth))).toMatchObject({
      kind: "remark",
    });
  });

  it("tells the families of the lesson's class about new homework, once per text, and no other class (API-4)", async () => {
    const keys = browserKeys();
    await db.pushSubscription.deleteMany({ where: { organisationId: f.organisationId } });
    await subscribe(parentUser, `${origin}/push/hw`, "homework", keys);
    const lessonId = f.lesson("2026-11-24");
    const who = {
      organisationId: f.organisationId,
      userId: f.users.teacher,
      now: NOW,
      lessonId,
      dueDate: null,
      files: [],
      removeFileIds: [],
      push: true,
    };
    const arrived = nextPush("/push/hw");
    expect(
      await writeHomework({ ...who, version: 0, text: "№ 245, 246; повторить формулы сокращённого умножения" }),
    ).toBe("ok");
    await drain();
    expect(JSON.parse(decrypt((await arrived).body, keys.ua, keys.auth))).toEqual({
      kind: "homework",
      title: "Домашнее задание",
      body: "Алгебра: № 245, 246; повторить формулы сокращённого умножения",
      url: `/diary/${f.students[0]}?week=2026-11-24`,
    });
    // The same text saved again (a file added or removed): no second push.
    expect(
      await writeHomework({ ...who, version: 1, text: "№ 245, 246; повторить формулы сокращённого умножения" }),
    ).toBe("ok");
    expect(await db.reportJob.count({ where: { organisationId: f.organisationId } })).toBe(0);
    await drain();
    expect(push.hits.get("/push/hw")).toBe(1);
    // A lesson of another class (the first grade) reaches no one in this family.
    expect(await notifyHomework(f.organisationId, f.firstLesson, "Прописи")).toBe(0);
    expect(await notifyHomework(f.organisationId, lessonId, "Ещё")).toBe(1);
  });
});
