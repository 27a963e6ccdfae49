// SCH-1: school-wide and class events («мероприятия»), shown in the schedule and the diary.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";

export type EventData = {
  title: string;
  description: string | null;
  place: string | null;
  classId: number | null;
  startsAt: Date;
  endsAt: Date | null;
};

export async function createEvent(organisationId: number, actorId: number, data: EventData): Promise<number | null> {
  return db.$transaction(async (tx) => {
    if (data.classId !== null) {
      const cls = await tx.classGroup.findUnique({
        where: { organisationId_id: { organisationId, id: data.classId } },
        select: { id: true },
      });
      if (!cls) return null;
    }
    const event = await tx.schoolEvent.create({
      data: { organisationId, createdById: actorId, ...data },
      select: { id: true },
    });
    await auditChange(tx, { organisationId, userId: actorId }, "event.create", ["SchoolEvent", event.id], {
      title: data.title,
      classId: data.classId,
    });
    return event.id;
  });
}
