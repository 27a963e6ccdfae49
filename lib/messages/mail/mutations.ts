// Mail writes (MSG-1): a message with its recipients and attachments in one transaction;
// read receipts. Callers have checked the recipient rule and the files.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";

export type NewAttachment = { fileName: string; mimeType: string; size: number; sha256: string; storageKey: string };

export type NewMessage = {
  organisationId: number;
  senderId: number;
  subject: string;
  body: string;
  replyToId: number | null;
  threadId: number | null;
  recipientIds: readonly number[];
  attachments: readonly NewAttachment[];
  now: Date;
};

/** Stores the message, one recipient row per user and the attachment rows; audits ids only (no content). */
export async function createMessage(input: NewMessage): Promise<number> {
  const { organisationId, senderId } = input;
  return db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: {
        organisationId,
        senderId,
        subject: input.subject,
        body: input.body,
        replyToId: input.replyToId,
        threadId: input.threadId,
        createdAt: input.now,
      },
      select: { id: true },
    });
    await tx.messageRecipient.createMany({
      data: [...new Set(input.recipientIds)].map((userId) => ({ organisationId, messageId: message.id, userId })),
    });
    if (input.attachments.length > 0) {
      await tx.attachment.createMany({
        data: input.attachments.map((a) => ({
          organisationId,
          messageId: message.id,
          uploadedById: senderId,
          createdAt: input.now,
          ...a,
        })),
      });
    }
    await auditChange(tx, { organisationId, userId: senderId }, "message.send", ["Message", message.id], {
      recipients: input.recipientIds.length,
      attachments: input.attachments.length,
    });
    return message.id;
  });
}

/** Marks the message read for this recipient (first read only: the receipt keeps the first time). */
export async function markRead(organisationId: number, messageId: number, userId: number, now: Date): Promise<void> {
  await db.messageRecipient.updateMany({
    where: { organisationId, messageId, userId, readAt: null },
    data: { readAt: now },
  });
}
