// DAY-2: the tasks a home page lists — each widget is ONE database statement (no N+1; the
// benchmark's page sweep measures the homes) and each task a link to the page where it is done.
// Bound to the organisation (ACL-5); the caller decides from the held permissions and their scopes
// which widgets a user gets and passes the class ids a scope admits (null = every class).
import { db, rawStatement } from "@/lib/db";
import { addDays, formatDate, isoDate } from "@/lib/org/time";
import { ATTENDANCE_LABELS, lessonsGivenBy } from "@/lib/journal/rules";
import { cap, lessonNumber, plural, pluralOf, type Vocabulary } from "@/lib/org/vocabulary";

import type { HomeTask, HomeWidget } from "./widget";
import { col } from "@/lib/sql";
import { AttendanceCode, Role } from "@/prisma/generated/prisma/enums";
import { Prisma } from "@/prisma/generated/prisma/client";

export type { HomeTask, HomeWidget };

/** How far back the «not done yet» lists look: two school weeks. */
export const RECENT_DAYS = 14;
/** Homework shown ahead: the coming week. */
export const AHEAD_DAYS = 7;
const LIST = 8;

const short = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const ids = (xs: Iterable<number> | null) => (xs === null ? null : [...xs]);

/** A lesson's journal: its class × subject (× subgroup) grid, or the lesson alone for a substitute (as DayLesson). */
export function journalHrefOf(l: {
  id: number;
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  substituteId: number | null;
}): string {
  return l.substituteId !== null
    ? `/journal?lesson=${l.id}`
    : `/journal?class=${l.classId}&subject=${l.subjectId}${l.subgroupId !== null ? `&subgroup=${l.subgroupId}` : ""}`;
}

/** Teacher: own (or substituted) lessons of the last two weeks up to today without a topic. */
export async function unfilledLessons(
  organisationId: number,
  teacherId: number,
  today: Date,
  v: Vocabulary,
): Promise<HomeWidget> {
  const rows = await db.lesson.findMany({
    where: {
      organisationId,
      date: { gte: addDays(today, -RECENT_DAYS), lte: today },
      status: { not: "CANCELLED" },
      topic: null,
      ...lessonsGivenBy(teacherId),
    },
    orderBy: [{ date: "desc" }, { bellNumber: "asc" }],
    take: LIST + 1,
    select: {
      id: true,
      classId: true,
      subjectId: true,
      subgroupId: true,
      substituteId: true,
      date: true,
      bellNumber: true,
      class: { select: { name: true } },
      subject: { select: { name: true } },
    },
  });
  return {
    key: "unfilled",
    title: `Незаполненные ${v.lesson.nomPl}`,
    empty: `Все ${v.lesson.nomPl} за две недели заполнены.`,
    tasks: rows.slice(0, LIST).map((l) => ({
      href: journalHrefOf(l),
      text: `${l.class.name} · ${l.subject.name}`,
      note: `${l.date.getTime() === today.getTime() ? "сегодня" : formatDate(l.date)}, ${lessonNumber(v, l.bellNumber)}`,
    })),
    ...(rows.length > LIST ? { more: { href: "/journal", text: "Все журналы" } } : {}),
  };
}

/** Students of the classes with absences «н» in [from, to], most first. */
export const ABSENCES_WITHOUT_REASON = rawStatement(
  { studentId: col.int, name: col.text, className: col.text, n: col.int },
  (organisationId: number, classIds: number[], from: string, to: string) => Prisma.sql`
        SELECT a."studentId", s."lastName" || ' ' || s."firstName" AS name, c.name AS "className", count(*)::int AS n
          FROM "Attendance" a
          JOIN "Lesson" l ON l."organisationId" = a."organisationId" AND l.id = a."lessonId"
          JOIN "Student" s ON s."organisationId" = a."organisationId" AND s.id = a."studentId"
          JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
         WHERE a."organisationId" = ${organisationId} AND a.code = 'N'
           AND l."classId" = ANY(${classIds}::int[])
           AND l.date BETWEEN ${from}::date AND ${to}::date
         GROUP BY a."studentId", s."lastName", s."firstName", c.name
         ORDER BY n DESC, name
         LIMIT ${LIST}`,
);

