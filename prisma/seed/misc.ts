// Everything around the journal: the demo teacher's approved КТП (PLAN-1…PLAN-3), the
// board (MSG-3), school events (SCH-1), mail between the demo parent and teacher (MSG-1),
// the deputy's remark (CTL-2), an unlock request (JRN-6) and the college session (SCH-5).
import type { PrismaClient } from "../generated/prisma/client";
import type { Calendar } from "./calendar";
import { addDays, at, day, diffDays, ru, weekdayOnOrBefore } from "./dates";
import { controlOf, topicOf, type LessonSpec, type PlanBinding } from "./lessons";
import type { OrgPlan, SubjectDef } from "./plan";
import type { Rng } from "./random";
import { homeworkText } from "./topics";

export interface PlanArgs {
  organisationId: number;
  yearId: number;
  teacherId: number;
  reviewerId: number;
  classId: number;
  className: string;
  grade: number;
  subject: SubjectDef;
  subjectId: number;
  perWeek: number;
  startYear: number;
}

export async function insertPlan(db: PrismaClient, plan: OrgPlan, a: PlanArgs, rng: Rng): Promise<PlanBinding> {
  const lp = await db.lessonPlan.create({
    data: {
      organisationId: a.organisationId,
      yearId: a.yearId,
      teacherId: a.teacherId,
      subjectId: a.subjectId,
      classId: a.classId,
      grade: a.grade,
      title: `КТП: ${a.subject.name}, ${a.className}`,
      status: "APPROVED",
      reviewerId: a.reviewerId,
      reviewComment: "Согласовано. Количество часов соответствует учебному плану.",
      submittedAt: at(day(a.startYear, 8, 25), 10, 15),
      reviewedAt: at(day(a.startYear, 8, 29), 11, 40),
      createdAt: at(day(a.startYear, 8, 20), 9, 0),
    },
  });
  const total = a.perWeek * plan.weeks;
  let lastTitle = "";
  const rows = Array.from({ length: total }, (_, i) => {
    const title = topicOf(plan, a.subject, a.grade, a.perWeek, i, false);
    const control = controlOf(a.subject, i);
    const first = !title.includes(":") && !control;
    const kes = `${1 + Math.floor((i * 6) / total)}.${1 + (i % 4)}`;
    const row = {
      organisationId: a.organisationId,
      planId: lp.id,
      position: i + 1,
      title,
      hours: 1,
      kesCodes: kes,
      lessonType: control
        ? "урок контроля знаний"
        : first
          ? "урок открытия нового знания"
          : title === lastTitle
            ? "комбинированный урок"
            : "урок закрепления",
      controlKind: control ?? null,
      homework: control ? null : homeworkText(a.subject.homework, i, rng),
    };
    lastTitle = title;
    return row;
  });
  const topics = await db.planTopic.createManyAndReturn({
    data: rows,
    select: { id: true, position: true, title: true, homework: true },
  });
  topics.sort((x, y) => x.position - y.position);
  return { classId: a.classId, subjectId: a.subjectId, topics };
}

export interface MiscArgs {
  organisationId: number;
  college: boolean;
  cal: Calendar;
  today: Date;
  users: Map<string, number>;
  classIds: Map<string, number>;
  demoTeacherLogin: string;
  demoClass: string;
  noTopicLesson?: LessonSpec;
  lessons?: LessonSpec[];
  /** names for texts */
  teacherName: string;
  parentName?: string;
  childName?: string;
  exams?: Array<{ className: string; subjectId: number; examinerId: number; roomId: number }>;
}

