// PRG-4 session-bound reads: the staff page (a class in the user's assessments.view scope, one of
// its periods, the schedule with warnings and the published version), the family's diary section
// (the published schedule of the student's class) and the printable model. A class or a student
// from the URL is authorised again through the gate.
import { authorize } from "@/lib/access/authorize";
import type { Scope } from "@/lib/access/matrix";
import { classesToList, listScope } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { studentClassOn } from "@/lib/people/data";
import { currentPeriod } from "@/lib/finals/rules";
import { classesForReasons } from "@/lib/journal/reasons/data";
import { approvedStreams, classFacts, classLessons, classPeriods, latestPublication, type PeriodRow } from "./data";
import { buildSchedule, hoursBySubject, parsePublished, withChanges, type Schedule, type ShownItem } from "./rules";

export type ClassSchedule = {
  classId: number;
  className: string;
  organisationName: string;
  yearName: string;
  periods: PeriodRow[];
  period: PeriodRow;
  schedule: Schedule;
  /** The current items with the differences from the published version marked (none unpublished). */
  shown: ShownItem[];
  publication: { version: number; publishedAt: Date; publishedBy: string | null } | null;
  /** Differences from the published version (moved, added, removed). */
  changed: number;
};

/** The schedule of a class for a period (`periodId` of the class's year, else the current one). */
export async function classSchedule(
  organisationId: number,
  classId: number,
  periodId: number | null,
  today: Date,
): Promise<ClassSchedule | null> {
  const cls = await classFacts(organisationId, classId);
  if (!cls) return null;
  const periods = await classPeriods(organisationId, cls);
  const period =
    (periodId !== null ? periods.find((p) => p.id === periodId) : (currentPeriod(periods, today) ?? periods[0])) ??
    null;
  if (!period) return null;
  const [streams, lessons, published] = await Promise.all([
    approvedStreams(organisationId, cls),
    classLessons(organisationId, classId, period.start, period.end),
    latestPublication(organisationId, classId, period.id),
  ]);
  const schedule = buildSchedule(streams, hoursBySubject(lessons, period), period);
  const shown = withChanges(schedule.items, published ? parsePublished(published.items) : null);
  return {
    classId,
    className: cls.name,
    organisationName: cls.organisation.name,
    yearName: cls.year.name,
    periods,
    period,
    schedule,
    shown,
    publication: published
      ? { version: published.version, publishedAt: published.publishedAt, publishedBy: published.publishedBy }
      : null,
    changed: shown.filter((s) => s.change !== null).length,
  };
}

const positive = (v: unknown): number | null => {
  const n = Number(typeof v === "string" ? v : NaN);
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
};

/** The staff page: the classes in scope, the chosen class's schedule, whether the user may publish it. */
export async function loadAssessmentPage(
  user: CurrentUser,
  scopes: readonly Scope[],
  search: Record<string, string | string[] | undefined>,
  today: Date,
) {
  const ids = classesToList(await listScope(user, { scopes }));
  const classes = await classesForReasons(user.organisationId, { all: ids === null, classIds: ids ? [...ids] : [] });
  const classId = positive(search.class) ?? classes[0]?.id ?? null;
  const empty = { classes, classId, data: null, canPublish: false };
  if (classId === null) return { ...empty, allowed: true };
  const decision = await authorize(user, "assessments.view", { kind: "class", classId });
  if (!decision.allowed) return { ...empty, allowed: false };
  const [data, publish] = await Promise.all([
    classSchedule(user.organisationId, classId, positive(search.period), today),
    authorize(user, "assessments.publish", { kind: "class", classId }),
  ]);
  return { classes, classId, data, canPublish: publish.allowed, allowed: true };
}

/**
 * The diary's section (PRG-4): the student's class on `today` and its schedule — shown only once a
 * version is published (null data = nothing published yet for that period).
 */
export async function loadFamilySchedule(
  organisationId: number,
  studentId: number,
  periodId: number | null,
  today: Date,
): Promise<{ classId: number | null; periods: PeriodRow[]; period: PeriodRow | null; data: ClassSchedule | null }> {
  const classId = await studentClassOn(organisationId, studentId, today);
  if (classId === null) return { classId, periods: [], period: null, data: null };
  const data = await classSchedule(organisationId, classId, periodId, today);
  // Families see nothing of a schedule that was never published for the period.
  return { classId, periods: data?.periods ?? [], period: data?.period ?? null, data: data?.publication ? data : null };
}
