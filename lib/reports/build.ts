// One entry point from a parsed request to a file: model → PDF or XLSX.
import { formatDate } from "@/lib/org/time";
import { buildAttendanceReport } from "./attendance";
import { CONTENT_TYPES } from "./download";
import { reportScope, reportYearId, staffName } from "./data";
import { buildGroupHoursReport, buildTeacherHoursReport } from "./hours";
import { buildJournalReport } from "./journal";
import { buildPreliminaryReport, buildRatingReport } from "./rating";
import { pickClasses } from "./scope-rules";
import { buildVkrReport } from "./vkr";
import type { ReportModel } from "./model";
import { buildFailuresReport } from "./failures";
import { buildOccupancyReport } from "./occupancy";
import { buildContingentReport } from "./contingent";
import { buildProgressReport } from "./progress";
import { buildStudentPeriodReport } from "./student-period";
import { buildSummaryReport } from "./summary";
import { renderPdf } from "./render-pdf";
import { renderXlsx } from "./render-xlsx";
import type { ReportRequest } from "./schema";

/**
 * The request's model, or null when its class, period, year or teacher is not in the organisation.
 * `teacherId` of «teacher-hours» must be set by the caller (the route fills in the signed-in user).
 */
export async function buildModel(organisationId: number, req: ReportRequest, now: Date): Promise<ReportModel | null> {
  if (req.report === "student")
    return buildStudentPeriodReport({ organisationId, studentId: req.studentId, periodId: req.periodId, now });
  const scope = await reportScope(organisationId, await reportYearId(organisationId, req));
  const { orgName, isCollege, year } = scope;
  if (!year) return null;
  const one = "classId" in req && req.classId ? scope.classes.find((c) => c.id === req.classId) : undefined;
  if ("classId" in req && req.classId && !one) return null;
  const periodOf = (id: number | undefined) =>
    id === undefined ? null : (scope.periods.find((p) => p.id === id) ?? undefined);
  switch (req.report) {
    case "summary":
    case "journal":
    case "rating": {
      const period = periodOf(req.periodId);
      if (period === undefined) return null;
      const base = { organisationId, orgName, isCollege, cls: one!, period, year, now };
      if (req.report === "summary") return buildSummaryReport(base);
      if (req.report === "rating") return buildRatingReport(base);
      return buildJournalReport({ ...base, subjectId: req.subjectId });
    }
    case "preliminary":
      return buildPreliminaryReport({
        organisationId,
        orgName,
        isCollege,
        cls: one!,
        month: req.month,
        periods: scope.periods,
        now,
      });
    case "group-hours":
      return buildGroupHoursReport({ organisationId, orgName, isCollege, cls: one!, month: req.month, now });
    case "teacher-hours": {
      const teacherName = req.teacherId ? await staffName(organisationId, req.teacherId) : null;
      if (!req.teacherId || !teacherName) return null;
      return buildTeacherHoursReport({
        organisationId,
        orgName,
        isCollege,
        teacherId: req.teacherId,
        teacherName,
        month: req.month,
        now,
      });
    }
    case "attendance":
      return buildAttendanceReport({ organisationId, orgName, isCollege, cls: one!, from: req.from, to: req.to, now });
  }
  // Reports over many classes: one class, a parallel, a department or the whole organisation.
  const picked = pickClasses(scope.classes, req, scope.departments, isCollege);
  if (picked.classes.length === 0) return null;
  if (req.report === "vkr") {
    if (!isCollege) return null;
    return buildVkrReport({
      organisationId,
      orgName,
      scopeLabel: picked.label,
      classes: picked.classes,
      yearEnd: year.endDate,
      now,
    });
  }
  if (req.report === "occupancy")
    return buildOccupancyReport({ organisationId, orgName, isCollege, classes: picked.classes, date: req.date, now });
  const period = scope.periods.find((p) => p.id === req.periodId);
  if (!period) return null;
  if (req.report === "contingent")
    return buildContingentReport({ organisationId, orgName, isCollege, classes: picked.classes, period, now });
  // Classes that use this kind of period (quarters, half-years, semesters); the 1st grade is
  // taught without marks (JRN-10) and has no finals to count.
  const classes = one
    ? [one]
    : picked.classes.filter((c) => c.periodKind === period.kind && (isCollege || c.grade > 1));
  if (classes.length === 0) return null;
  const scopeLabel = one ? one.name : `${picked.label}: классы и группы с этим видом периода`;
  return req.report === "progress"
    ? buildProgressReport({ organisationId, orgName, scopeLabel, classes, period, now })
    : buildFailuresReport({ organisationId, orgName, scopeLabel, classes, period, now });
}

export type ReportFile = { bytes: Buffer; contentType: string; fileName: string };

/** A built model as a file of the format; the file name carries the title, scope and date. */
export async function renderModel(model: ReportModel, format: "pdf" | "xlsx", now: Date): Promise<ReportFile> {
  const stamp = formatDate(new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`));
  const fileName = `${model.title} ${model.parameters[0]?.value ?? ""} ${stamp}.${format}`.replace(
    /[\\/:*?"<>|]/g,
    "_",
  );
  return format === "pdf"
    ? { bytes: await renderPdf(model), contentType: CONTENT_TYPES.pdf, fileName }
    : { bytes: await renderXlsx(model), contentType: CONTENT_TYPES.xlsx, fileName };
}

export async function buildReport(organisationId: number, req: ReportRequest, now: Date): Promise<ReportFile | null> {
  const model = await buildModel(organisationId, req, now);
  return model ? renderModel(model, req.format, now) : null;
}
