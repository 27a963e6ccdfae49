// SCH-1: writes of bell schedules and rooms, each in one transaction with its audit row.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import type { BellDraft } from "./rules";

/** Creates the schedule or replaces the bells of the one with that name. */
export async function saveBellSchedule(
  organisationId: number,
  actorId: number,
  input: { name: string; isDefault: boolean; bells: BellDraft[] },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const schedule = await tx.bellSchedule.upsert({
      where: { organisationId_name: { organisationId, name: input.name } },
      create: { organisationId, name: input.name, isDefault: input.isDefault },
      update: input.isDefault ? { isDefault: true } : {},
      select: { id: true },
    });
    if (input.isDefault)
      await tx.bellSchedule.updateMany({
        where: { organisationId, id: { not: schedule.id } },
        data: { isDefault: false },
      });
    await tx.bell.deleteMany({ where: { organisationId, scheduleId: schedule.id } });
    await tx.bell.createMany({ data: input.bells.map((b) => ({ organisationId, scheduleId: schedule.id, ...b })) });
    await auditChange(tx, { organisationId, userId: actorId }, "bells.save", ["BellSchedule", schedule.id], {
      name: input.name,
      bells: input.bells.length,
    });
    return schedule.id;
  });
}

/** Assigns a bell schedule (e.g. of the second shift) to a class; false when either is not found. */
export async function assignBellSchedule(
  organisationId: number,
  actorId: number,
  classId: number,
  scheduleId: number,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const schedule = await tx.bellSchedule.findUnique({
      where: { organisationId_id: { organisationId, id: scheduleId } },
      select: { id: true },
    });
    const cls = await tx.classGroup.findUnique({
      where: { organisationId_id: { organisationId, id: classId } },
      select: { id: true },
    });
    if (!schedule || !cls) return false;
    await tx.classGroup.update({
      where: { organisationId_id: { organisationId, id: classId } },
      data: { bellScheduleId: scheduleId },
    });
    await auditChange(tx, { organisationId, userId: actorId }, "bells.assign", ["ClassGroup", classId], { scheduleId });
    return true;
  });
}

/** Creates a room or updates the one with that name. */
export async function saveRoom(
  organisationId: number,
  actorId: number,
  input: { name: string; capacity: number | null; building: string | null },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const room = await tx.room.upsert({
      where: { organisationId_name: { organisationId, name: input.name } },
      create: { organisationId, ...input },
      update: { capacity: input.capacity, building: input.building },
      select: { id: true },
    });
    await auditChange(tx, { organisationId, userId: actorId }, "rooms.save", ["Room", room.id], input);
    return room.id;
  });
}
