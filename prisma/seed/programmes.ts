// PRG-1 in the demo school: the algebra programme for the 7th grade approved by the deputy before
// the year (the 7th-grade algebra КТП already in the demo are linked to it; a 7th-grade load without
// one shows as overdue), and the geometry programme for the 8th grade waiting for her decision.
import type { PrismaClient } from "../generated/prisma/client";

const ALGEBRA_7 = [
  "Повторение курса 6 класса; 4; Выполняет действия с рациональными числами",
  "Выражения, тождества, уравнения; 22; Решает линейные уравнения, преобразует выражения; Контрольная работа № 1, Контрольная работа № 2",
  "Функции; 12; Строит графики линейной функции; Контрольная работа № 3",
  "Степень с натуральным показателем; 14; Применяет свойства степени; Контрольная работа № 4",
  "Многочлены; 18; Выполняет действия с многочленами; Контрольная работа № 5, Контрольная работа № 6",
  "Формулы сокращённого умножения; 18; Применяет формулы сокращённого умножения; Контрольная работа № 7",
  "Системы линейных уравнений; 10; Решает системы двух уравнений; Контрольная работа № 8",
  "Итоговое повторение; 4; ; Итоговая контрольная работа",
];
const GEOMETRY_8 = [
  "Четырёхугольники; 14; Применяет свойства параллелограмма и трапеции; Контрольная работа № 1",
  "Площадь; 14; Вычисляет площади многоугольников; Контрольная работа № 2",
  "Подобные треугольники; 19; Применяет признаки подобия; Контрольная работа № 3, Контрольная работа № 4",
  "Окружность; 17; Решает задачи на вписанные и описанные окружности; Контрольная работа № 5",
  "Повторение; 4",
];

function sections(lines: string[]) {
  return lines.map((line, i) => {
    const [title, hours, outcomes = "", works = ""] = line.split(";").map((s) => s.trim());
    return {
      position: i + 1,
      title,
      hours: Number(hours),
      outcomes: outcomes || null,
      controlWorks: works ? works.split(",").map((w) => w.trim()) : [],
    };
  });
}

export async function seedProgrammes(db: PrismaClient): Promise<number> {
  const org = await db.organisation.findFirst({ where: { kind: "SCHOOL" }, select: { id: true } });
  if (!org) return 0;
  const organisationId = org.id;
  const year = await db.academicYear.findFirst({ where: { organisationId, isCurrent: true } });
  const deputy = await db.user.findFirst({ where: { organisationId, login: "zavuch" }, select: { id: true } });
  const teacher = await db.user.findFirst({ where: { organisationId, login: "teacher" }, select: { id: true } });
  const subject = (name: string) => db.subject.findFirst({ where: { organisationId, name }, select: { id: true } });
  const [algebra, geometry] = [await subject("Алгебра"), await subject("Геометрия")];
  if (!year || !deputy || !teacher || !algebra || !geometry) return 0;
  const day = 24 * 3600_000;
  const approved = await db.workProgramme.create({
    data: {
      organisationId,
      yearId: year.id,
      subjectId: algebra.id,
      grade: 7,
      title: "Рабочая программа по алгебре, 7 класс",
      status: "APPROVED",
      authorId: teacher.id,
      reviewerId: deputy.id,
      submittedAt: new Date(year.startDate.getTime() - 20 * day),
      approvedAt: new Date(year.startDate.getTime() - 14 * day),
    },
  });
  await db.programmeSection.createMany({
    data: sections(ALGEBRA_7).map((s) => ({ organisationId, programmeId: approved.id, ...s })),
  });
  await db.lessonPlan.updateMany({
    where: { organisationId, yearId: year.id, subjectId: algebra.id, grade: 7 },
    data: { programmeId: approved.id },
  });
  const waiting = await db.workProgramme.create({
    data: {
      organisationId,
      yearId: year.id,
      subjectId: geometry.id,
      grade: 8,
      title: "Рабочая программа по геометрии, 8 класс",
      status: "SUBMITTED",
      authorId: teacher.id,
      submittedAt: new Date(year.startDate.getTime() + 60 * day),
    },
  });
  await db.programmeSection.createMany({
    data: sections(GEOMETRY_8).map((s) => ({ organisationId, programmeId: waiting.id, ...s })),
  });
  return 2;
}