/** Class teacher: absences of the last two weeks in their classes still without a reason («н»). */
export async function absencesWithoutReason(
  organisationId: number,
  classIds: readonly number[],
  today: Date,
  v: Vocabulary,
): Promise<HomeWidget> {
  const rows = classIds.length
    ? await ABSENCES_WITHOUT_REASON.run(
        db,
        organisationId,
        [...classIds],
        isoDate(addDays(today, -RECENT_DAYS)),
        isoDate(today),
      )
    : [];
  return {
    key: "absences",
    title: "Пропуски без причины",
    empty: "Причины всех пропусков указаны.",
    tasks: rows.map((r) => ({
      href: "/journal/attendance",
      text: `${r.name} (${r.className})`,
      note: `${r.n} ${pluralOf(r.n, v.lesson)} «${ATTENDANCE_LABELS.N}»`,
    })),
  };
}

/** Parent or student: homework due from today over the coming week, each child's own subgroups only. */
export async function homeworkDue(
  organisationId: number,
  students: readonly { studentId: number; classId: number; name: string | null }[],
  today: Date,
): Promise<HomeWidget> {
  const rows = students.length
    ? await db.homework.findMany({
        where: {
          organisationId,
          dueDate: { gte: today, lte: addDays(today, AHEAD_DAYS) },
          OR: students.map((s) => ({
            lesson: {
              classId: s.classId,
              OR: [{ subgroupId: null }, { subgroup: { members: { some: { studentId: s.studentId } } } }],
            },
          })),
        },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        take: 4 * LIST,
        select: {
          text: true,
          dueDate: true,
          lesson: {
            select: {
              classId: true,
              subgroupId: true,
              subject: { select: { name: true } },
              subgroup: { select: { members: { select: { studentId: true } } } },
            },
          },
        },
      })
    : [];
  const tasks: HomeTask[] = [];
  for (const h of rows) {
    for (const s of students) {
      if (s.classId !== h.lesson.classId) continue;
      if (h.lesson.subgroup && !h.lesson.subgroup.members.some((m) => m.studentId === s.studentId)) continue;
      const due = h.dueDate!;
      tasks.push({
        // DAY-4: the diary opens at the day the homework is due (on a phone a day at a time; on a
        // wide screen its week) — `?week=` opened today's day, without the homework on a phone.
        href: `/diary/${s.studentId}?day=${isoDate(due)}`,
        text: `${s.name ? `${s.name}: ` : ""}${h.lesson.subject.name} — ${short(h.text)}`,
        note: `к ${due.getTime() === today.getTime() ? "сегодня" : formatDate(due)}`,
      });
    }
  }
  return {
    key: "homework",
    title: "Домашние задания на неделю",
    empty: "Заданий на ближайшую неделю нет.",
    tasks: tasks.slice(0, 2 * LIST),
  };
}

/** Teachers with lessons without a topic in [from, to], most first. */
export const UNFILLED_BY_TEACHER = rawStatement(
  { teacherId: col.int, name: col.text, n: col.int },
  (organisationId: number, scope: number[] | null, from: string, to: string) => Prisma.sql`
    SELECT t.id AS "teacherId", t."lastName" || ' ' || t."firstName" AS name, count(*)::int AS n
      FROM "Lesson" l
      JOIN "User" t ON t."organisationId" = l."organisationId" AND t.id = coalesce(l."substituteId", l."teacherId")
     WHERE l."organisationId" = ${organisationId} AND l.topic IS NULL AND l.status <> 'CANCELLED'
       AND (${scope}::int[] IS NULL OR l."classId" = ANY(${scope}::int[]))
       AND l.date BETWEEN ${from}::date AND ${to}::date
     GROUP BY t.id, t."lastName", t."firstName"
     ORDER BY n DESC, name
     LIMIT ${LIST}`,
);

