// One entry point from a parsed request to a file: model → PDF or XLSX.
import { formatDate } from "@/lib/org/time";
import { buildAttendanceReport } from "./attendance";
import { reportScope } from "./data";
import type { ReportModel } from "./model";
import { buildProgressReport } from "./progress";
import { renderPdf } from "./render-pdf";
import { renderXlsx } from "./render-xlsx";
import type { ReportRequest } from "./schema";

export async function buildModel(organisationId: number, req: ReportRequest, now: Date): Promise<ReportModel | null> {
  const scope = await reportScope(organisationId);
  if (req.report === "progress") {
    const period = scope.periods.find((p) => p.id === req.periodId);
    const classes = req.classId ? scope.classes.filter((c) => c.id === req.classId) : scope.classes.filter((c) => c.periodKind === period?.kind);
    if (!period || classes.length === 0) return null;
    const scopeLabel = req.classId ? classes[0].name : "все классы и группы с этим видом периода";
    return buildProgressReport({ organisationId, orgName: scope.orgName, scopeLabel, classes, period, now });
  }
  const cls = scope.classes.find((c) => c.id === req.classId);
  if (!cls) return null;
  return buildAttendanceReport({ organisationId, orgName: scope.orgName, isCollege: scope.isCollege, cls, from: req.from, to: req.to, now });
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
