// Mailbox reads (MSG-1): inbox, sent, one message, its conversation, attachments, unread
// count. Every read is bound to the organisation and to the viewer being the sender or a
// recipient of the message (never an id alone).
import { db, rawStatement } from "@/lib/db";
import { col } from "@/lib/sql";
import { Prisma } from "@/prisma/generated/prisma/client";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import { compareRu } from "@/lib/org/collation";
import { unreadCountSql } from "@/lib/auth/data";

const MAILBOX_SIZE = 200;

/** Messages the viewer may see: sent by them or addressed to them (and not deleted by them). */
const visibleTo = (viewerId: number) => ({
  OR: [{ senderId: viewerId }, { recipients: { some: { userId: viewerId, deletedAt: null } } }],
});

export type InboxItem = {
  id: number;
  subject: string;
  senderName: string;
  createdAt: Date;
  readAt: Date | null;
  attachments: number;
};

export async function inboxOf(organisationId: number, userId: number): Promise<InboxItem[]> {
  const rows = await db.messageRecipient.findMany({
    where: { organisationId, userId, deletedAt: null },
    orderBy: { message: { createdAt: "desc" } },
    take: MAILBOX_SIZE,
    select: {
      readAt: true,
      message: {
        select: {
          id: true,
          subject: true,
          createdAt: true,
          sender: { select: NAME_FIELDS },
          _count: { select: { attachments: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.message.id,
    subject: r.message.subject,
    senderName: fullName(r.message.sender),
    createdAt: r.message.createdAt,
    readAt: r.readAt,
    attachments: r.message._count.attachments,
  }));
}

export type SentItem = {
  id: number;
  subject: string;
  recipientNames: string[];
  recipients: number;
  read: number;
  createdAt: Date;
};

export async function sentBy(organisationId: number, userId: number): Promise<SentItem[]> {
  const rows = await db.message.findMany({
    where: { organisationId, senderId: userId },
    orderBy: { createdAt: "desc" },
    take: MAILBOX_SIZE,
    select: {
      id: true,
      subject: true,
      createdAt: true,
      recipients: { select: { readAt: true, user: { select: NAME_FIELDS } } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    subject: m.subject,
    createdAt: m.createdAt,
    recipientNames: m.recipients.map((r) => fullName(r.user)).sort(compareRu),
    recipients: m.recipients.length,
    read: m.recipients.filter((r) => r.readAt !== null).length,
  }));
}

/**
 * The viewer's unread messages — the header's «Почта» badge on every page: a raw statement on the pg
 * path (issue 22 round 13), an index range read of (organisationId, userId, readAt).
 */
export const UNREAD_COUNT = rawStatement(
  { n: col.int },
  (organisationId: number, userId: number) => Prisma.sql`SELECT (${unreadCountSql(organisationId, userId)}) AS n`,
);

export async function unreadCountOf(organisationId: number, userId: number): Promise<number> {
  const [row] = await UNREAD_COUNT.run(db, organisationId, userId);
  return row.n;
}

export type MessageView = {
  id: number;
  threadKey: number;
  subject: string;
  body: string;
  createdAt: Date;
  senderId: number;
  senderName: string;
  /** Read receipts: each recipient's read time (the sender sees all; a recipient sees the list too). */
  recipients: { userId: number; name: string; readAt: Date | null }[];
  attachments: { id: number; fileName: string; size: number }[];
};

const messageSelect = {
  id: true,
  threadId: true,
  subject: true,
  body: true,
  createdAt: true,
  senderId: true,
  sender: { select: NAME_FIELDS },
  recipients: {
    select: { userId: true, readAt: true, user: { select: NAME_FIELDS } },
  },
  attachments: { select: { id: true, fileName: true, size: true }, orderBy: { id: "asc" as const } },
} as const;

type MessageRow = {
  id: number;
  threadId: number | null;
  subject: string;
  body: string;
  createdAt: Date;
  senderId: number;
  sender: { lastName: string; firstName: string; middleName: string | null };
  recipients: {
    userId: number;
    readAt: Date | null;
    user: { lastName: string; firstName: string; middleName: string | null };
  }[];
  attachments: { id: number; fileName: string; size: number }[];
};

function toView(m: MessageRow): MessageView {
  return {
    id: m.id,
    threadKey: m.threadId ?? m.id,
    subject: m.subject,
    body: m.body,
    createdAt: m.createdAt,
    senderId: m.senderId,
    senderName: fullName(m.sender),
    recipients: m.recipients
      .map((r) => ({ userId: r.userId, name: fullName(r.user), readAt: r.readAt }))
      .sort((a, b) => compareRu(a.name, b.name)),
    attachments: m.attachments,
  };
}

/** One message, only when the viewer is its sender or one of its recipients; else null. */
export async function messageForViewer(
  organisationId: number,
  messageId: number,
  viewerId: number,
): Promise<MessageView | null> {
  const m = await db.message.findFirst({
    where: { organisationId, id: messageId, ...visibleTo(viewerId) },
    select: messageSelect,
  });
  return m ? toView(m) : null;
}

/** The conversation of a thread as the viewer may see it (only messages they sent or received), oldest first. */
export async function threadForViewer(
  organisationId: number,
  threadKey: number,
  viewerId: number,
): Promise<MessageView[]> {
  const rows = await db.message.findMany({
    where: { organisationId, OR: [{ id: threadKey }, { threadId: threadKey }], AND: [visibleTo(viewerId)] },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: messageSelect,
  });
  return rows.map(toView);
}

export type StoredAttachment = { fileName: string; mimeType: string; storageKey: string };

/** An attachment of a message the viewer sent or received; null otherwise. */
export async function attachmentForViewer(
  organisationId: number,
  attachmentId: number,
  viewerId: number,
): Promise<StoredAttachment | null> {
  return db.attachment.findFirst({
    where: { organisationId, id: attachmentId, message: { is: visibleTo(viewerId) } },
    select: { fileName: true, mimeType: true, storageKey: true },
  });
}