/** Administration: teachers with unfilled lessons of the last two weeks (before today), in the scope's classes. */
export async function unfilledByTeacher(
  organisationId: number,
  classIds: Iterable<number> | null,
  today: Date,
  v: Vocabulary,
): Promise<HomeWidget> {
  const scope = ids(classIds);
  const from = isoDate(addDays(today, -RECENT_DAYS));
  const to = isoDate(addDays(today, -1));
  const rows = await UNFILLED_BY_TEACHER.run(db, organisationId, scope, from, to);
  return {
    key: "control",
    title: "Незаполненные журналы",
    empty: `За две недели все ${v.lesson.nomPl} заполнены.`,
    tasks: rows.map((r) => ({
      href: `/control?from=${from}&to=${to}&teacherId=${r.teacherId}`,
      text: r.name,
      note: `${r.n} ${pluralOf(r.n, v.lesson)} без темы`,
    })),
    more: { href: `/control?from=${from}&to=${to}`, text: "Контроль журнала" },
  };
}

/** Who decides date openings: the requests waiting for a decision. */
export async function pendingUnlocks(organisationId: number): Promise<HomeWidget> {
  const rows = await db.unlockRequest.findMany({
    where: { organisationId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: LIST,
    select: { id: true, date: true, class: { select: { name: true } }, subject: { select: { name: true } } },
  });
  return {
    key: "unlocks",
    title: "Запросы на открытие дат",
    empty: "Новых запросов нет.",
    tasks: rows.map((r) => ({
      href: "/journal/unlock",
      text: `${r.class.name} · ${r.subject.name}`,
      note: formatDate(r.date),
    })),
  };
}

/** Active accounts never signed in, by role. */
export const LOGINS_NEVER_USED = rawStatement(
  { role: col.enum(Role), n: col.int },
  (organisationId: number) => Prisma.sql`
    SELECT r.role::text AS role, count(DISTINCT u.id)::int AS n
      FROM "User" u JOIN "UserRole" r ON r."organisationId" = u."organisationId" AND r."userId" = u.id
     WHERE u."organisationId" = ${organisationId} AND u."isActive" AND u."lastSignInAt" IS NULL
     GROUP BY r.role ORDER BY n DESC`,
);

/** Who issues logins: active accounts that never signed in (the login probably did not reach its owner). */
export async function loginsNeverUsed(organisationId: number): Promise<HomeWidget> {
  const rows = await LOGINS_NEVER_USED.run(db, organisationId);
  const where = (role: string) =>
    role === "STUDENT" || role === "PARENT" ? { href: "/people", text: "Ученики" } : { href: "/people/staff" };
  return {
    key: "logins",
    title: "Логины без первого входа",
    empty: "Все выданные логины использованы.",
    tasks: rows.map((r) => ({
      href: where(r.role).href,
      text: ROLE_GROUPS[r.role] ?? r.role,
      note: `${r.n} ${accountsWord(r.n)}`,
    })),
  };
}

/** Current students whose personal file lacks a parent, the SNILS or the identity document. */
export const INCOMPLETE_FILES = rawStatement(
  {
    studentId: col.int,
    name: col.text,
    className: col.text,
    noParent: col.bool,
    noSnils: col.bool,
    noDoc: col.bool,
    total: col.int,
  },
  (organisationId: number, scope: number[] | null, day: string) => Prisma.sql`
    SELECT s.id AS "studentId", s."lastName" || ' ' || s."firstName" AS name, c.name AS "className",
           NOT EXISTS (SELECT 1 FROM "ParentLink" p WHERE p."organisationId" = s."organisationId" AND p."studentId" = s.id) AS "noParent",
           s.snils IS NULL AS "noSnils", s."documentNumber" IS NULL AS "noDoc",
           count(*) OVER ()::int AS total
      FROM "Student" s
      JOIN "ClassMembership" m ON m."organisationId" = s."organisationId" AND m."studentId" = s.id
       AND m."startDate" <= ${day}::date AND (m."endDate" IS NULL OR m."endDate" >= ${day}::date)
      JOIN "ClassGroup" c ON c."organisationId" = m."organisationId" AND c.id = m."classId"
     WHERE s."organisationId" = ${organisationId}
       AND (${scope}::int[] IS NULL OR m."classId" = ANY(${scope}::int[]))
       AND (s.snils IS NULL OR s."documentNumber" IS NULL
            OR NOT EXISTS (SELECT 1 FROM "ParentLink" p WHERE p."organisationId" = s."organisationId" AND p."studentId" = s.id))
     ORDER BY c.grade, c.name, name
     LIMIT ${LIST}`,
);

/**
 * Secretary: current students whose personal file lacks a parent, the SNILS or the identity
 * document — in the classes of the scope (a class teacher's own class; null = all).
 */
export async function incompleteFiles(
  organisationId: number,
  classIds: Iterable<number> | null,
  today: Date,
): Promise<HomeWidget> {
  const day = isoDate(today);
  const rows = await INCOMPLETE_FILES.run(db, organisationId, ids(classIds), day);
  const total = rows[0]?.total ?? 0;
  return {
    key: "files",
    title: total > 0 ? `Неполные личные дела · ${total}` : "Неполные личные дела",
    empty: "Личные дела обучающихся заполнены.",
    tasks: rows.map((r) => ({
      href: `/people/students/${r.studentId}`,
      text: `${r.name} (${r.className})`,
      note: [r.noParent && "нет родителей", r.noSnils && "нет СНИЛС", r.noDoc && "нет документа"]
        .filter(Boolean)
        .join(", "),
    })),
  };
}

/** Dispatcher: substitutions and timetable changes from today over the coming week. */
export async function changesAhead(organisationId: number, today: Date): Promise<HomeWidget> {
  const to = addDays(today, AHEAD_DAYS);
  const rows = await db.substitution.findMany({
    where: { organisationId, dateFrom: { lte: to }, dateTo: { gte: today } },
    orderBy: [{ dateFrom: "asc" }, { id: "asc" }],
    take: LIST,
    select: {
      dateFrom: true,
      dateTo: true,
      original: { select: { lastName: true, firstName: true } },
      substitute: { select: { lastName: true, firstName: true } },
      class: { select: { name: true } },
    },
  });
  return {
    key: "substitutions",
    title: "Замены на неделю",
    empty: "Замен на ближайшую неделю нет.",
    tasks: rows.map((r) => ({
      href: "/schedule/changes",
      text: `${r.original.lastName} ${r.original.firstName[0]}. → ${r.substitute.lastName} ${r.substitute.firstName[0]}.${r.class ? ` (${r.class.name})` : ""}`,
      note:
        r.dateFrom.getTime() === r.dateTo.getTime()
          ? formatDate(r.dateFrom)
          : `${formatDate(r.dateFrom)}–${formatDate(r.dateTo)}`,
    })),
    more: { href: "/schedule/changes", text: "Изменения расписания" },
  };
}

/** Dispatcher: school events of the coming week (rooms and lessons to arrange around them). */
export async function eventsAhead(organisationId: number, today: Date): Promise<HomeWidget> {
  const rows = await db.schoolEvent.findMany({
    where: { organisationId, startsAt: { gte: today, lt: addDays(today, AHEAD_DAYS + 1) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: LIST,
    select: { title: true, startsAt: true, place: true, class: { select: { name: true } } },
  });
  return {
    key: "events",
    title: "События недели",
    empty: "Событий на ближайшую неделю нет.",
    tasks: rows.map((r) => ({
      href: "/schedule/events",
      text: short(r.title),
      note: [formatDate(r.startsAt), r.class?.name, r.place].filter(Boolean).join(" · "),
    })),
  };
}

/** Students with at least `min` absences of the code in [from, to], most first. */
export const ABSENCE_WATCH = rawStatement(
  { studentId: col.int, name: col.text, className: col.text, n: col.int },
  (organisationId: number, code: AttendanceCode, min: number, from: string, to: string) => Prisma.sql`
    SELECT a."studentId", s."lastName" || ' ' || s."firstName" AS name, c.name AS "className", count(*)::int AS n
      FROM "Attendance" a
      JOIN "Lesson" l ON l."organisationId" = a."organisationId" AND l.id = a."lessonId"
      JOIN "Student" s ON s."organisationId" = a."organisationId" AND s.id = a."studentId"
      JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
     WHERE a."organisationId" = ${organisationId} AND a.code = ${code}::"AttendanceCode"
       AND l.date BETWEEN ${from}::date AND ${to}::date
     GROUP BY a."studentId", s."lastName", s."firstName", c.name
    HAVING count(*) >= ${min}
     ORDER BY n DESC, name
     LIMIT ${LIST}`,
);

/**
 * Medic (code «Б») and psychologist (code «н», three or more): students with such absences over the
 * last two weeks, to look at their card. A slot for the duties' «students at risk» (issue 17) too.
 */
export async function absenceWatch(
  organisationId: number,
  kind: "sick" | "unexcused",
  today: Date,
  v: Vocabulary,
): Promise<HomeWidget> {
  const code = kind === "sick" ? "B" : "N";
  const min = kind === "sick" ? 1 : 3;
  const rows = await ABSENCE_WATCH.run(
    db,
    organisationId,
    code,
    min,
    isoDate(addDays(today, -RECENT_DAYS)),
    isoDate(today),
  );
  return {
    key: kind,
    title: kind === "sick" ? "Болели за две недели" : "Много пропусков без причины",
    empty:
      kind === "sick"
        ? "Пропусков по болезни нет."
        : `${cap(v.student.genPl)} с тремя и более пропусками без причины нет.`,
    tasks: rows.map((r) => ({
      href: `/people/students/${r.studentId}`,
      text: `${r.name} (${r.className})`,
      note: `${r.n} ${pluralOf(r.n, v.lesson)}`,
    })),
  };
}

/** Everyone with mail: the unread messages. */
export async function unreadMail(organisationId: number, userId: number): Promise<HomeWidget> {
  const rows = await db.messageRecipient.findMany({
    where: { organisationId, userId, readAt: null, deletedAt: null },
    orderBy: { messageId: "desc" },
    take: LIST,
    select: {
      messageId: true,
      message: { select: { subject: true, sender: { select: { lastName: true, firstName: true } } } },
    },
  });
  return {
    key: "mail",
    title: "Непрочитанные письма",
    empty: "Непрочитанных писем нет.",
    tasks: rows.map((r) => ({
      href: `/mail/${r.messageId}`,
      text: short(r.message.subject || "(без темы)"),
      note: `${r.message.sender.lastName} ${r.message.sender.firstName[0]}.`,
    })),
  };
}

const ROLE_GROUPS: Record<string, string> = {
  ADMIN: "Администраторы",
  DIRECTOR: "Директор",
  DEPUTY: "Заместители директора",
  HEAD_OF_DEPT: "Заведующие отделениями",
  SCHEDULER: "Диспетчеры",
  SECRETARY: "Секретари",
  TEACHER: "Педагоги",
  STUDENT: "Обучающиеся",
  PARENT: "Родители",
  MEDIC: "Медработники",
  PSYCHOLOGIST: "Психологи",
  STAFF: "Персонал",
};

const accountsWord = (n: number) => plural(n, "учётная запись", "учётные записи", "учётных записей");
