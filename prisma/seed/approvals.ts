// PRG-3 in the demo: every year's seeded timetable was submitted by the scheduler and approved by
// the director a week before the year began, so the demo keeps the lessons generated from it. The
// approved snapshot is the baseline of «changes after approval» (none in the fresh demo).
import type { PrismaClient } from "../generated/prisma/client";
import { yearSnapshot } from "../../lib/schedule/approval/data";

export async function seedTimetableApprovals(db: PrismaClient): Promise<number> {
  const years = await db.academicYear.findMany({ select: { organisationId: true, id: true, startDate: true } });
  let made = 0;
  for (const y of years) {
    const snapshot = await yearSnapshot(y.organisationId, y.id, db);
    if (!snapshot.length) continue;
    const byRole = async (role: "SCHEDULER" | "DIRECTOR" | "ADMIN") =>
      (await db.userRole.findFirst({ where: { organisationId: y.organisationId, role }, select: { userId: true } }))
        ?.userId ?? null;
    const submitter = (await byRole("SCHEDULER")) ?? (await byRole("ADMIN"));
    const director = (await byRole("DIRECTOR")) ?? (await byRole("ADMIN"));
    const day = 24 * 3600_000;
    await db.timetableVersion.create({
      data: {
        organisationId: y.organisationId,
        yearId: y.id,
        number: 1,
        status: "APPROVED",
        snapshot,
        classIds: [...new Set(snapshot.map((e) => e.classId))],
        note: "Расписание на учебный год",
        submittedById: submitter,
        submittedAt: new Date(y.startDate.getTime() - 10 * day),
        decidedById: director,
        decidedAt: new Date(y.startDate.getTime() - 7 * day),
      },
    });
    made++;
  }
  return made;
}
