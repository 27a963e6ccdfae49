// Learning beyond the journal in the demo (LRN-1…LRN-5): the regulation in the documents store (the
// footer's link), a staff-only order, a few school resources; for the school also a homework of
// the demo class that asks for a hand-in due tomorrow (its review mark goes to a «Домашняя работа»
// column), a few materials (links: nothing to store) attached to the demo teacher's lessons and
// КТП topics, and the demo student's portfolio with one entry waiting for the class teacher.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { putFile } from "../../lib/storage/files";
import { ROLES } from "../../lib/access/roles";
import { addDays, at } from "./dates";
import type { LessonSpec } from "./lessons";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Rendered by prisma/seed/regulation.ts (committed: rendering takes seconds, the seed must stay fast). */
const REGULATION_PDF = path.join(path.dirname(fileURLToPath(import.meta.url)), "assets", "regulation.pdf");

const EVERYONE = ROLES;
const STAFF = EVERYONE.filter((r) => r !== "STUDENT" && r !== "PARENT");

export interface LearningArgs {
  organisationId: number;
  college: boolean;
  today: Date;
  users: Map<string, number>;
  /** School only: the demo class, its teacher, subject and lessons, the «Домашняя работа» type. */
  demo?: {
    classId: number;
    subjectId: number;
    grade: number;
    teacherLogin: string;
    studentLogin: string;
    homeworkTypeId: number;
    lessons: LessonSpec[];
  };
}

/** One stored document with its first version (LRN-3), dated as the demo's documents are. */
async function seedDocument(
  db: PrismaClient,
  a: LearningArgs,
  adminId: number,
  doc: Omit<Prisma.DocumentUncheckedCreateInput, "organisationId" | "createdById" | "createdAt" | "updatedAt">,
  version: { content: Uint8Array; fileName: string; mimeType: string; note?: string },
) {
  const file = await putFile(a.organisationId, "document", version.content);
  const createdAt = at(addDays(a.today, -80), 10);
  const created = await db.document.create({
    data: { organisationId: a.organisationId, ...doc, createdById: adminId, createdAt, updatedAt: createdAt },
  });
  await db.documentVersion.create({
    data: {
      organisationId: a.organisationId,
      documentId: created.id,
      version: 1,
      fileName: version.fileName,
      mimeType: version.mimeType,
      ...file,
      ...(version.note ? { note: version.note } : {}),
      uploadedById: adminId,
      createdAt,
    },
  });
}

async function documents(db: PrismaClient, a: LearningArgs, adminId: number) {
  await seedDocument(
    db,
    a,
    adminId,
    {
      title: "Положение об электронном журнале и дневнике",
      category: "REGULATION",
      number: "01-ЭЖ",
      date: addDays(a.today, -90),
      visibleTo: [...EVERYONE],
      isJournalRegulation: true,
    },
    {
      content: new Uint8Array(await readFile(REGULATION_PDF)),
      fileName: "Положение об электронном журнале.pdf",
      mimeType: "application/pdf",
      note: "Утверждено приказом директора",
    },
  );
  const order = Buffer.from(
    "Приказ о назначении ответственных за ведение электронного журнала.\n\n1. Назначить ответственным за ведение электронного журнала заместителя директора по учебной работе.\n2. Администратору электронного журнала обеспечить выдачу реквизитов доступа.\n",
    "utf8",
  );
  await seedDocument(
    db,
    a,
    adminId,
    {
      title: "О назначении ответственных за ведение электронного журнала",
      category: "ORDER",
      number: "112-од",
      date: addDays(a.today, -85),
      visibleTo: [...STAFF],
    },
    { content: new Uint8Array(order), fileName: "Приказ 112-од.txt", mimeType: "text/plain" },
  );
}

async function resources(db: PrismaClient, a: LearningArgs, adminId: number) {
  const rows: [string, string | null, string, string, readonly string[]][] = [
    [
      "Российская электронная школа",
      "https://resh.edu.ru",
      "Образовательные платформы",
      "Интерактивные уроки по всем предметам школьной программы",
      EVERYONE,
    ],
    [
      "Портал Госуслуг",
      "https://www.gosuslugi.ru",
      "Государственные услуги",
      "Запись в школу, справки, электронный дневник в мобильном приложении",
      EVERYONE,
    ],
    [
      "Методический кабинет",
      null,
      "Для учителей",
      "Кабинет 214: методические пособия, образцы рабочих программ, график аттестации",
      STAFF,
    ],
  ];
  await db.schoolResource.createMany({
    data: rows.map(([title, url, category, description, visibleTo], i) => ({
      organisationId: a.organisationId,
      title,
      url,
      category,
      description,
      visibleTo: [...visibleTo] as (typeof EVERYONE)[number][],
      sortOrder: i,
      createdById: adminId,
      createdAt: at(addDays(a.today, -60), 11),
    })),
  });
}

