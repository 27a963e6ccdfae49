// One entry point from a parsed request to a file: model → PDF or XLSX; RPT-1, RPT-3 and RPT-12
// over many classes → a ZIP with one file per class (PRN-8, made by the background jobs).
import JSZip from "jszip";
import { buildAttendanceReport } from "./attendance";
import { buildAttendanceSheet, buildGroupsAttendance, buildSpecialtiesAttendance } from "./attendance-forms";
import { CONTENT_TYPES } from "./download";
import {
  organisationSignatories,
  organisationTimeZone,
  reportScope,
  reportYearId,
  staffName,
  type OrganisationSignatories,
  type ReportScope,
} from "./data";
import { buildGroupHoursReport, buildTeacherHoursReport } from "./hours";
import { buildJournalReport } from "./journal";
import { buildPreliminaryReport, buildRatingReport } from "./rating";
import { pickClasses, signPlanOf } from "./scope-rules";
import { buildVkrReport } from "./vkr";
import type { ReportModel } from "./model";
import { buildFailuresReport } from "./failures";
import { buildOccupancyReport } from "./occupancy";
import { buildContingentReport } from "./contingent";
import { buildProgressReport } from "./progress";
import { buildSpecialtiesProgress, buildSubjectProgress, buildTeacherReport } from "./progress-forms";
import { buildStudentPeriodReport } from "./student-period";
import { buildSummaryReport } from "./summary";
import { renderPdf } from "./render-pdf";
import { renderXlsx } from "./render-xlsx";
import { isArchiveRequest, pickOf, type ReportRequest } from "./schema";
import { reportFileName } from "./rules";

/**
 * The request's model, or null when its class, period, year or teacher is not in the organisation.
 * `teacherId` of «teacher-hours» and «teacher-report» must be set by the caller (the route fills in
 * the signed-in user). Requests for a ZIP (isArchiveRequest) are built by buildArchive.
 */
export async function buildModel(organisationId: number, req: ReportRequest, now: Date): Promise<ReportModel | null> {
  return (await buildModelInZone(organisationId, req, now)).model;
}

/**
 * buildModel's model with the organisation's time zone it was built in: the zone is read once per build
 * (issue 22) — with the scope, or alone for the student's report — and serves both the builders' «today»
 * and the renderer's «Дата печати» (PRN).
 */
export async function buildModelInZone(
  organisationId: number,
  req: ReportRequest,
  now: Date,
  signatories?: () => Promise<OrganisationSignatories>,
): Promise<{ model: ReportModel | null; timeZone: string }> {
  if (req.report === "student") {
    const timeZone = await organisationTimeZone(organisationId);
    const { studentId, periodId } = req;
    return { model: await buildStudentPeriodReport({ organisationId, studentId, periodId, timeZone, now }), timeZone };
  }
  const scope = await reportScope(organisationId, await reportYearId(organisationId, req));
  return { model: await modelOfScope(organisationId, req, now, scope, signatories), timeZone: scope.timeZone };
}

/**
 * The organisation's signatories (PRN-2) read at most once, on the first model that signs: shared by
 * the files of one archive (PRN-8's ZIP, ARC-1's year archive) — issue 22: before, each class's (and
 * each period's) signature block read the organisation's director, deputy and departments again.
 */
export function signatoriesOnce(organisationId: number): () => Promise<OrganisationSignatories> {
  let read: Promise<OrganisationSignatories> | null = null;
  // A failed read is not kept: the year archive skips the one file that failed and goes on (its next file
  // reads again), as it did when each file read its own.
  return () =>
    (read ??= organisationSignatories(organisationId).catch((error: unknown) => {
      read = null;
      throw error;
    }));
}

/** Every request but the student's: built over the organisation's scope (reportScope). */
type ScopedRequest = Exclude<ReportRequest, { report: "student" }>;

/**
 * The model of a scoped request over the scope already read (its year, classes, periods, zone);
 * `signatories`: the organisation's signatories read once for many models (buildArchive).
 */