export async function insertMisc(db: PrismaClient, a: MiscArgs): Promise<void> {
  const organisationId = a.organisationId;
  const u = (login: string): number => a.users.get(login)!;
  const t = a.today;
  const classId = a.classIds.get(a.demoClass)!;
  const board = a.college
    ? [
        {
          authorId: u("zavuch"),
          title: "График промежуточной аттестации",
          body: "Опубликован график экзаменов и зачётов текущего семестра. Студентам, имеющим задолженности, необходимо ликвидировать их до начала сессии.",
          audience: "ALL" as const,
          startsAt: at(addDays(t, -4), 9),
        },
        {
          authorId: u(a.demoTeacherLogin),
          title: `Консультация для группы ${a.demoClass}`,
          body: "Консультация по ОП.04 перед экзаменом — в лаборатории программирования после третьей пары.",
          audience: "CLASS" as const,
          classId,
          startsAt: at(addDays(t, -1), 12),
        },
        {
          authorId: u("zavotd"),
          title: "Совещание кураторов",
          body: "Кураторам групп отделения: совещание по итогам посещаемости в четверг в 14:00.",
          audience: "ROLE" as const,
          role: "TEACHER" as const,
          startsAt: at(addDays(t, -2), 10),
        },
      ]
    : [
        {
          authorId: u("zavuch"),
          title: "Родительские собрания",
          body: `Уважаемые родители! Родительские собрания по итогам четверти пройдут ${ru(addDays(t, 4))} в 18:00 в кабинетах классных руководителей.`,
          audience: "ALL" as const,
          startsAt: at(addDays(t, -3), 9),
        },
        {
          authorId: u("zavuch"),
          title: "Заполнение электронного журнала",
          body: "Коллеги, напоминаю: темы уроков, домашние задания и отметки вносятся в день проведения урока. Проверка журналов — в пятницу.",
          audience: "ROLE" as const,
          role: "TEACHER" as const,
          startsAt: at(addDays(t, -5), 8),
        },
        {
          authorId: u("director"),
          title: "Горячее питание",
          body: "С понедельника обновлено меню школьной столовой. Заявления на льготное питание принимает секретарь.",
          audience: "ROLE" as const,
          role: "PARENT" as const,
          startsAt: at(addDays(t, -8), 12),
        },
        {
          authorId: u("zavuch"),
          title: "Олимпиады школьников",
          body: "Открыта запись на муниципальный этап всероссийской олимпиады школьников. Подробности — у учителей-предметников.",
          audience: "ROLE" as const,
          role: "STUDENT" as const,
          startsAt: at(addDays(t, -10), 9),
        },
        {
          authorId: u(a.demoTeacherLogin),
          title: `Экскурсия ${a.demoClass}`,
          body: "В субботу класс едет на экскурсию в Жигулёвский заповедник. Сбор у школы в 8:30, взять с собой обед и удобную обувь.",
          audience: "CLASS" as const,
          classId,
          startsAt: at(addDays(t, -2), 16),
        },
        {
          authorId: u("admin"),
          title: "Технические работы",
          body: "В ночь на воскресенье с 01:00 до 03:00 возможны перерывы в работе электронного журнала.",
          audience: "ALL" as const,
          startsAt: at(addDays(t, -1), 10),
        },
      ];
  await db.announcement.createMany({
    data: board.map((b) => ({
      organisationId,
      source: "manual",
      expiresAt: addDays(b.startsAt, 21),
      createdAt: b.startsAt,
      ...b,
    })),
  });

  const Y = a.cal.startYear;
  const events = a.college
    ? [
        { title: "Торжественная линейка для первокурсников", startsAt: at(day(Y, 9, 1), 10), place: "Актовый зал" },
        { title: "День открытых дверей", startsAt: at(addDays(t, 12), 11), place: "Учебный корпус № 1" },
        {
          title: "Классный час группы: выбор темы курсовой работы",
          startsAt: at(addDays(t, 3), 13, 50),
          place: "Лаборатория программирования",
          classId,
        },
      ]
    : [
        { title: "Торжественная линейка «День знаний»", startsAt: at(day(Y, 9, 1), 9), place: "Школьный двор" },
        { title: "Осенний бал (8–11 классы)", startsAt: at(day(Y, 10, 23), 17), place: "Актовый зал" },
        { title: "Новогодний концерт", startsAt: at(day(Y, 12, 25), 16), place: "Актовый зал" },
        {
          title: "Неделя математики",
          startsAt: at(addDays(t, 7), 8, 30),
          endsAt: at(addDays(t, 11), 15),
          place: "Кабинеты 206–209",
        },
        {
          title: `Классный час «Профессии будущего» (${a.demoClass})`,
          startsAt: at(addDays(t, 2), 14, 10),
          place: "207",
          classId,
        },
        {
          title: `Экскурсия в Жигулёвский заповедник (${a.demoClass})`,
          startsAt: at(addDays(t, 5), 8, 30),
          place: "Сбор у школы",
          classId,
        },
      ];
  await db.schoolEvent.createMany({
    data: events.map((e) => ({ organisationId, createdById: u("zavuch"), ...e })),
  });

  if (a.parentName && a.childName) {
    // Mail between the demo parent and the demo teacher; the last message is unread.
    const teacher = u(a.demoTeacherLogin);
    const parent = u("parent");
    const send = async (
      senderId: number,
      to: number,
      subject: string,
      body: string,
      sentAt: Date,
      readAt: Date | null,
      reply?: { id: number; threadId: number | null },
    ) => {
      const m = await db.message.create({
        data: {
          organisationId,
          senderId,
          subject,
          body,
          createdAt: sentAt,
          replyToId: reply?.id ?? null,
          threadId: reply ? (reply.threadId ?? reply.id) : null,
        },
      });
      await db.messageRecipient.create({ data: { organisationId, messageId: m.id, userId: to, readAt } });
      return m;
    };
    const m1 = await send(
      parent,
      teacher,
      "Пропуск занятий",
      `Здравствуйте, ${a.teacherName}! ${a.childName} несколько дней болел. Подскажите, пожалуйста, какие темы по алгебре нужно пройти самостоятельно?`,
      at(addDays(t, -9), 19, 20),
      at(addDays(t, -9), 20, 5),
    );
    await send(
      teacher,
      parent,
      "Re: Пропуск занятий",
      `Здравствуйте, ${a.parentName}! Темы и задания есть в дневнике, на прошлой неделе разобрали две новые темы. Приходите на консультацию в четверг после 6-го урока.`,
      at(addDays(t, -9), 20, 10),
      at(addDays(t, -8), 7, 45),
      m1,
    );
    await send(
      parent,
      teacher,
      "Справка",
      "Справку от врача передадим в понедельник. Спасибо!",
      at(addDays(t, -8), 8, 0),
      at(addDays(t, -8), 9, 30),
      m1,
    );
    await send(
      teacher,
      parent,
      `Родительское собрание ${a.demoClass}`,
      `Уважаемые родители! Собрание ${a.demoClass} состоится ${ru(addDays(t, 4))} в 18:00 в кабинете 206. Повестка: итоги четверти, подготовка к экскурсии.`,
      at(addDays(t, -1), 17, 30),
      null,
    );
    // DAY-2: the caretaker's home lists an unread task from the director.
    if (a.users.has("staff") && a.users.has("director"))
      await send(
        u("director"),
        u("staff"),
        "Подготовить актовый зал",
        `Прошу подготовить актовый зал к родительскому собранию ${ru(addDays(t, 4))}: 60 стульев, проектор, микрофон.`,
        at(addDays(t, -1), 12, 15),
        null,
      );
  }

  if (a.noTopicLesson) {
    const l = a.noTopicLesson;
    await db.remark.create({
      data: {
        organisationId,
        authorId: u("zavuch"),
        teacherId: l.teacherId,
        classId: l.entry.classId,
        subjectId: l.entry.subjectId,
        lessonId: l.id!,
        text: `Не заполнена тема урока ${ru(l.date)} (${l.entry.className}). Прошу заполнить журнал в течение дня.`,
        status: "OPEN",
        createdAt: at(addDays(l.date, 2), 10, 0),
      },
    });
    const old = (a.lessons ?? []).filter(
      (x) =>
        x.teacherId === l.teacherId &&
        x.entry.classId === l.entry.classId &&
        x.entry.subjectId === l.entry.subjectId &&
        diffDays(x.date, t) >= 10,
    );
    const target = old[old.length - 1];
    if (target)
      await db.unlockRequest.create({
        data: {
          organisationId,
          classId: l.entry.classId,
          subjectId: l.entry.subjectId,
          date: target.date,
          reason: "Ученик написал контрольную работу после болезни — нужно выставить отметку.",
          status: "PENDING",
          requesterId: l.teacherId,
          createdAt: at(addDays(a.today, -1), 18, 0),
        },
      });
  }

  for (const [i, e] of (a.exams ?? []).entries()) {
    const sem = a.cal.periods.find((p) => p.end.getTime() >= t.getTime()) ?? a.cal.periods[a.cal.periods.length - 1];
    const date = weekdayOnOrBefore(addDays(sem.end, -3 - 3 * i));
    await db.examSlot.createMany({
      data: [
        {
          organisationId,
          classId: a.classIds.get(e.className)!,
          subjectId: e.subjectId,
          kind: "EXAM",
          startsAt: at(addDays(date, -1), 14, 0),
          roomId: e.roomId,
          examinerId: e.examinerId,
          isConsultation: true,
        },
        {
          organisationId,
          classId: a.classIds.get(e.className)!,
          subjectId: e.subjectId,
          kind: "EXAM",
          startsAt: at(date, 9, 0),
          roomId: e.roomId,
          examinerId: e.examinerId,
        },
      ],
    });
  }
}
