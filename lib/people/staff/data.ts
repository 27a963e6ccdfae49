// Staff list reads: «краткие сведения» о сотрудниках (staff.brief).
import { db } from "@/lib/db";
import { compareRu } from "@/lib/org/collation";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

export type StaffBrief = {
  id: number;
  fullName: string;
  position: string | null;
  phone: string | null;
  email: string | null;
};

export async function staffBrief(organisationId: number): Promise<StaffBrief[]> {
  const rows = await db.staff.findMany({
    where: { organisationId, firedAt: null },
    select: { id: true, ...NAME_FIELDS, position: true, phone: true, email: true },
  });
  return rows
    .map((r) => ({
      id: r.id,
      fullName: fullName(r),
      position: r.position,
      phone: r.phone,
      email: r.email,
    }))
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}

export type StaffCard = {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  position: string | null;
  phone: string | null;
  email: string | null;
  birthDate?: Date | null;
  sex?: string | null;
  education?: string | null;
  category?: string | null;
  snils?: string | null;
  inn?: string | null;
  hiredAt?: Date | null;
  firedAt?: Date | null;
};

/** A staff card: «краткие сведения» unless `full` (staff.manage). */
export async function staffCard(organisationId: number, staffId: number, full: boolean): Promise<StaffCard | null> {
  return db.staff.findUnique({
    where: { organisationId_id: { organisationId, id: staffId } },
    select: {
      id: true,
      ...NAME_FIELDS,
      position: true,
      phone: true,
      email: true,
      ...(full
        ? {
            birthDate: true,
            sex: true,
            education: true,
            category: true,
            snils: true,
            inn: true,
            hiredAt: true,
            firedAt: true,
          }
        : {}),
    },
  });
}