async function modelOfScope(
  organisationId: number,
  req: ScopedRequest,
  now: Date,
  scope: ReportScope,
  signatories?: () => Promise<OrganisationSignatories>,
): Promise<ReportModel | null> {
  const { orgName, isCollege, timeZone, year, periods } = scope;
  if (!year) return null;
  const periodOf = (id: number | undefined) =>
    id === undefined ? null : (periods.find((p) => p.id === id) ?? undefined);
  const base = { organisationId, orgName, isCollege, timeZone, year, now, signatories };
  if (req.report === "teacher-hours" || req.report === "teacher-report") {
    const teacherName = req.teacherId ? await staffName(organisationId, req.teacherId) : null;
    if (!req.teacherId || !teacherName) return null;
    if (req.report === "teacher-hours")
      return buildTeacherHoursReport({ ...base, teacherId: req.teacherId, teacherName, month: req.month });
    const period = periodOf(req.periodId);
    if (!period) return null;
    return buildTeacherReport({
      ...base,
      teacherId: req.teacherId,
      teacherName,
      classes: scope.classes,
      period,
      periods,
    });
  }
  const pick = pickOf(req)!;
  const picked = pickClasses(scope.classes, pick, scope.departments, isCollege);
  if (picked.classes.length === 0) return null;
  const one = pick.classId !== undefined ? picked.classes[0] : undefined;
  const many = { ...base, scopeLabel: picked.label, classes: picked.classes, sign: signPlanOf(pick) };
  switch (req.report) {
    case "summary":
    case "journal":
    case "rating": {
      const period = periodOf(req.periodId);
      if (period === undefined || !one) return null;
      const cls = { ...base, cls: one, period, periods };
      if (req.report === "summary") return buildSummaryReport(cls);
      if (req.report === "rating") return buildRatingReport(cls);
      return buildJournalReport({ ...cls, subjectId: req.subjectId });
    }
    case "preliminary":
      return buildPreliminaryReport({ ...base, cls: one!, month: req.month, periods });
    case "group-hours":
      return buildGroupHoursReport({ ...base, cls: one!, month: req.month });
    case "attendance":
      return one ? buildAttendanceReport({ ...base, cls: one, from: req.from, to: req.to }) : null;
    case "attendance-sheet":
      return buildAttendanceSheet({ ...many, single: !!one, from: req.from, to: req.to, by: req.by });
    case "attendance-groups":
      return buildGroupsAttendance({ ...many, single: !!one, from: req.from, to: req.to });
    case "attendance-specialties":
      return buildSpecialtiesAttendance({ ...many, single: !!one, from: req.from, to: req.to });
    case "vkr":
      return isCollege ? buildVkrReport({ ...many, yearEnd: year.endDate }) : null;
    case "occupancy":
      return buildOccupancyReport({ ...many, date: req.date });
  }
  const period = periods.find((p) => p.id === req.periodId);
  if (!period) return null;
  switch (req.report) {
    case "contingent":
      return buildContingentReport({ ...many, allClasses: scope.classes, period });
    case "progress":
      return buildProgressReport({ ...many, period, periods });
    case "progress-specialties":
      return buildSpecialtiesProgress({ ...many, period, periods });
    case "subject-progress":
      return buildSubjectProgress({ ...many, period, periods, subjectId: req.subjectId });
    case "failures":
      return buildFailuresReport({ ...many, period, periods });
  }
}

export type ReportFile = { bytes: Buffer; contentType: string; fileName: string };

/** A built model as a file of the format, under its short name (PRN-10). */
/** The file of a model; `timeZone` is the organisation's (the printed date, PRN). */
export async function renderModel(model: ReportModel, format: "pdf" | "xlsx", timeZone: string): Promise<ReportFile> {
  const fileName = `${model.fileName ?? reportFileName([model.title, model.parameters[0]?.value])}.${format}`;
  return format === "pdf"
    ? { bytes: await renderPdf(model, timeZone), contentType: CONTENT_TYPES.pdf, fileName }
    : { bytes: await renderXlsx(model, timeZone), contentType: CONTENT_TYPES.xlsx, fileName };
}

/**
 * `signatories`: the organisation's signatories read once for many files (the year archive, ARC-1:
 * issue 22 — see signatoriesOnce); absent, the build reads its own.
 */
export async function buildReport(
  organisationId: number,
  req: ReportRequest,
  now: Date,
  signatories?: () => Promise<OrganisationSignatories>,
): Promise<ReportFile | null> {
  if (isArchiveRequest(req)) return buildArchive(organisationId, req, now);
  const { model, timeZone } = await buildModelInZone(organisationId, req, now, signatories);
  return model ? renderModel(model, req.format, timeZone) : null;
}

/**
 * RPT-1, RPT-3 or RPT-12 for a parallel, department, specialty or the organisation (PRN-8): a ZIP
 * with one file per class, built class by class (`progress` is told after each). Null when the
 * pick names no class.
 */
export async function buildArchive(
  organisationId: number,
  req: ReportRequest,
  now: Date,
  progress: (done: number, of: number) => Promise<void> = async () => undefined,
): Promise<ReportFile | null> {
  const pick = pickOf(req);
  if (!pick) return null;
  const scope = await reportScope(organisationId, "yearId" in req ? req.yearId : undefined);
  if (!scope.year) return null;
  const picked = pickClasses(scope.classes, pick, scope.departments, scope.isCollege);
  if (picked.classes.length === 0) return null;
  const zip = new JSZip();
  let title = "";
  // Each class's model over the one scope read above (its year is every picked class's year): the
  // organisation, its zone and the year are read once per archive, not once per class (issue 22) —
  // and so are the signatories every class's sheet names but its class teacher (the director, PRN-2:
  // before, each class's signature block read the organisation, its director and deputy, its departments).
  const once = signatoriesOnce(organisationId);
  for (const [i, cls] of picked.classes.entries()) {
    const model = await modelOfScope(
      organisationId,
      { ...req, classId: cls.id, grade: undefined, departmentId: undefined, specialty: undefined } as ScopedRequest,
      now,
      scope,
      once,
    );
    if (model) {
      const file = await renderModel(model, req.format, scope.timeZone);
      zip.file(file.fileName, file.bytes);
      title ||= model.title;
    }
    await progress(i + 1, picked.classes.length);
  }
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  return { bytes, contentType: CONTENT_TYPES.zip, fileName: `${reportFileName([title, picked.label])}.zip` };
}
