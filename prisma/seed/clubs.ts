// PRG-2 in the demo school: the robotics club led by the demo teacher, with the demo student and
// pupils of 7А and 7Б, meeting on Wednesdays after the lessons (15:10–15:55, the last bell ends at
// 14:55), its КТП, and the sessions already held this year with their attendance (no marks: the
// organisation's default is «clubs are not marked»).
import type { PrismaClient } from "../generated/prisma/client";

const PLAN = [
  "Техника безопасности. Знакомство с конструктором",
  "Моторы и датчики",
  "Первая модель: тележка",
  "Датчик касания",
  "Датчик цвета: движение по линии",
  "Соревнование «Кегельринг»; 2",
  "Проект: робот-помощник; 3",
  "Защита проектов",
];

const WEDNESDAY = 3;
const DAY = 86_400_000;

export async function seedClubs(db: PrismaClient, today: Date): Promise<number> {
  const org = await db.organisation.findFirst({ where: { kind: "SCHOOL" }, select: { id: true } });
  if (!org) return 0;
  const organisationId = org.id;
  const year = await db.academicYear.findFirst({ where: { organisationId, isCurrent: true } });
  const teacher = await db.user.findFirst({ where: { organisationId, login: "teacher" }, select: { id: true } });
  if (!year || !teacher) return 0;
  const pupils = async (name: string, take: number) =>
    (
      await db.classMembership.findMany({
        where: { organisationId, endDate: null, class: { yearId: year.id, name } },
        select: { studentId: true, student: { select: { userId: true } } },
        orderBy: { studentId: "asc" },
      })
    )
      .sort((a, b) => Number(b.student.userId !== null) - Number(a.student.userId !== null))
      .slice(0, take)
      .map((m) => m.studentId);
  const demoStudent = await db.student.findFirst({
    where: { organisationId, user: { login: "student" } },
    select: { id: true },
  });
  const members = [
    ...new Set([...(demoStudent ? [demoStudent.id] : []), ...(await pupils("7А", 4)), ...(await pupils("7Б", 4))]),
  ];
  const room = await db.room.findFirst({
    where: { organisationId, name: "Кабинет информатики № 2" },
    select: { id: true },
  });
  const club = await db.club.create({
    data: {
      organisationId,
      yearId: year.id,
      name: "Робототехника",
      leaderId: teacher.id,
      description: "Конструирование и программирование роботов, 7 классы",
    },
  });
  await db.clubMember.createMany({
    data: members.map((studentId) => ({ organisationId, clubId: club.id, studentId })),
  });
  await db.clubSlot.create({
    data: {
      organisationId,
      clubId: club.id,
      weekday: WEDNESDAY,
      startMinute: 15 * 60 + 10,
      endMinute: 15 * 60 + 55,
      roomId: room?.id ?? null,
      validFrom: year.startDate,
      validTo: year.endDate,
    },
  });
  await db.clubPlanItem.createMany({
    data: PLAN.map((line, i) => {
      const [topic, hours] = line.split(";").map((s) => s.trim());
      return { organisationId, clubId: club.id, position: i + 1, topic: topic!, hours: hours ? Number(hours) : 1 };
    }),
  });
  // The last three Wednesdays before today inside the year: held, with an absence or two.
  const held: Date[] = [];
  for (let d = new Date(today.getTime() - DAY); d >= year.startDate && held.length < 3; d = new Date(d.getTime() - DAY))
    if (d.getUTCDay() === WEDNESDAY && d <= year.endDate) held.unshift(d);
  for (const [i, date] of held.entries()) {
    const session = await db.clubSession.create({
      data: { organisationId, clubId: club.id, date, topic: PLAN[i]!.split(";")[0]!, updatedById: teacher.id },
    });
    const absent = members.filter((id) => id !== demoStudent?.id).slice(i, i + (i === 1 ? 2 : 1));
    await db.clubAttendance.createMany({
      data: absent.map((studentId, n) => ({
        organisationId,
        sessionId: session.id,
        studentId,
        code: n === 0 ? ("N" as const) : ("B" as const),
      })),
    });
  }
  return 1;
}
