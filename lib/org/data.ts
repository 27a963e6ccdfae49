// Organisation-level reads: the summary on the administration's home page.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";

export type OrgSummary = {
  students: number;
  classes: number;
  teachers: number;
  lessonsToday: number;
  yearName: string | null;
};

export async function orgSummary(organisationId: number, today: Date): Promise<OrgSummary> {
  const year = await db.academicYear.findFirst({
    where: { organisationId, isCurrent: true },
    select: { id: true, name: true },
  });
  const [students, classes, teachers, lessonsToday] = await Promise.all([
    db.classMembership.count({
      where: { organisationId, ...spanMeets(today) },
    }),
    year ? db.classGroup.count({ where: { organisationId, yearId: year.id } }) : 0,
    db.userRole.count({ where: { organisationId, role: "TEACHER", user: { isActive: true } } }),
    db.lesson.count({ where: { organisationId, date: today, status: "SCHEDULED" } }),
  ]);
  return { students, classes, teachers, lessonsToday, yearName: year?.name ?? null };
}

/** DAY-4: the organisation's study week (ORG-2 `studyDays`: 5 or 6). */
export async function studyDaysSetting(organisationId: number): Promise<number | null> {
  const s = await db.organisationSettings.findUnique({ where: { organisationId }, select: { studyDays: true } });
  return s?.studyDays ?? null;
}
