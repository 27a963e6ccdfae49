// Reads and writes of students at risk (DUT-5): the subjects a user reports on in a class, each
// student's risk from the diary's figures (periodOutlook), the parents with a login, the notices
// sent. Bound to the organisation; the scopes come from the gate.
import { db } from "@/lib/db";
import { listScope } from "@/lib/access/scope";
import type { Scope } from "@/lib/access/matrix";
import { studentPeriodData, studentsPeriodData, type StudentPeriodData } from "@/lib/diary/marks/data";
import { subjectOutlook } from "@/lib/diary/marks/loaders";
import { NAME_FIELDS, shortName } from "@/lib/people/names";
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { riskReasons } from "./rules";

/** The subjects of a class the user reports on: null = all (class teacher, department, all scope). */
export async function riskSubjects(
  organisationId: number,
  userId: number,
  scopes: readonly Scope[],
  classId: number,
): Promise<Set<number> | null> {
  const scope = await listScope({ organisationId, id: userId }, { scopes });
  if (scope.all || scope.classIds.includes(classId)) return null;
  return new Set(scope.taught.filter((l) => l.classId === classId).map((l) => l.subjectId));
}

export async function riskAbsencePercent(organisationId: number): Promise<number> {
  const s = await db.organisationSettings.findUnique({
    where: { organisationId },
    select: { riskAbsencePercent: true },
  });
  return s?.riskAbsencePercent ?? ORG_SETTINGS_DEFAULTS.riskAbsencePercent;
}

export type StudentRisk = { reasons: string[]; period: string | null };

/** A student's reasons over the allowed subjects of the period read (empty = not at risk). */
function riskOf(d: StudentPeriodData, subjects: ReadonlySet<number> | null, absencePercent: number): StudentRisk {
  const mine = d.subjects.filter((s) => subjects === null || subjects.has(s.subjectId));
  return {
    reasons: riskReasons(
      mine.map((s) => {
        const outlook = subjectOutlook(d, s);
        return {
          subjectName: s.subjectName,
          riskFail: outlook.riskFail,
          riskNotAttested: outlook.riskNotAttested,
          absences: outlook.absences,
          lessonsHeld: outlook.lessonsHeld,
        };
      }),
      absencePercent,
    ),
    period: d.period?.name ?? null,
  };
}

/** One student's reasons over the allowed subjects of their current period (empty = not at risk). */
export async function studentRisk(
  organisationId: number,
  studentId: number,
  subjects: ReadonlySet<number> | null,
  absencePercent: number,
  today: Date,
): Promise<StudentRisk> {
  return riskOf(await studentPeriodData(organisationId, studentId, today, null), subjects, absencePercent);
}

/**
 * `studentRisk` of a class's students at once: the same reasons from one read of the class's rows
 * (studentsPeriodData) instead of one diary read per student (issue 22 item 7).
 */
export async function studentsRisk(
  organisationId: number,
  studentIds: readonly number[],
  subjects: ReadonlySet<number> | null,
  absencePercent: number,
  today: Date,
): Promise<Map<number, StudentRisk>> {
  const data = await studentsPeriodData(organisationId, studentIds, today);
  return new Map([...data].map(([id, d]) => [id, riskOf(d, subjects, absencePercent)]));
}

/** The user ids of a student's parents who have a login. */
export async function parentUserIds(organisationId: number, studentId: number): Promise<number[]> {
  const links = await db.parentLink.findMany({
    where: { organisationId, studentId },
    select: { parent: { select: { userId: true } } },
  });
  return [...new Set(links.flatMap((l) => (l.parent.userId === null ? [] : [l.parent.userId])))];
}

export type RiskNoticeRow = { studentId: number; sentAt: Date; sender: string; reasons: string };

/** The notices sent about these students, newest first. */
export async function riskNoticesOf(organisationId: number, studentIds: readonly number[]): Promise<RiskNoticeRow[]> {
  if (studentIds.length === 0) return [];
  const rows = await db.riskNotice.findMany({
    where: { organisationId, studentId: { in: [...studentIds] } },
    orderBy: { sentAt: "desc" },
    select: {
      studentId: true,
      sentAt: true,
      reasons: true,
      sender: { select: NAME_FIELDS },
    },
  });
  return rows.map((r) => ({
    studentId: r.studentId,
    sentAt: r.sentAt,
    sender: shortName(r.sender),
    reasons: r.reasons,
  }));
}

export async function createRiskNotice(n: {
  organisationId: number;
  studentId: number;
  senderId: number;
  messageId: number;
  reasons: string;
  sentAt: Date;
}): Promise<void> {
  await db.riskNotice.create({ data: n });
}
