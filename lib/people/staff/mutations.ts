// Staff card writes (PPL-1, staff.manage), audited without the values.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";

export async function updateStaff(
  organisationId: number,
  userId: number,
  staffId: number,
  data: Record<string, unknown>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.staff.updateMany({ where: { organisationId, id: staffId }, data });
    if (updated.count === 0) return false;
    await recordAudit(tx, {
      organisationId,
      userId,
      action: "staff.updated",
      entity: "Staff",
      entityId: String(staffId),
      details: { fields: Object.keys(data) },
    });
    return true;
  });
}

export async function recordStaffView(organisationId: number, userId: number, staffId: number): Promise<void> {
  await recordAudit(db, {
    organisationId,
    userId,
    action: "people.card.viewed",
    entity: "Staff",
    entityId: String(staffId),
    details: { level: "full" },
  });
}
