// Writes of learning materials (LRN-2): a material (its file already stored), its removal, and
// attaching it to / detaching it from a lesson or a КТП topic (idempotent).
import { db } from "@/lib/db";
import type { StoredUpload } from "@/lib/storage/upload";

export type NewMaterial = {
  title: string;
  description: string | null;
  subjectId: number;
  grade: number | null;
  classId: number | null;
  topic: string | null;
  kind: "FILE" | "LINK";
  url: string | null;
  file: StoredUpload | null;
};

export async function createMaterial(
  organisationId: number,
  authorId: number,
  m: NewMaterial,
  now: Date,
): Promise<number> {
  const { file, ...fields } = m;
  const row = await db.material.create({
    data: { organisationId, authorId, ...fields, ...(file ?? {}), createdAt: now, updatedAt: now },
    select: { id: true },
  });
  return row.id;
}

/** Removes a material with its attachments to lessons and topics; returns its stored file to delete. */
export async function deleteMaterial(
  organisationId: number,
  id: number,
): Promise<{ storageKey: string | null } | null> {
  return db.$transaction(async (tx) => {
    const m = await tx.material.findUnique({
      where: { organisationId_id: { organisationId, id } },
      select: { storageKey: true },
    });
    if (!m) return null;
    await tx.lessonMaterial.deleteMany({ where: { organisationId, materialId: id } });
    await tx.planTopicMaterial.deleteMany({ where: { organisationId, materialId: id } });
    await tx.material.delete({ where: { organisationId_id: { organisationId, id } } });
    return m;
  });
}

export async function setLessonMaterial(organisationId: number, lessonId: number, materialId: number, on: boolean) {
  if (on)
    await db.lessonMaterial.createMany({ data: [{ organisationId, lessonId, materialId }], skipDuplicates: true });
  else await db.lessonMaterial.deleteMany({ where: { organisationId, lessonId, materialId } });
}

export async function setTopicMaterial(organisationId: number, planTopicId: number, materialId: number, on: boolean) {
  if (on)
    await db.planTopicMaterial.createMany({
      data: [{ organisationId, planTopicId, materialId }],
      skipDuplicates: true,
    });
  else await db.planTopicMaterial.deleteMany({ where: { organisationId, planTopicId, materialId } });
}
