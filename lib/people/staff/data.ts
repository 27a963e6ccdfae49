// Staff list reads: «краткие сведения» о сотрудниках (staff.brief).
import { db } from "@/lib/db";

export type StaffBrief = { id: number; fullName: string; position: string | null; phone: string | null; email: string | null };

export async function staffBrief(organisationId: number): Promise<StaffBrief[]> {
  const rows = await db.staff.findMany({
    where: { organisationId, firedAt: null },
    select: { id: true, lastName: true, firstName: true, middleName: true, position: true, phone: true, email: true },
  });
  return rows
    .map((r) => ({ id: r.id, fullName: [r.lastName, r.firstName, r.middleName].filter(Boolean).join(" "), position: r.position, phone: r.phone, email: r.email }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, "ru"));
}
