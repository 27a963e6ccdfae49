// Writes of portfolios (LRN-5): a student's achievement (file already stored), its confirmation or
// rejection (only while it waits), its removal; a teacher's portfolio entry and its removal.
import { db } from "@/lib/db";
import type { StoredUpload } from "@/lib/storage/upload";
import type { AchievementKindName, AchievementLevelName, AchievementStatusName, StaffKindName } from "./rules";

export type NewAchievement = {
  studentId: number;
  kind: AchievementKindName;
  level: AchievementLevelName;
  title: string;
  result: string | null;
  subject: string | null;
  date: Date;
};

export async function createAchievement(
  organisationId: number,
  userId: number,
  a: NewAchievement,
  status: AchievementStatusName,
  file: StoredUpload | null,
  now: Date,
): Promise<number> {
  const row = await db.achievement.create({
    data: {
      organisationId,
      ...a,
      ...(file ?? {}),
      status,
      addedById: userId,
      createdAt: now,
      ...(status === "CONFIRMED" ? { confirmedById: userId, confirmedAt: now } : {}),
    },
    select: { id: true },
  });
  return row.id;
}

/** Confirms or rejects an entry that is waiting; false when it no longer waits. */
export async function decideAchievement(
  organisationId: number,
  id: number,
  userId: number,
  decision: "CONFIRMED" | "REJECTED",
  reason: string | null,
  now: Date,
): Promise<boolean> {
  const r = await db.achievement.updateMany({
    where: { organisationId, id, status: "PENDING" },
    data: {
      status: decision,
      confirmedById: userId,
      confirmedAt: now,
      rejectReason: decision === "REJECTED" ? reason : null,
    },
  });
  return r.count === 1;
}

export async function deleteAchievement(organisationId: number, id: number): Promise<boolean> {
  return (await db.achievement.deleteMany({ where: { organisationId, id } })).count === 1;
}

export type NewStaffAchievement = {
  userId: number;
  kind: StaffKindName;
  title: string;
  issuer: string | null;
  date: Date;
  hours: number | null;
  documentNumber: string | null;
};

export async function createStaffAchievement(
  organisationId: number,
  createdById: number,
  a: NewStaffAchievement,
  file: StoredUpload | null,
  now: Date,
): Promise<number> {
  const row = await db.staffAchievement.create({
    data: { organisationId, ...a, ...(file ?? {}), createdById, createdAt: now },
    select: { id: true },
  });
  return row.id;
}

export async function deleteStaffAchievement(organisationId: number, id: number): Promise<boolean> {
  return (await db.staffAchievement.deleteMany({ where: { organisationId, id } })).count === 1;
}
