// REG-3: reads for the import of external results and their comparison — one organisation's.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import { currentYear } from "@/lib/org/setup/data";
import { normal } from "@/lib/people/import/rules";
import type { Exam, ResultLookup } from "./rules";
import { NAME_FIELDS } from "@/lib/people/names";
import { compareRu } from "@/lib/org/collation";

export { currentYear };

/** The current year's classes with the students in them on `today`, and the subjects, by lower-case name. */
export async function resultLookup(organisationId: number, yearId: number, today: Date): Promise<ResultLookup> {
  const [classes, subjects] = await Promise.all([
    db.classGroup.findMany({
      where: { organisationId, yearId },
      select: {
        id: true,
        name: true,
        memberships: {
          where: spanMeets(today),
          select: { student: { select: { id: true, ...NAME_FIELDS } } },
        },
      },
    }),
    db.subject.findMany({ where: { organisationId }, select: { id: true, name: true, shortName: true } }),
  ]);
  const subjectMap = new Map<string, number>();
  for (const s of subjects) {
    subjectMap.set(normal(s.name), s.id);
    if (s.shortName && !subjectMap.has(normal(s.shortName))) subjectMap.set(normal(s.shortName), s.id);
  }
  return {
    classes: new Map(classes.map((c) => [normal(c.name), { id: c.id, students: c.memberships.map((m) => m.student) }])),
    subjects: subjectMap,
  };
}

/** Exams and subjects with imported results in the year (the comparison's picker). */
export async function resultSets(organisationId: number, yearId: number) {
  const rows = await db.externalResult.groupBy({
    by: ["exam", "subjectId"],
    where: { organisationId, yearId },
    _count: { _all: true },
  });
  const names = new Map(
    (
      await db.subject.findMany({
        where: { organisationId, id: { in: rows.map((r) => r.subjectId) } },
        select: { id: true, name: true },
      })
    ).map((s) => [s.id, s.name]),
  );
  return rows
    .map((r) => ({
      exam: r.exam as Exam,
      subjectId: r.subjectId,
      subject: names.get(r.subjectId) ?? "",
      count: r._count._all,
    }))
    .sort((a, b) => a.exam.localeCompare(b.exam) || compareRu(a.subject, b.subject));
}

export async function resultsOf(organisationId: number, yearId: number, exam: Exam, subjectId: number) {
  return db.externalResult.findMany({
    where: { organisationId, yearId, exam, subjectId },
    select: { classId: true, studentId: true, mark: true, taskScores: true, taskMax: true },
  });
}

/** The year marks (FIN: kind YEAR) of the students in the subject, in classes of the year. */
export async function yearMarksOf(
  organisationId: number,
  yearId: number,
  subjectId: number,
  studentIds: readonly number[],
): Promise<Map<number, number>> {
  const rows = await db.finalMark.findMany({
    where: {
      organisationId,
      subjectId,
      kind: "YEAR",
      studentId: { in: [...studentIds] },
      value: { not: null },
      class: { yearId },
    },
    select: { studentId: true, value: true },
  });
  return new Map(rows.map((r) => [r.studentId, r.value!]));
}

export async function classNames(organisationId: number, ids: readonly number[]) {
  return db.classGroup.findMany({
    where: { organisationId, id: { in: [...ids] } },
    select: { id: true, name: true, grade: true },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
  });
}