/** The demo class's latest lesson of the demo subject up to today gets a homework that asks for a hand-in due tomorrow. */
async function handin(db: PrismaClient, a: LearningArgs, d: NonNullable<LearningArgs["demo"]>) {
  const teacherId = a.users.get(d.teacherLogin)!;
  const lesson = [...d.lessons]
    .reverse()
    .find(
      (l) =>
        l.id !== undefined &&
        !l.cancelled &&
        l.date <= a.today &&
        l.entry.classId === d.classId &&
        l.entry.subjectId === d.subjectId,
    );
  if (!lesson?.id) return;
  const due = addDays(a.today, 1);
  const assignment = await db.assignment.create({
    data: {
      organisationId: a.organisationId,
      lessonId: lesson.id,
      typeId: d.homeworkTypeId,
      description: "Сдача работы",
      dueDate: due,
      createdAt: at(lesson.date, 15),
    },
  });
  const text =
    "Решить задачи № 512, 514 (б, в) из учебника. Сфотографируйте решение в тетради и сдайте работу в дневнике.";
  const existing = await db.homework.findFirst({ where: { organisationId: a.organisationId, lessonId: lesson.id } });
  const fields = {
    text,
    dueDate: due,
    handin: true,
    // 20:00 in Samara (UTC+4) on the due date.
    handinDueAt: at(due, 20),
    handinAssignmentId: assignment.id,
  };
  if (existing)
    await db.homework.update({
      where: { organisationId_id: { organisationId: a.organisationId, id: existing.id } },
      data: fields,
    });
  else
    await db.homework.create({
      data: {
        organisationId: a.organisationId,
        lessonId: lesson.id,
        ...fields,
        createdById: teacherId,
        createdAt: at(lesson.date, 15),
        updatedAt: at(lesson.date, 15),
      },
    });
}

async function materials(db: PrismaClient, a: LearningArgs, d: NonNullable<LearningArgs["demo"]>) {
  const authorId = a.users.get(d.teacherLogin)!;
  const createdAt = at(addDays(a.today, -30), 16);
  const rows = [
    {
      title: "Видеоурок: линейная функция",
      topic: "Линейная функция",
      url: "https://resh.edu.ru/subject/16/7/",
      classId: d.classId,
    },
    { title: "Тренажёр: решение уравнений", topic: "Уравнения", url: "https://uchi.ru", classId: null },
    {
      title: "Справочник формул сокращённого умножения",
      topic: "Формулы сокращённого умножения",
      url: "https://ru.wikipedia.org/wiki/Формулы_сокращённого_умножения_многочленов",
      classId: null,
    },
  ];
  const created = await db.material.createManyAndReturn({
    data: rows.map((r) => ({
      organisationId: a.organisationId,
      title: r.title,
      topic: r.topic,
      subjectId: d.subjectId,
      grade: d.grade,
      classId: r.classId,
      kind: "LINK" as const,
      url: r.url,
      authorId,
      createdAt,
      updatedAt: createdAt,
    })),
    select: { id: true },
  });
  // The first material goes with the demo class's last two lessons up to today (the year's later
  // lessons exist too, DAY-1), the second with a КТП topic.
  const recent = d.lessons
    .filter(
      (l) =>
        l.id !== undefined && l.date <= a.today && l.entry.classId === d.classId && l.entry.subjectId === d.subjectId,
    )
    .slice(-2);
  await db.lessonMaterial.createMany({
    data: recent.map((l) => ({ organisationId: a.organisationId, lessonId: l.id!, materialId: created[0].id })),
  });
  const topic = recent.find((l) => l.planTopicId !== null)?.planTopicId;
  if (topic)
    await db.planTopicMaterial.create({
      data: { organisationId: a.organisationId, planTopicId: topic, materialId: created[1].id },
    });
}

async function portfolio(db: PrismaClient, a: LearningArgs, d: NonNullable<LearningArgs["demo"]>) {
  const student = await db.student.findFirst({
    where: { organisationId: a.organisationId, user: { login: d.studentLogin } },
    select: { id: true, parentLinks: { select: { parent: { select: { userId: true } } } } },
  });
  const teacherId = a.users.get(d.teacherLogin)!;
  if (!student) return;
  const parentId = student.parentLinks.find((l) => l.parent.userId !== null)?.parent.userId ?? teacherId;
  await db.achievement.createMany({
    data: [
      {
        organisationId: a.organisationId,
        studentId: student.id,
        kind: "OLYMPIAD",
        level: "SCHOOL",
        title: "Школьный этап всероссийской олимпиады школьников по математике",
        result: "победитель",
        subject: "математика",
        date: addDays(a.today, -50),
        status: "CONFIRMED",
        addedById: teacherId,
        confirmedById: teacherId,
        confirmedAt: at(addDays(a.today, -49), 12),
        createdAt: at(addDays(a.today, -49), 12),
      },
      {
        organisationId: a.organisationId,
        studentId: student.id,
        kind: "SPORT",
        level: "MUNICIPAL",
        title: "Городские соревнования по плаванию",
        result: "2 место",
        subject: "плавание",
        date: addDays(a.today, -12),
        status: "PENDING",
        addedById: parentId,
        createdAt: at(addDays(a.today, -11), 19),
      },
    ],
  });
  await db.staffAchievement.createMany({
    data: [
      {
        organisationId: a.organisationId,
        userId: teacherId,
        kind: "QUALIFICATION",
        title: "Высшая квалификационная категория",
        issuer: "Министерство образования Самарской области",
        date: addDays(a.today, -400),
        documentNumber: "487-од",
        createdById: teacherId,
        createdAt: at(addDays(a.today, -30), 18),
      },
      {
        organisationId: a.organisationId,
        userId: teacherId,
        kind: "COURSE",
        title: "Формирование функциональной грамотности на уроках математики",
        issuer: "СИПКРО",
        date: addDays(a.today, -200),
        hours: 72,
        createdById: teacherId,
        createdAt: at(addDays(a.today, -30), 18),
      },
    ],
  });
}

export async function insertLearning(db: PrismaClient, a: LearningArgs): Promise<void> {
  const adminId = a.users.get("admin")!;
  await documents(db, a, adminId);
  await resources(db, a, adminId);
  if (!a.demo) return;
  await handin(db, a, a.demo);
  await materials(db, a, a.demo);
  await portfolio(db, a, a.demo);
}
