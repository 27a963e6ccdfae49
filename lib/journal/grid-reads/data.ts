// The grid window's own reads (issue 22 item 4, lib/journal/grid-load.ts uses them): the period's
// lesson index without cells, and each student's marks and absences outside the window aggregated
// in one statement. Bound to the organisation (ACL-5), served by the lesson and cell indexes.
import { db, rawStatement } from "@/lib/db";
import { col, jsonArray } from "@/lib/sql";
import { isoDate } from "@/lib/org/time";
import { Prisma } from "@/prisma/generated/prisma/client";
import { gridLessonsWhere } from "../data";
import { hiddenMarksCode, type HiddenSums } from "../grid";
import type { AverageInput } from "../averages";
import type { MarkKindName } from "../marks";

/** The grid's range: organisation, class, subject, subgroup, first and last date (ISO). */
export type LessonArgs = Parameters<typeof gridLessonsWhere>;

/** The period's lessons in the grid's order: ids and dates only (the window is chosen from these). */
export const GRID_LESSON_INDEX = rawStatement(
  { id: col.int, date: col.date },
  (...args: LessonArgs) => Prisma.sql`
    SELECT l.id, l.date FROM "Lesson" l
     WHERE ${gridLessonsWhere(...args)}
     ORDER BY l.date, l."bellNumber", l.id`,
);

/**
 * The marks and absences of the range's lessons outside `windowIds`, per student, in ONE statement:
 * marks grouped by what the averages take (kind, value, hospital, the assignment's weight or its
 * type's), absences (ОП is not one) counted with their missed hours or the lesson's.
 */
export const GRID_HIDDEN = rawStatement(
  {
    /** [[studentId, kind, value, isHospital, weight, count]] */
    marks: col.jsonArray,
    /** [[studentId, count, hours]] */
    absences: col.jsonArray,
  },
  (...args: [...LessonArgs, windowIds: readonly number[]]) => Prisma.sql`
    WITH l AS MATERIALIZED (
      SELECT l.id, l.hours FROM "Lesson" l
       WHERE ${gridLessonsWhere(...(args.slice(0, 6) as LessonArgs))}
         AND NOT (l.id = ANY(${[...args[6]]}::int[]))
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_array(g."studentId", g.kind, g.value, g."isHospital", g.weight, g.n)), '[]'::json)
         FROM (SELECT m."studentId", m.kind, m.value, m."isHospital", coalesce(a.weight, t.weight, 1)::float8 AS weight, count(*)::int AS n
                 FROM l
                 JOIN "Assignment" a ON a."organisationId" = ${args[0]} AND a."lessonId" = l.id
                 JOIN "Mark" m ON m."organisationId" = a."organisationId" AND m."assignmentId" = a.id
                 LEFT JOIN "AssignmentType" t ON t."organisationId" = a."organisationId" AND t.id = a."typeId"
                GROUP BY 1, 2, 3, 4, 5) g) AS marks,
      (SELECT coalesce(json_agg(json_build_array(g."studentId", g.n, g.hours)), '[]'::json)
         FROM (SELECT x."studentId", count(*)::int AS n, sum(coalesce(x."missedHours", l.hours))::float8 AS hours
                 FROM l JOIN "Attendance" x ON x."organisationId" = ${args[0]} AND x."lessonId" = l.id
                WHERE x.code <> 'OP'
                GROUP BY 1) g) AS absences`,
);

export async function lessonIndex(args: LessonArgs): Promise<{ id: number; date: string }[]> {
  const rows = await GRID_LESSON_INDEX.run(db, ...args);
  return rows.map((r) => ({ id: r.id, date: isoDate(r.date) }));
}

/** Each student's HiddenSums over the range's lessons outside the window. */
export async function hiddenSums(args: LessonArgs, windowIds: readonly number[]): Promise<Record<number, HiddenSums>> {
  const [r] = await GRID_HIDDEN.run(db, ...args, windowIds);
  const marks = new Map<number, AverageInput[]>();
  for (const [studentId, kind, value, isHospital, weight, n] of jsonArray<
    [number, MarkKindName, number | null, boolean, number, number]
  >(r?.marks)) {
    const list = marks.get(studentId) ?? [];
    for (let i = 0; i < n; i++) list.push({ kind, value, weight, isHospital });
    marks.set(studentId, list);
  }
  const absences = new Map(
    jsonArray<[number, number, number]>(r?.absences).map(([studentId, n, hours]) => [studentId, [n, hours]]),
  );
  const sums: Record<number, HiddenSums> = {};
  for (const id of new Set([...marks.keys(), ...absences.keys()])) {
    const [count, hours] = absences.get(id) ?? [0, 0];
    sums[id] = [hiddenMarksCode(marks.get(id) ?? []), count, hours];
  }
  return sums;
}
