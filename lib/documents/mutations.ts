// Writes of the documents store (LRN-3): a document with its first version, its card, a further
// version (numbered after the last, the old ones kept). Marking the journal's regulation unmarks
// any other, in the same transaction.
import { db, rawStatement } from "@/lib/db";
import type { Role } from "@/lib/access/roles";
import type { StoredUpload } from "@/lib/storage/upload";
import type { DocumentCategoryName } from "./rules";
import { col } from "@/lib/sql";
import { Prisma } from "@/prisma/generated/prisma/client";

export type DocumentCard = {
  title: string;
  category: DocumentCategoryName;
  number: string | null;
  date: Date | null;
  visibleTo: Role[];
  journalRegulation: boolean;
};

export async function createDocument(
  organisationId: number,
  userId: number,
  card: DocumentCard,
  file: StoredUpload,
  note: string | null,
  now: Date,
): Promise<number> {
  const { journalRegulation, ...fields } = card;
  return db.$transaction(async (tx) => {
    if (journalRegulation)
      await tx.document.updateMany({
        where: { organisationId, isJournalRegulation: true },
        data: { isJournalRegulation: false },
      });
    const doc = await tx.document.create({
      data: {
        organisationId,
        ...fields,
        isJournalRegulation: journalRegulation,
        createdById: userId,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    await tx.documentVersion.create({
      data: { organisationId, documentId: doc.id, version: 1, ...file, note, uploadedById: userId, createdAt: now },
    });
    return doc.id;
  });
}

export async function updateDocument(
  organisationId: number,
  id: number,
  card: DocumentCard,
  now: Date,
): Promise<boolean> {
  const { journalRegulation, ...fields } = card;
  return db.$transaction(async (tx) => {
    if (journalRegulation)
      await tx.document.updateMany({
        where: { organisationId, isJournalRegulation: true, id: { not: id } },
        data: { isJournalRegulation: false },
      });
    const r = await tx.document.updateMany({
      where: { organisationId, id },
      data: { ...fields, isJournalRegulation: journalRegulation, updatedAt: now },
    });
    return r.count === 1;
  });
}

/** Locks a document's row; it, or no row. */
export const DOCUMENT_LOCK = rawStatement(
  { id: col.int },
  (organisationId: number, documentId: number) => Prisma.sql`
      SELECT id FROM "Document" WHERE "organisationId" = ${organisationId} AND id = ${documentId} FOR UPDATE`,
);

/** A new version after the last one (the document row is locked so two uploads get two numbers). */
export async function addVersion(
  organisationId: number,
  documentId: number,
  userId: number,
  file: StoredUpload,
  note: string | null,
  now: Date,
): Promise<number | null> {
  return db.$transaction(async (tx) => {
    const locked = await DOCUMENT_LOCK.run(tx, organisationId, documentId);
    if (locked.length === 0) return null;
    const last = await tx.documentVersion.aggregate({ where: { organisationId, documentId }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    await tx.documentVersion.create({
      data: { organisationId, documentId, version, ...file, note, uploadedById: userId, createdAt: now },
    });
    await tx.document.update({
      where: { organisationId_id: { organisationId, id: documentId } },
      data: { updatedAt: now },
    });
    return version;
  });
}
