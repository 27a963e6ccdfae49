// Sending a message (MSG-1): files checked, recipients expanded and checked against the rule
// over facts from the database, then one transaction. Anything refused stores nothing — not
// even the uploaded files. Called by the server action (and by the integration tests with an
// actor of their own); the caller has passed the mail.use gate.
import { fail, ok, type ActionResult } from "@/lib/errors";
import { todayIn } from "@/lib/org/time";
import { checkFile, MAX_FILES_PER_ITEM } from "@/lib/storage/rules";
import { deleteFile, putFile } from "@/lib/storage/files";
import { checkRecipients } from "../rules";
import type { ComposeInput } from "../schema";
import { messageForViewer } from "../mailbox/data";
import { userName } from "@/lib/people/data";
import { emailsOf, recipientFacts, senderFacts, usersOfClasses, usersWithRoles } from "./data";
import { createMessage, type NewAttachment } from "./mutations";
import { newMessageLetter, sendLetters, smtpConfigured } from "../notify/smtp";
import { enqueuePush } from "@/lib/push/mutations";

export type MailActor = { organisationId: number; id: number; timeZone: string };

/** Runs a task after the response: actions and routes pass next/server `after`. */
export type Scheduler = (task: () => Promise<unknown>) => void;

/**
 * E-mail copies go out only from the messages' commands (issue 19 item 6): after the response
 * through the caller's scheduler, or — with none (a test, a script) — awaited here, never as a
 * detached promise nobody waits for. sendLetters never rejects; a failure is logged there.
 */
export async function sendLettersLater(schedule: Scheduler | undefined, task: () => Promise<unknown>): Promise<void> {
  if (schedule) schedule(task);
  else await task().catch(() => undefined);
}

type CheckedFile = { file: File; fileName: string; mimeType: string };

function checkFiles(files: readonly File[]): { ok: true; files: CheckedFile[] } | { ok: false; message: string } {
  if (files.length > MAX_FILES_PER_ITEM)
    return { ok: false, message: `Можно приложить не больше ${MAX_FILES_PER_ITEM} файлов` };
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const c = checkFile(file.name, file.type, file.size);
    if (!c.ok) return { ok: false, message: c.message };
    checked.push({ file, fileName: c.fileName, mimeType: c.mimeType });
  }
  return { ok: true, files: checked };
}

export async function sendMessage(
  actor: MailActor,
  input: ComposeInput,
  files: readonly File[],
  opts: { now?: Date; schedule?: Scheduler } = {},
): Promise<ActionResult<{ messageId: number }>> {
  const now = opts.now ?? new Date();
  const { organisationId } = actor;

  const checked = checkFiles(files);
  if (!checked.ok) return fail("INVALID_INPUT", checked.message, { files: [checked.message] });

  const sender = await senderFacts(organisationId, actor.id, todayIn(actor.timeZone, now));
  if (!sender) return fail("UNAUTHENTICATED");

  let threadId: number | null = null;
  let replyToSenderId: number | null = null;
  if (input.replyToId !== null) {
    // Replying needs the viewer to be a party of the original (an id alone proves nothing).
    const original = await messageForViewer(organisationId, input.replyToId, actor.id);
    if (!original) return fail("NOT_FOUND", "Исходное сообщение не найдено");
    threadId = original.threadKey;
    if (original.senderId !== actor.id) replyToSenderId = original.senderId;
  }

  const today = todayIn(actor.timeZone, now);
  const [byRole, byClass] = await Promise.all([
    usersWithRoles(organisationId, input.roles),
    usersOfClasses(organisationId, input.classIds, today),
  ]);
  // Group recipients never include the sender; a person chosen by id is checked as chosen.
  const requested = [...new Set([...input.personIds, ...[...byRole, ...byClass].filter((id) => id !== actor.id)])];
  if (requested.length === 0) {
    const message =
      input.roles.length + input.classIds.length > 0 ? "В выбранных группах нет получателей" : "Выберите получателей";
    return fail("INVALID_INPUT", message, { recipients: [message] });
  }
  const check = checkRecipients(sender, requested, await recipientFacts(organisationId, requested), replyToSenderId);
  if (!check.ok) return fail("FORBIDDEN", "Нет доступа: писать этим получателям вы не можете");

  const stored: NewAttachment[] = [];
  try {
    for (const f of checked.files) {
      const bytes = new Uint8Array(await f.file.arrayBuffer());
      const put = await putFile(organisationId, "message", bytes);
      stored.push({
        fileName: f.fileName,
        mimeType: f.mimeType,
        size: put.size,
        sha256: put.sha256,
        storageKey: put.storageKey,
      });
    }
    const messageId = await createMessage({
      organisationId,
      senderId: actor.id,
      subject: input.subject,
      body: input.body,
      replyToId: input.replyToId,
      threadId,
      recipientIds: requested,
      attachments: stored,
      now,
    });
    if (smtpConfigured()) await sendLettersLater(opts.schedule, () => notifyNewMessage(actor, messageId, requested));
    // API-4: Web Push to the recipients' opted-in devices — a push job for the worker (lib/push/jobs.ts).
    await enqueuePush(organisationId, actor.id, {
      event: "message",
      senderId: actor.id,
      messageId,
      recipientIds: requested,
    });
    return ok({ messageId });
  } catch (error) {
    await Promise.all(stored.map((s) => deleteFile(s.storageKey).catch(() => undefined)));
    throw error;
  }
}

/** E-mail copies (only the sender's name and a link) to the recipients that have an address. */
export async function notifyNewMessage(
  actor: MailActor,
  messageId: number,
  recipientIds: readonly number[],
): Promise<number> {
  const [name, emails] = await Promise.all([
    userName(actor.organisationId, actor.id),
    emailsOf(actor.organisationId, recipientIds),
  ]);
  return sendLetters(emails, newMessageLetter(name ?? "пользователя", messageId));
}
