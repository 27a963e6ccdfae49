// One entry point from a parsed request to a file: model → PDF or XLSX.
import { formatDate } from "@/lib/org/time";
import { buildAttendanceReport } from "./attendance";
import { reportScope } from "./data";
import type { ReportModel } from "./model";
import { buildFailuresReport } from "./failures";
import { buildOccupancyReport } from "./occupancy";
import { buildProgressReport } from "./progress";
import { buildStudentPeriodReport } from "./student-period";
import { buildSummaryReport } from "./summary";
import { renderPdf } from "./render-pdf";
import { renderXlsx } from "./render-xlsx";
import type { ReportRequest } from "./schema";

export async function buildModel(organisationId: number, req: ReportRequest, now: Date): Promise<ReportModel | null> {
  if (req.report === "student") return buildStudentPeriodReport({ organisationId, studentId: req.studentId, periodId: req.periodId, now });
  const scope = await reportScope(organisationId);
  const { orgName, isCollege } = scope;
  const one = "classId" in req && req.classId ? scope.classes.find((c) => c.id === req.classId) : undefined;
  if ("classId" in req && req.classId && !one) return null;
  switch (req.report) {
    case "attendance":
      return buildAttendanceReport({ organisationId, orgName, isCollege, cls: one!, from: req.from, to: req.to, now });
    case "occupancy":
      return buildOccupancyReport({ organisationId, orgName, isCollege, classes: one ? [one] : scope.classes, date: req.date, now });
  }
  const period = scope.periods.find((p) => p.id === req.periodId);
  if (!period) return null;
  if (req.report === "summary") return buildSummaryReport({ organisationId, orgName, isCollege, cls: one!, period, now });
  // Classes of the whole organisation that use this kind of period (quarters, half-years,
  // semesters); the 1st grade is taught without marks (JRN-10) and has no finals to count.
  const classes = one ? [one] : scope.classes.filter((c) => c.periodKind === period.kind && (isCollege || c.grade > 1));
  if (classes.length === 0) return null;
  const scopeLabel = one ? one.name : "все классы и группы с этим видом периода";
  return req.report === "progress"
    ? buildProgressReport({ organisationId, orgName, scopeLabel, classes, period, now })
    : buildFailuresReport({ organisationId, orgName, scopeLabel, classes, period, now });
}

export async function buildReport(
  organisationId: number,
  req: ReportRequest,
  now: Date,
): Promise<{ bytes: Buffer; contentType: string; fileName: string } | null> {
  const model = await buildModel(organisationId, req, now);
  if (!model) return null;
  const stamp = formatDate(new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`));
  const fileName = `${model.title} ${model.parameters[0]?.value ?? ""} ${stamp}.${req.format}`.replace(/[\\/:*?"<>|]/g, "_");
  return req.format === "pdf"
    ? { bytes: await renderPdf(model), contentType: "application/pdf", fileName }
    : {
        bytes: await renderXlsx(model),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        fileName,
      };
}
