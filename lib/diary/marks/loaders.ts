// Session-bound reads of the diary's marks view (DRY-2, DRY-3, FIN-5) and its last-visit highlights
// (DRY-7). The page authorises `diary.view` on the student first; these only read that student.
// The forecast is lib/journal/averages.ts periodOutlook — the same function the journal grid and
// the finals page use, so the three always agree.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { averageOf, finalLabel, periodOutlook, type MarkScale, type Outlook } from "@/lib/journal/averages";
import { periodClosedReason } from "@/lib/journal/lock";
import { todayIn } from "@/lib/org/time";
import { nextSeen } from "../rules";
import { serverNow } from "@/lib/org/clock";
import {
  defaultPeriodId as defaultPeriodIdOf,
  diarySeen,
  newSince,
  studentPeriodData,
  type PeriodRef,
  type SeenRow,
  type StudentMark,
  type StudentPeriodData,
  type StudentYear,
  type SubjectMarks,
} from "./data";

/** The student's current period (the route has authorised the student). */
export const defaultPeriodId = (organisationId: number, studentId: number, today: Date) =>
  defaultPeriodIdOf(organisationId, studentId, today);

export type SubjectView = {
  subjectId: number;
  subjectName: string;
  /** Academic hours missed in the subject (college RPT-8). */
  absentHours: number;
  marks: (StudentMark & { running: number | null })[];
  outlook: Outlook;
  /** The period's final and the year / exam / final marks, as read (FIN-5: shown as soon as saved). */
  periodFinal: string | null;
  otherFinals: { label: string; value: string }[];
};

export type MarksView = {
  /** The student's years (REC-3) and the one shown; a closed year reads without forecasts. */
  years: StudentYear[];
  yearId: number | null;
  yearClosed: boolean;
  periods: PeriodRef[];
  period: PeriodRef | null;
  classId: number | null;
  className: string | null;
  /** The organisation's mark scale (DAY-5: the charts' axis). */
  scale: MarkScale;
  orgName: string;
  subjects: SubjectView[];
  totalAbsences: number;
  /** Academic hours missed (college RPT-8). */
  totalAbsentHours: number;
  /** REC-1: «Период закрыт 28.12.2026 (приказ № …): 2 четверть» — the period's finals are final. */
  closed: string | null;
};

const KIND_LABEL: Record<string, string> = {
  YEAR: "Год",
  EXAM: "Экзамен",
  FINAL: "Итоговая",
  ATTESTATION: "Аттестация",
};

/** A subject's forecast and risks over the period's rows (periodOutlook: the grid's, the diary's and the finals page's figures). */
export function subjectOutlook(d: Pick<StudentPeriodData, "method" | "scale">, s: SubjectMarks): Outlook {
  return periodOutlook({
    marks: s.marks,
    method: d.method,
    scale: d.scale,
    passFail: s.passFail,
    absences: s.absences,
    lessonsHeld: s.lessonsHeld,
  });
}

export async function studentMarksView(
  organisationId: number,
  studentId: number,
  today: Date,
  periodId: number | null,
  yearId: number | null = null,
): Promise<MarksView> {
  const d = await studentPeriodData(organisationId, studentId, today, periodId, yearId);
  const subjects = d.subjects.map((s) => {
    const running = s.marks.map((_, i) => averageOf(s.marks.slice(0, i + 1), d.method).average);
    const periodFinal = s.finals.find((f) => f.kind === "PERIOD" && f.periodId === d.period?.id);
    return {
      subjectId: s.subjectId,
      subjectName: s.subjectName,
      absentHours: s.absentHours,
      marks: s.marks.map((m, i) => ({ ...m, running: running[i] })),
      outlook: subjectOutlook(d, s),
      periodFinal: periodFinal ? finalLabel(periodFinal) : null,
      otherFinals: s.finals
        .filter((f) => f.kind !== "PERIOD")
        .map((f) => ({ label: KIND_LABEL[f.kind] ?? f.kind, value: finalLabel(f) })),
    };
  });
  return {
    years: d.years,
    yearId: d.yearId,
    yearClosed: d.years.find((y) => y.id === d.yearId)?.status === "CLOSED",
    periods: d.periods,
    period: d.period,
    classId: d.classId,
    className: d.className,
    scale: d.scale,
    orgName: d.orgName,
    subjects,
    totalAbsences: subjects.reduce((n, s) => n + s.outlook.absences, 0),
    totalAbsentHours: subjects.reduce((n, s) => n + s.absentHours, 0),
    closed:
      d.closed && d.period
        ? periodClosedReason({
            closedOn: todayIn(d.closed.timeZone, d.closed.closedAt),
            basis: d.closed.basis,
            name: d.period.name,
          })
        : null,
  };
}

export const loadStudentMarks = cache(
  (user: CurrentUser, studentId: number, periodId: number | null, yearId: number | null = null) =>
    studentMarksView(user.organisationId, studentId, todayIn(user.timeZone), periodId, yearId),
);

export type VisitNews = { since: Date | null; marks: number; homework: number; messages: number };

/**
 * DRY-7: what is new since the family member's previous visit — read only (issue 19 item 6: loaders
 * never write). The page then records this view through POST /diary/<id>/seen (recordDiaryVisit in
 * lib/diary/commands.ts), so the next visit after VISIT_GAP highlights what came since this one.
 */
export async function diaryVisitNews(
  organisationId: number,
  userId: number,
  studentId: number,
  now: Date = new Date(),
): Promise<VisitNews> {
  return visitNewsAfter(organisationId, userId, studentId, await diarySeen(organisationId, userId, studentId), now);
}

/**
 * diaryVisitNews from a last-seen record already read (the week page reads it in its DIARY_WEEK_PAGE
 * statement, with the counts after the «since» it expects: `counted`, taken only when nextSeen picks
 * the same moment — else the counts are read here).
 */
export async function visitNewsAfter(
  organisationId: number,
  userId: number,
  studentId: number,
  seen: SeenRow | null,
  now: Date,
  counted: { since: Date; marks: number; homework: number; messages: number } | null = null,
): Promise<VisitNews> {
  const next = nextSeen(seen, now);
  if (next.sinceAt.getTime() >= now.getTime()) return { since: null, marks: 0, homework: 0, messages: 0 };
  if (counted && counted.since.getTime() === next.sinceAt.getTime()) return { ...counted, since: next.sinceAt };
  return { since: next.sinceAt, ...(await newSince(organisationId, userId, studentId, next.sinceAt)) };
}

export const loadDiaryVisit = cache((user: CurrentUser, studentId: number) =>
  diaryVisitNews(user.organisationId, user.id, studentId, serverNow()),
);
