// DAY-5: the pictures' data for a page that has authorised the student or the class. The privacy rule
// (five marks or more) is applied here through lib/charts/rules.ts before anything reaches a page.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import type { MarkScale } from "@/lib/journal/averages";
import { formatDate } from "@/lib/org/time";
import { absenceRows, classMarksByDay, classWorks, classYearAndScale, type WorkMarks } from "./data";
import { absencesByMonth, classRunningAverage, distributionOf, type Distribution, type MonthAbsences } from "./rules";

export type WorkDistribution = { id: number; title: string; distribution: Distribution };

function distributions(works: WorkMarks[], scale: MarkScale): WorkDistribution[] {
  return works.flatMap((w) => {
    const distribution = distributionOf(w.values, scale.minMark, scale.maxMark);
    return distribution
      ? [{ id: w.id, title: `${w.subjectName}: ${w.typeName.toLowerCase()}, ${formatDate(w.date)}`, distribution }]
      : [];
  });
}

export type StudentCharts = {
  /** Per subject id, the class's running average over the period (only once five marks make it). */
  classAverage: Map<number, { date: Date; value: number }[]>;
  /** The year's absences by month (up to today). */
  absences: MonthAbsences[];
  /** The class's control works of the period with five marks or more. */
  works: WorkDistribution[];
};

/** For the diary's marks page and the student card: the period's class averages, the year's absences, the works. */
export async function studentCharts(
  organisationId: number,
  studentId: number,
  view: {
    classId: number | null;
    period: { start: Date; end: Date } | null;
    periods: { start: Date; end: Date }[];
    scale: MarkScale;
  },
  today: Date,
): Promise<StudentCharts> {
  const yearFrom = view.periods[0]?.start ?? view.period?.start ?? today;
  const yearTo = new Date(Math.min(today.getTime(), (view.periods.at(-1)?.end ?? today).getTime()));
  const [byDay, works, absences] = await Promise.all([
    view.classId !== null && view.period
      ? classMarksByDay(organisationId, view.classId, view.period.start, view.period.end)
      : Promise.resolve([]),
    view.classId !== null && view.period
      ? classWorks(organisationId, view.classId, view.period.start, view.period.end, true)
      : Promise.resolve([]),
    yearFrom.getTime() <= yearTo.getTime()
      ? absenceRows(organisationId, { studentId }, yearFrom, yearTo)
      : Promise.resolve([]),
  ]);
  const perSubject = new Map<number, { date: Date; sum: number; count: number }[]>();
  for (const d of byDay) perSubject.set(d.subjectId, [...(perSubject.get(d.subjectId) ?? []), d]);
  return {
    classAverage: new Map([...perSubject].map(([id, days]) => [id, classRunningAverage(days)])),
    absences: yearFrom.getTime() <= yearTo.getTime() ? absencesByMonth(absences, yearFrom, yearTo) : [],
    works: distributions(works, view.scale),
  };
}

export const loadStudentCharts = cache(
  (user: CurrentUser, studentId: number, view: Parameters<typeof studentCharts>[2], today: Date) =>
    studentCharts(user.organisationId, studentId, view, today),
);

export type ClassCharts = { absences: MonthAbsences[]; works: WorkDistribution[] };

/** For the class page: the class's absences by month over its year (up to today) and its recent works. */
export async function classCharts(organisationId: number, classId: number, today: Date): Promise<ClassCharts | null> {
  const cls = await classYearAndScale(organisationId, classId);
  if (!cls) return null;
  const from = cls.start;
  const to = new Date(Math.min(today.getTime(), cls.end.getTime()));
  if (from.getTime() > to.getTime()) return { absences: [], works: [] };
  const [absences, works] = await Promise.all([
    absenceRows(organisationId, { classId }, from, to),
    classWorks(organisationId, classId, from, to, true),
  ]);
  return { absences: absencesByMonth(absences, from, to), works: distributions(works, cls.scale).slice(0, 12) };
}
