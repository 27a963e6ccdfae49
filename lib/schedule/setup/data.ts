// SCH-1: bell schedules, rooms and the classes' bell schedules. Bound to the organisation (ACL-5).
import { db } from "@/lib/db";
import { compareRuNumeric } from "@/lib/org/collation";

export async function setupView(organisationId: number) {
  const [schedules, rooms, classes] = await Promise.all([
    db.bellSchedule.findMany({
      where: { organisationId },
      select: {
        id: true,
        name: true,
        isDefault: true,
        bells: { select: { number: true, startTime: true, endTime: true }, orderBy: { number: "asc" } },
        _count: { select: { classes: true } },
      },
      orderBy: { id: "asc" },
    }),
    db.room.findMany({ where: { organisationId }, select: { id: true, name: true, capacity: true, building: true } }),
    db.classGroup.findMany({
      where: { organisationId, year: { isCurrent: true } },
      select: { id: true, name: true, bellScheduleId: true },
      orderBy: [{ grade: "asc" }, { name: "asc" }],
    }),
  ]);
  return { schedules, rooms: rooms.sort((a, b) => compareRuNumeric(a.name, b.name)), classes };
}

export type SetupView = Awaited<ReturnType<typeof setupView>>;
