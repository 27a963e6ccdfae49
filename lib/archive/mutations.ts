// Writes of the year archive (ARC-1): the set's row and its audit entry commit together.
import { db, rawStatement } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { auditChange } from "@/lib/audit/mutations";
import type { StoredManifest } from "./data";
import { isExpired, RETENTION_KINDS, type RetentionKind } from "./rules";
import { col } from "@/lib/sql";

export async function saveArchiveSet(
  organisationId: number,
  yearId: number,
  createdById: number | null,
  stored: StoredManifest,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const row = await tx.archiveSet.create({
      data: {
        organisationId,
        yearId,
        createdById,
        manifest: stored as unknown as Prisma.InputJsonValue,
        storagePrefix: `${organisationId}/archive`,
      },
      select: { id: true, createdAt: true },
    });
    // REC-5: the register — one row per document with its digest and retention, kept after destruction.
    await tx.archiveDocument.createMany({
      data: stored.manifest.files.map((f) => ({
        organisationId,
        setId: row.id,
        yearId,
        classId: f.classId,
        name: f.name,
        kind: f.kind,
        storageKey: f.storageKey,
        sha256: f.sha256,
        size: f.size,
        createdAt: row.createdAt,
        retentionYears: f.retentionYears ?? null,
        retentionEnd: f.retentionEnd ? new Date(`${f.retentionEnd}T00:00:00.000Z`) : null,
      })),
    });
    await auditChange(tx, { organisationId, userId: createdById }, "archive.build", ["ArchiveSet", row.id], {
      yearId,
      files: stored.manifest.files.length,
      manifestSha256: stored.manifestFile.sha256,
    });
    return row.id;
  });
}

/** The organisation's retention periods per document kind (REC-5), audited; applies to sets built afterwards. */
export async function saveRetention(
  organisationId: number,
  userId: number,
  years: Record<RetentionKind, number>,
): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const kind of RETENTION_KINDS)
      await tx.archiveRetention.upsert({
        where: { organisationId_kind: { organisationId, kind } },
        create: { organisationId, kind, years: years[kind] },
        update: { years: years[kind] },
      });
    await auditChange(tx, { organisationId, userId }, "archive.retention", ["ArchiveRetention"], { ...years });
  });
}

/** Serialises the numbering of the organisation's acts of destruction. */
const ACT_LOCK_NAMESPACE = 7_405;

export type ActFile = { storageKey: string; sha256: string; size: number };

/** Locks the archive register's documents; their storage, retention end and destruction. */
export const ARCHIVE_DOCUMENTS_LOCK = rawStatement(
  { id: col.int, storageKey: col.text, retentionEnd: col.date.nullable(), destroyedAt: col.date.nullable() },
  (organisationId: number, documentIds: number[]) => Prisma.sql`
      SELECT id, "storageKey", "retentionEnd", "destroyedAt" FROM "ArchiveDocument"
       WHERE "organisationId" = ${organisationId} AND id = ANY(${documentIds}::int[]) FOR UPDATE`,
);

/**
 * Records an act of destruction (REC-5) in one transaction: the act's number must still be the next
 * one and every document must still be kept and past its retention on `today` (read with a row lock);
 * the documents are marked destroyed by the act, and the act is audited. The files are removed by the
 * caller after the commit.
 */
export async function recordDisposal(
  organisationId: number,
  userId: number,
  act: { number: number; actDate: Date; basis: string | null; file: ActFile; documentIds: number[] },
  today: Date,
  now: Date,
): Promise<{ ok: true; actId: number; storageKeys: string[] } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACT_LOCK_NAMESPACE}::int4, ${organisationId}::int4)`;
    const last = await tx.archiveDisposalAct.findFirst({
      where: { organisationId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    if ((last?.number ?? 0) + 1 !== act.number)
      return { ok: false as const, message: "Одновременно утверждён другой акт: сформируйте акт заново" };
    const locked = await ARCHIVE_DOCUMENTS_LOCK.run(tx, organisationId, act.documentIds);
    if (locked.length !== act.documentIds.length)
      return { ok: false as const, message: "Документ не найден в реестре" };
    if (locked.some((d) => d.destroyedAt !== null || !isExpired(d.retentionEnd, today)))
      return { ok: false as const, message: "Документ уже уничтожен или срок его хранения не истёк" };
    const created = await tx.archiveDisposalAct.create({
      data: {
        organisationId,
        number: act.number,
        actDate: act.actDate,
        basis: act.basis,
        confirmedById: userId,
        createdAt: now,
        storageKey: act.file.storageKey,
        sha256: act.file.sha256,
        size: act.file.size,
      },
      select: { id: true },
    });
    await tx.archiveDocument.updateMany({
      where: { organisationId, id: { in: act.documentIds } },
      data: { destroyedAt: now, disposalActId: created.id },
    });
    await auditChange(tx, { organisationId, userId }, "archive.dispose", ["ArchiveDisposalAct", created.id], {
      number: act.number,
      documents: act.documentIds.length,
      actSha256: act.file.sha256,
    });
    return { ok: true as const, actId: created.id, storageKeys: locked.map((d) => d.storageKey) };
  });
}
