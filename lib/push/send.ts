// API-4: one way to send Web Push — `notify(organisationId, userIds, kind, payload)`. It never
// throws; each push has a timeout, errors are logged by status only (no personal data, no
// endpoint), and subscriptions the push service reports gone are dropped. Nothing in a request
// calls this file (issue 22 item 6, issue 19 item 6): commands enqueue a push job
// (lib/push/jobs.ts) and the report worker's loop delivers it through `deliverPush`.
//
// Kinds: "mark" (journal cell save), "homework" (a lesson's homework saved: notifyHomework), "final" (a final mark saved: notifyFinal),
// "message" (mail), "remark" (a journal remark to its teacher: a "users" push job with remarkPayload).
import { countDelivery } from "@/lib/ops/metrics";
import webpush from "web-push";
import { dropSubscriptions } from "./mutations";
import {
  familySubscriptions,
  lessonFamilySubscriptions,
  subjectName,
  subjectNameOfLesson,
  subscriptionsFor,
  type Subscription,
} from "./data";
import { finalPayload, homeworkPayload, markPayload, messagePayload, type PushKind, type PushPayload } from "./rules";
import { userName } from "@/lib/people/data";
import { vapidKeys } from "./vapid";
import type { PushEvent } from "./jobs";

/** Each push request gives up after this long. */
export const PUSH_TIMEOUT_MS = 5_000;
const TTL_SECONDS = 24 * 3600;

/** Encrypts (RFC 8291, aes128gcm) and signs (VAPID, RFC 8292) one push, and posts it. Returns the HTTP status. */
async function push(sub: Subscription, payload: PushPayload): Promise<number> {
  const { publicKey, privateKey, subject } = vapidKeys();
  const details = webpush.generateRequestDetails(
    { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: { subject, publicKey, privateKey },
      TTL: TTL_SECONDS,
      contentEncoding: "aes128gcm",
      urgency: "normal",
    },
  );
  const response = await fetch(details.endpoint, {
    method: details.method,
    headers: details.headers as Record<string, string>,
    body: details.body ? new Uint8Array(details.body) : undefined,
    signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
  });
  await response.body?.cancel();
  return response.status;
}

/** Posts to each subscription; drops the gone ones; resolves to the number delivered. */
async function deliver(organisationId: number, subs: readonly Subscription[], payload: PushPayload): Promise<number> {
  const results = await Promise.allSettled(subs.map((s) => push(s, payload)));
  const gone: number[] = [];
  let delivered = 0;
  results.forEach((r, i) => {
    if (r.status === "fulfilled" && r.value >= 200 && r.value < 300) delivered++;
    else if (r.status === "fulfilled" && (r.value === 404 || r.value === 410)) gone.push(subs[i].id);
    else
      console.warn(
        `[push] ${payload.kind} not delivered: ${r.status === "fulfilled" ? `HTTP ${r.value}` : r.reason instanceof Error ? r.reason.name : "error"}`,
      );
  });
  await dropSubscriptions(organisationId, gone);
  countDelivery("push", "sent", delivered);
  countDelivery("push", "gone", gone.length);
  countDelivery("push", "failed", subs.length - delivered - gone.length);
  return delivered;
}

function logFailure(kind: PushKind, error: unknown): number {
  console.warn(`[push] ${kind} failed: ${error instanceof Error ? error.name : "error"}`);
  return 0;
}

/** Sends `payload` to every device of `userIds` that opted into `kind`; resolves to the number delivered. Never rejects. */
export async function notify(
  organisationId: number,
  userIds: readonly number[],
  kind: PushKind,
  payload: Omit<PushPayload, "kind">,
): Promise<number> {
  try {
    const subs = await subscriptionsFor(organisationId, [...new Set(userIds)], kind);
    return subs.length ? await deliver(organisationId, subs, { ...payload, kind }) : 0;
  } catch (error) {
    return logFailure(kind, error);
  }
}

/** Sends to the devices of a student's family (the student and their parents) opted into `kind`. Never rejects. */
export async function notifyFamily(
  organisationId: number,
  studentId: number,
  kind: PushKind,
  payload: () => Promise<Omit<PushPayload, "kind">>,
): Promise<number> {
  try {
    // One query when nobody listens (the usual case): the save's cost stays flat.
    const subs = await familySubscriptions(organisationId, studentId, kind);
    return subs.length ? await deliver(organisationId, subs, { ...(await payload()), kind }) : 0;
  } catch (error) {
    return logFailure(kind, error);
  }
}

/** After a mark is saved (JRN-5): the student's family, if opted in. */
export function notifyMark(
  organisationId: number,
  lessonId: number,
  studentId: number,
  label: string,
): Promise<number> {
  return notifyFamily(organisationId, studentId, "mark", async () => {
    const { kind: _kind, ...p } = markPayload(
      (await subjectNameOfLesson(organisationId, lessonId)) ?? "Урок",
      label,
      studentId,
    );
    return p;
  });
}

/** After a lesson's homework is saved (JRN-2): the families of the lesson's students, each told about their child. Never rejects. */
export async function notifyHomework(organisationId: number, lessonId: number, text: string): Promise<number> {
  try {
    const subs = await lessonFamilySubscriptions(organisationId, lessonId, "homework");
    const byStudent = new Map<number, typeof subs>();
    for (const s of subs) byStudent.set(s.studentId, [...(byStudent.get(s.studentId) ?? []), s]);
    let delivered = 0;
    for (const [studentId, group] of byStudent) {
      delivered += await deliver(
        organisationId,
        group,
        homeworkPayload(group[0].subject, text, studentId, group[0].date),
      );
    }
    return delivered;
  } catch (error) {
    return logFailure("homework", error);
  }
}

/** After a final mark is saved (FIN-5: the family sees interim results at once). */
export function notifyFinal(
  organisationId: number,
  subjectId: number,
  studentId: number,
  label: string,
): Promise<number> {
  return notifyFamily(organisationId, studentId, "final", async () => {
    const { kind: _kind, ...p } = finalPayload(
      (await subjectName(organisationId, subjectId)) ?? "Предмет",
      label,
      studentId,
    );
    return p;
  });
}

/** After a message is sent (MSG-1): its recipients' opted-in devices. Never rejects. */
export async function notifyMessage(
  organisationId: number,
  senderId: number,
  messageId: number,
  recipientIds: readonly number[],
): Promise<number> {
  try {
    const subs = await subscriptionsFor(organisationId, [...new Set(recipientIds)], "message");
    if (!subs.length) return 0;
    const name = (await userName(organisationId, senderId)) ?? "пользователя";
    return await deliver(organisationId, subs, messagePayload(name, messageId));
  } catch (error) {
    return logFailure("message", error);
  }
}

/** The worker's side of a push job (lib/push/jobs.ts): resolves to the number delivered. Never rejects. */
export function deliverPush(organisationId: number, e: PushEvent): Promise<number> {
  switch (e.event) {
    case "mark":
      return notifyMark(organisationId, e.lessonId, e.studentId, e.label);
    case "homework":
      return notifyHomework(organisationId, e.lessonId, e.text);
    case "final":
      return notifyFinal(organisationId, e.subjectId, e.studentId, e.label);
    case "message":
      return notifyMessage(organisationId, e.senderId, e.messageId, e.recipientIds);
    case "users":
      return notify(organisationId, e.userIds, e.kind, e.payload);
    case "family":
      return notifyFamily(organisationId, e.studentId, e.kind, async () => e.payload);
  }
}
