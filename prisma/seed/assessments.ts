// PRG-4 in the demo: the demo class (7А) has its algebra КТП (control works every eighth lesson —
// more than 10 % of the hours, a warning) and a Russian-language КТП whose dictation falls on the
// day of an algebra control work in the current period (a second warning); the deputy has published
// the period's schedule, so the demo parent sees it in the diary («График контрольных»).
import type { PrismaClient } from "../generated/prisma/client";
import { assessmentsOfStream, publishedItems, type PlanStream } from "../../lib/assessments/rules";

const RUSSIAN = "Русский язык";

export async function seedAssessments(db: PrismaClient, today: Date): Promise<number> {
  const org = await db.organisation.findFirst({ where: { kind: "SCHOOL" }, select: { id: true } });
  if (!org) return 0;
  const organisationId = org.id;
  const algebraPlan = await db.lessonPlan.findFirst({
    where: { organisationId, status: "APPROVED", classId: { not: null }, year: { isCurrent: true } },
    include: { topics: { orderBy: { position: "asc" } }, class: true, subject: true, year: true },
  });
  const deputy = await db.user.findFirst({ where: { organisationId, login: "zavuch" }, select: { id: true } });
  const russian = await db.subject.findFirst({ where: { organisationId, name: RUSSIAN }, select: { id: true } });
  if (!algebraPlan?.class || !deputy || !russian) return 0;
  const cls = algebraPlan.class;
  const periods = await db.period.findMany({
    where: { organisationId, yearId: cls.yearId, kind: cls.periodKind },
    orderBy: { number: "asc" },
  });
  const period =
    periods.find((p) => p.startDate <= today && p.endDate >= today) ??
    [...periods].reverse().find((p) => p.endDate < today) ??
    periods[0];
  if (!period) return 0;
  const streamOf = async (subjectId: number, teacherId: number | null) =>
    db.lesson.findMany({
      where: {
        organisationId,
        classId: cls.id,
        subjectId,
        ...(teacherId ? { teacherId } : {}),
        date: { gte: algebraPlan.year.startDate, lte: algebraPlan.year.endDate },
      },
      orderBy: [{ date: "asc" }, { bellNumber: "asc" }, { id: "asc" }],
      select: { id: true, date: true, hours: true, status: true, teacherId: true },
    });
  const asStream = (l: Awaited<ReturnType<typeof streamOf>>) =>
    l.map((x) => ({ id: x.id, date: x.date, hours: Number(x.hours), cancelled: x.status === "CANCELLED" }));
  const algebraLessons = await streamOf(algebraPlan.subjectId, algebraPlan.teacherId);
  const algebra: PlanStream = {
    planId: algebraPlan.id,
    subjectId: algebraPlan.subjectId,
    subjectName: algebraPlan.subject.name,
    teacherName: "",
    topics: algebraPlan.topics.map((t) => ({ ...t, hours: Number(t.hours) })),
    lessons: asStream(algebraLessons),
  };
  const inPeriod = (d: Date | null): d is Date => !!d && d >= period.startDate && d <= period.endDate;
  const algebraDates = new Set(
    assessmentsOfStream(algebra)
      .map((i) => i.date)
      .filter(inPeriod)
      .map((d) => d.getTime()),
  );
  const russianLessons = await streamOf(russian.id, null);
  const teacherId = russianLessons[0]?.teacherId;
  if (!teacherId) return 0;
  const ownLessons = russianLessons.filter((l) => l.teacherId === teacherId);
  // The dictation's lesson: the first Russian lesson on an algebra control work's day in the period.
  const clash = ownLessons.findIndex((l) => l.status !== "CANCELLED" && algebraDates.has(l.date.getTime()));
  if (clash < 0) return 0;
  let dictation = 0;
  const topics = ownLessons.map((l, i) => {
    // One dictation every 16 lessons (within 10 %), one of them on the algebra control work's day.
    const control = i === clash || (i % 16 === 15 && Math.abs(i - clash) > 4);
    return {
      organisationId,
      position: i + 1,
      title: control ? `Контрольный диктант № ${++dictation}` : `Русский язык: урок ${i + 1}`,
      hours: Number(l.hours),
      lessonType: control ? "урок контроля знаний" : "комбинированный урок",
      controlKind: control ? "Диктант" : null,
    };
  });
  const plan = await db.lessonPlan.create({
    data: {
      organisationId,
      yearId: cls.yearId,
      teacherId,
      subjectId: russian.id,
      classId: cls.id,
      grade: cls.grade,
      title: `КТП: ${RUSSIAN}, ${cls.name}`,
      status: "APPROVED",
      reviewerId: deputy.id,
      submittedAt: algebraPlan.submittedAt,
      reviewedAt: algebraPlan.reviewedAt,
    },
  });
  const created = await db.planTopic.createManyAndReturn({
    data: topics.map((t) => ({ ...t, planId: plan.id })),
    select: { id: true, position: true, title: true, hours: true, controlKind: true },
  });
  const russianStream: PlanStream = {
    planId: plan.id,
    subjectId: russian.id,
    subjectName: RUSSIAN,
    teacherName: "",
    topics: created.map((t) => ({ ...t, hours: Number(t.hours) })),
    lessons: asStream(ownLessons),
  };
  const items = [...assessmentsOfStream(algebra), ...assessmentsOfStream(russianStream)].filter((i) =>
    inPeriod(i.date),
  );
  await db.assessmentPublication.create({
    data: {
      organisationId,
      classId: cls.id,
      periodId: period.id,
      version: 1,
      items: publishedItems(items),
      publishedById: deputy.id,
      publishedAt: new Date(Math.max(period.startDate.getTime(), today.getTime() - 7 * 86_400_000)),
    },
  });
  return items.length;
}
