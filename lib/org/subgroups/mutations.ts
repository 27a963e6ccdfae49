// Setting the members of a subgroup (ORG-4, «набирать учеников в подгруппы»): only students of
// the subgroup's class on the day may be members; the whole set is replaced in one transaction.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import type { StoredScopeCheck } from "@/lib/access/stored";
import { auditChange } from "@/lib/audit/mutations";

export async function setSubgroupMembers(
  organisationId: number,
  userId: number,
  subgroupId: number,
  studentIds: readonly number[],
  today: Date,
  inScope?: StoredScopeCheck,
): Promise<{ ok: true; count: number } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    const sg = await tx.subgroup.findUnique({
      where: { organisationId_id: { organisationId, id: subgroupId } },
      select: { classId: true, class: { select: { year: { select: { status: true } } } } },
    });
    if (!sg) return { ok: false as const, message: "Подгруппа не найдена" };
    await inScope?.(tx, { kind: "class", classId: sg.classId }); // SEC-2: as stored, inside the write
    if (sg.class.year.status === "CLOSED")
      return { ok: false as const, message: "Учебный год закрыт: изменения невозможны" };
    const inClass = await tx.classMembership.findMany({
      where: {
        organisationId,
        classId: sg.classId,
        studentId: { in: [...studentIds] },
        ...spanMeets(today),
      },
      select: { studentId: true },
    });
    const allowed = new Set(inClass.map((m) => m.studentId));
    if (studentIds.some((id) => !allowed.has(id)))
      return { ok: false as const, message: "В подгруппу можно включить только учеников этого класса" };
    await tx.subgroupMember.deleteMany({ where: { organisationId, subgroupId } });
    await tx.subgroupMember.createMany({
      data: [...allowed].map((studentId) => ({ organisationId, subgroupId, studentId })),
    });
    await auditChange(tx, { organisationId, userId }, "org.subgroup_members", ["Subgroup", subgroupId], {
      count: allowed.size,
    });
    return { ok: true as const, count: allowed.size };
  });
}
