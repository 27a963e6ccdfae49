// Expected absences for the journal grid's attendance column (DUT-4): read by the journal's loader,
// so they live with the journal (the lower domain) — lib/absences records and decides them.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import type { AttendanceCodeName } from "@/lib/journal/rules";

/**
 * An absence's own record (DUT-4): the student, the days, the reason and the supporting document —
 * what the grid shows here and what lib/absences lists and edits (it adds the id).
 */
export const ABSENCE_RECORD = {
  studentId: true,
  dateFrom: true,
  dateTo: true,
  reason: true,
  documentKind: true,
  documentNumber: true,
  documentDate: true,
} as const;

export type ExpectedAbsence = { studentId: number; from: Date; to: Date; code: AttendanceCodeName; note: string };

/**
 * Expected absences of students between two dates (DUT-4): accepted or recorded absences and the
 * parents' notices still waiting for the class teacher — what the grid's attendance column shows.
 */
export async function expectedAbsences(
  organisationId: number,
  students: readonly number[] | { classId: number },
  from: Date,
  to: Date,
): Promise<{ absences: ExpectedAbsence[]; notices: ExpectedAbsence[] }> {
  if ("length" in students && students.length === 0) return { absences: [], notices: [] };
  // By ids, or (the journal grid, read beside its rows) everyone in the class at some day of the range.
  const who =
    "classId" in students
      ? {
          student: {
            memberships: {
              some: {
                organisationId,
                classId: students.classId,
                ...spanMeets(from, to),
              },
            },
          },
        }
      : { studentId: { in: [...students] } };
  const range = { dateFrom: { lte: to }, dateTo: { gte: from } };
  const [absences, notices] = await Promise.all([
    db.absence.findMany({
      where: { organisationId, ...who, status: "ACTIVE", ...range },
      select: ABSENCE_RECORD,
    }),
    db.absenceNotice.findMany({
      where: { organisationId, ...who, status: "PENDING", ...range },
      select: { studentId: true, dateFrom: true, dateTo: true, reason: true },
    }),
  ]);
  return {
    absences: absences.map((a) => ({
      studentId: a.studentId,
      from: a.dateFrom,
      to: a.dateTo,
      code: a.reason,
      note: [a.documentKind, a.documentNumber ? `№ ${a.documentNumber}` : null].filter(Boolean).join(" "),
    })),
    notices: notices.map((n) => ({
      studentId: n.studentId,
      from: n.dateFrom,
      to: n.dateTo,
      code: n.reason,
      note: "родитель сообщил, ждёт ответа классного руководителя",
    })),
  };
}
