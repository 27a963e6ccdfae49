// /api/v1 schemas of announcements and mail (API-1, MSG-1, MSG-3).
import { z } from "zod";
import { composeSchema } from "@/lib/messages/schema";
import { id, isoInstant, pageInfo, personRef } from "../schema";

export const announcementsSchema = z.object({
  items: z.array(
    z.object({
      id,
      title: z.string(),
      body: z.string(),
      startsAt: isoInstant,
      authorName: z.string(),
      className: z.string().nullable(),
    }),
  ),
  ...pageInfo,
});

export const inboxSchema = z.object({
  items: z.array(
    z.object({
      id,
      subject: z.string(),
      senderName: z.string(),
      createdAt: isoInstant,
      readAt: isoInstant.nullable(),
      attachments: z.int().min(0),
    }),
  ),
  ...pageInfo,
});

export const sentSchema = z.object({
  items: z.array(
    z.object({
      id,
      subject: z.string(),
      recipientNames: z.array(z.string()),
      recipients: z.int(),
      read: z.int(),
      createdAt: isoInstant,
    }),
  ),
  ...pageInfo,
});

export const messageSchema = z.object({
  id,
  threadKey: id,
  subject: z.string(),
  body: z.string(),
  createdAt: isoInstant,
  sender: personRef,
  recipients: z.array(z.object({ id, name: z.string(), readAt: isoInstant.nullable() })),
  attachments: z.array(z.object({ id, fileName: z.string(), size: z.int().min(0) })),
});

/** The JSON body of «send a message»: the compose form's own schema, all lists optional. */
export const sendSchema = composeSchema.extend({
  personIds: composeSchema.shape.personIds.default([]),
  roles: composeSchema.shape.roles.default([]),
  classIds: composeSchema.shape.classIds.default([]),
  replyToId: composeSchema.shape.replyToId.default(null),
});

export const sentResultSchema = z.object({ messageId: id });
