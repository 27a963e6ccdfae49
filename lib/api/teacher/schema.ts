// /api/v1 schemas of a teacher's own lessons and journal (API-1, SCH-2, JRN-1): read only.
import { z } from "zod";
import { id, isoDay, weekSchema } from "../schema";

export const teacherLessonsSchema = z.object({
  week: weekSchema,
  lessons: z.array(
    z.object({
      date: isoDay,
      bellNumber: z.int(),
      startTime: z.string().nullable(),
      endTime: z.string().nullable(),
      classId: id,
      className: z.string(),
      subgroupName: z.string().nullable(),
      subjectName: z.string(),
      roomName: z.string().nullable(),
      substituteName: z.string().nullable(),
      cancelled: z.boolean(),
      changed: z.boolean(),
    }),
  ),
});

export const journalSchema = z.object({
  classId: id,
  className: z.string(),
  subjectId: id,
  subjectName: z.string(),
  subgroupId: id.nullable(),
  period: z.object({ id, name: z.string(), from: isoDay, to: isoDay }).nullable(),
  /** REC-1, REC-2: why the shown period cannot change («Период закрыт …», «Учебный год закрыт …»), else null. */
  closed: z.string().nullable(),
  lessons: z.array(
    z.object({
      id,
      date: isoDay,
      bellNumber: z.int(),
      topic: z.string().nullable(),
      homework: z.string().nullable(),
      assignments: z.array(z.object({ id, typeName: z.string(), weight: z.number() })),
      /** JRN-6, REC-1: why marks and attendance of the lesson cannot change now (lib/journal/lock.ts), else null. */
      locked: z.string().nullable(),
    }),
  ),
  students: z.array(z.object({ id, name: z.string() })),
  marks: z.array(
    z.object({
      assignmentId: id,
      studentId: id,
      kind: z.enum(["GRADE", "PASS", "FAIL", "DEBT", "NOT_ATTESTED"]),
      value: z.int().nullable(),
      isHospital: z.boolean(),
    }),
  ),
  attendance: z.array(z.object({ lessonId: id, studentId: id, code: z.string(), missedHours: z.number().nullable() })),
});
