// The family's data for /api/v1 (API-1) in the shapes of lib/api/schema.ts, built on the diary's
// own reads (lib/diary/data.ts) — the same week the diary page shows. The route has authorised
// `diary.view` on the student before calling any of these.
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { diaryStudentsOf, diaryWeek } from "@/lib/diary/data";
import { weekFromParam } from "@/lib/diary/rules";
import { averageOf, roundAverage } from "@/lib/journal/averages";
import { addDays, todayIn } from "@/lib/org/time";
import { day, instant } from "../request";
import type {
  attendanceListSchema,
  diaryMarkSchema,
  diaryWeekSchema,
  homeworkListSchema,
  marksSchema,
  scheduleSchema,
} from "../schema";
import { homeworkFileOfStudent, periodsOfStudent, studentMarks } from "./data";
import { compareRu } from "@/lib/org/collation";

type Out<S extends z.ZodType> = z.input<S>;

export async function childrenOf(user: CurrentUser) {
  const list = await diaryStudentsOf(user.organisationId, user.id);
  return list.map((c) => ({ id: c.studentId, name: c.name }));
}

async function studentRef(user: CurrentUser, studentId: number) {
  const found = (await childrenOf(user)).find((c) => c.id === studentId);
  return found ?? { id: studentId, name: "" };
}

function fileUrl(studentId: number, fileId: number): string {
  return `/api/v1/students/${studentId}/files/${fileId}`;
}

/** The diary week (DRY-1) of a student: lessons with homework, marks, attendance; events. */
export async function diaryOf(
  user: CurrentUser,
  studentId: number,
  week: string | undefined,
): Promise<Out<typeof diaryWeekSchema>> {
  const monday = weekFromParam(week, todayIn(user.timeZone));
  const [student, data] = await Promise.all([
    studentRef(user, studentId),
    diaryWeek(user.organisationId, studentId, monday),
  ]);
  return {
    student,
    week: {
      from: day(monday),
      to: day(addDays(monday, 6)),
      previous: day(addDays(monday, -7)),
      next: day(addDays(monday, 7)),
    },
    // The mark history (DAY-10) is the web diary's; API v1 keeps its published shape.
    lessons: data.lessons.map(({ markChanges: _history, ...l }) => ({
      ...l,
      date: day(l.date),
      homework: l.homework.map((h) => ({
        id: h.id,
        text: h.text,
        dueDate: h.dueDate ? day(h.dueDate) : null,
        files: h.files.map((f) => ({ ...f, url: fileUrl(studentId, f.id) })),
      })),
      // The diary reads Mark.kind, a database enum of exactly these values.
      marks: l.marks.map((m) => ({ ...m, kind: m.kind as Out<typeof diaryMarkSchema>["kind"] })),
    })),
    events: data.events.map((e) => ({ ...e, startsAt: instant(e.startsAt) })),
  };
}

export async function scheduleOf(
  user: CurrentUser,
  studentId: number,
  week: string | undefined,
): Promise<Out<typeof scheduleSchema>> {
  const d = await diaryOf(user, studentId, week);
  return {
    student: d.student,
    week: d.week,
    lessons: d.lessons.map(
      ({ id, date, bellNumber, startTime, endTime, subjectName, roomName, cancelled, substituteName }) => ({
        id,
        date,
        bellNumber,
        startTime,
        endTime,
        subjectName,
        roomName,
        cancelled,
        substituteName,
      }),
    ),
    events: d.events,
  };
}

export async function homeworkOf(
  user: CurrentUser,
  studentId: number,
  week: string | undefined,
): Promise<Out<typeof homeworkListSchema>> {
  const d = await diaryOf(user, studentId, week);
  return {
    student: d.student,
    week: d.week,
    items: d.lessons.flatMap((l) =>
      l.homework.map((h) => ({ ...h, lessonId: l.id, lessonDate: l.date, subjectName: l.subjectName })),
    ),
  };
}

export async function attendanceOf(
  user: CurrentUser,
  studentId: number,
  week: string | undefined,
): Promise<Out<typeof attendanceListSchema>> {
  const d = await diaryOf(user, studentId, week);
  return {
    student: d.student,
    week: d.week,
    items: d.lessons.flatMap((l) =>
      l.attendance
        ? [{ ...l.attendance, lessonId: l.id, date: l.date, bellNumber: l.bellNumber, subjectName: l.subjectName }]
        : [],
    ),
  };
}

/** Marks of a period by subject with the average (lib/journal/averages.ts) and the finals. */
export async function marksOf(
  user: CurrentUser,
  studentId: number,
  periodId: number | undefined,
): Promise<Out<typeof marksSchema> | null> {
  const today = todayIn(user.timeZone);
  const [student, place] = await Promise.all([
    studentRef(user, studentId),
    periodsOfStudent(user.organisationId, studentId, today),
  ]);
  const periods = place?.periods ?? [];
  const period =
    periodId !== undefined
      ? periods.find((p) => p.id === periodId)
      : (periods.find((p) => p.start <= today && p.end >= today) ??
        [...periods].reverse().find((p) => p.start <= today) ??
        periods[0]);
  if (periodId !== undefined && !period) return null;
  const data = place
    ? await studentMarks(user.organisationId, studentId, place.classId, period ?? null)
    : { method: "WEIGHTED" as const, marks: [], finals: [] };
  const subjects = new Map<number, Out<typeof marksSchema>["subjects"][number]>();
  const subjectOf = (subjectId: number, subjectName: string) => {
    let s = subjects.get(subjectId);
    if (!s) subjects.set(subjectId, (s = { subjectId, subjectName, average: null, marks: [], finals: [] }));
    return s;
  };
  for (const m of data.marks) {
    const { subjectId, subjectName, date, ...rest } = m;
    subjectOf(subjectId, subjectName).marks.push({ ...rest, date: day(date) });
  }
  for (const f of data.finals) {
    const { subjectId, subjectName, ...rest } = f;
    subjectOf(subjectId, subjectName).finals.push(rest);
  }
  for (const s of subjects.values()) {
    const avg = averageOf(s.marks, data.method).average;
    s.average = avg === null ? null : roundAverage(avg);
  }
  const ref = (p: { id: number; name: string; start: Date; end: Date }) => ({
    id: p.id,
    name: p.name,
    from: day(p.start),
    to: day(p.end),
  });
  return {
    student,
    period: period ? ref(period) : null,
    periods: periods.map(ref),
    subjects: [...subjects.values()].sort((a, b) => compareRu(a.subjectName, b.subjectName)),
  };
}

/** A homework file of the student's lessons (for the download route). */
export function homeworkFileFor(user: CurrentUser, studentId: number, fileId: number) {
  return homeworkFileOfStudent(user.organisationId, studentId, fileId);
}
