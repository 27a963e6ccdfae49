// Writes of the year archive (ARC-1): the set's row and its audit entry commit together.
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import type { StoredManifest } from "./data";

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
      select: { id: true },
    });
    await recordAudit(tx, {
      organisationId,
      userId: createdById,
      action: "archive.build",
      entity: "ArchiveSet",
      entityId: String(row.id),
      details: { yearId, files: stored.manifest.files.length, manifestSha256: stored.manifestFile.sha256 },
    });
    return row.id;
  });
}
