// A teacher's own lessons and journal for /api/v1 (API-1), read only, on the schedule's week view
// (lib/schedule/view/data.ts) and the journal grid's loader (lib/journal/loaders.ts), which
// authorises the class × subject itself exactly as the «Журнал» page does.
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { weekFromParam } from "@/lib/diary/rules";
import { loadGridPage, type GridRequest } from "@/lib/journal/loaders";
import { addDays, todayIn } from "@/lib/org/time";
import { weekLessons } from "@/lib/schedule/view/data";
import { day } from "../request";
import type { journalSchema, teacherLessonsSchema } from "./schema";

type Out<S extends z.ZodType> = z.input<S>;

/** The caller's lessons of a week as the teacher or the substitute. */
export async function lessonsOf(
  user: CurrentUser,
  week: string | undefined,
): Promise<Out<typeof teacherLessonsSchema>> {
  const monday = weekFromParam(week, todayIn(user.timeZone));
  const rows = await weekLessons(user.organisationId, { kind: "teacher", id: user.id }, monday, addDays(monday, 6));
  return {
    week: {
      from: day(monday),
      to: day(addDays(monday, 6)),
      previous: day(addDays(monday, -7)),
      next: day(addDays(monday, 7)),
    },
    lessons: rows.map((l) => ({
      date: day(l.date),
      bellNumber: l.bellNumber,
      startTime: l.startTime,
      endTime: l.endTime,
      classId: l.classId,
      className: l.className,
      subgroupName: l.subgroupName,
      subjectName: l.subjectName,
      roomName: l.roomName,
      substituteName: l.substituteName,
      cancelled: l.cancelled,
      changed: l.changed,
    })),
  };
}

/** The journal of a class × subject (× subgroup) for a period; null when the gate refuses it. */
export async function journalOf(user: CurrentUser, req: GridRequest): Promise<Out<typeof journalSchema> | null> {
  const page = await loadGridPage(user, req);
  if (page.kind !== "grid") return null;
  const v = page.view;
  const homework = new Map(v.lessons.map((l) => [l.id, l.homework?.text ?? null]));
  return {
    classId: v.classId,
    className: v.className,
    subjectId: v.subjectId,
    subjectName: v.subjectName,
    subgroupId: v.subgroupId,
    period: page.period
      ? { id: page.period.id, name: page.period.name, from: day(page.period.start), to: day(page.period.end) }
      : null,
    closed: v.closed?.reason ?? null,
    lessons: v.lessons.map((l) => ({
      id: l.id,
      date: l.date,
      bellNumber: l.bell,
      topic: l.topic,
      homework: homework.get(l.id) ?? null,
      assignments: l.assignments.map((a) => ({ id: a.id, typeName: a.typeName, weight: a.weight })),
      locked: l.lock.open ? null : l.lock.reason,
    })),
    students: v.students.map((s) => ({ id: s.id, name: s.name })),
    marks: [...v.marks].flatMap(([assignmentId, column]) =>
      [...column].map(([studentId, m]) => ({
        assignmentId,
        studentId,
        kind: m.kind,
        value: m.value,
        isHospital: m.isHospital,
      })),
    ),
    attendance: [...v.attendance].flatMap(([lessonId, column]) =>
      [...column].map(([studentId, a]) => ({ lessonId, studentId, code: a.code, missedHours: a.missedHours })),
    ),
  };
}
