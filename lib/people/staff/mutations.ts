// Staff card writes (PPL-1, staff.manage), audited without the values.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";

export async function updateStaff(
  organisationId: number,
  userId: number,
  staffId: number,
  data: Record<string, unknown>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.staff.updateMany({ where: { organisationId, id: staffId }, data });
    if (updated.count === 0) return false;
    await auditChange(tx, { organisationId, userId }, "staff.updated", ["Staff", staffId], {
      fields: Object.keys(data),
    });
    return true;
  });
}

export async function recordStaffView(organisationId: number, userId: number, staffId: number): Promise<void> {
  await auditChange(db, { organisationId, userId }, "people.card.viewed", ["Staff", staffId], { level: "full" });
}
