// RPT-11 files: /api/control/report?report=fill|remarks|activity&format=pdf|xlsx&… — the journal-fill
// report (CTL-1), the remarks list (CTL-2) and the weekly activity (CTL-3), through the gate.
import { requireAccessForRoute } from "@/lib/access/guard";
import { classIdsInScope } from "@/lib/access/scope";
import { fail } from "@/lib/errors";
import { buildActivityModel, buildJournalFillModel, buildRemarksModel } from "@/lib/control/report";
import { activityQuery, fillQuery, issuesText, queryObject, remarksQuery, reportFormat } from "@/lib/control/schema";
import { formatDate, todayIn } from "@/lib/org/time";
import type { ReportModel } from "@/lib/reports/model";
import { renderPdf } from "@/lib/reports/render-pdf";
import { renderXlsx } from "@/lib/reports/render-xlsx";

const bad = (message: string) => Response.json(fail("INVALID_INPUT", message), { status: 400 });

export async function GET(request: Request) {
  const raw = queryObject(new URL(request.url).searchParams);
  const format = reportFormat.safeParse(raw.format);
  if (!format.success) return bad(issuesText(format.error));
  const now = new Date();
  let build: (
    organisationId: number,
    userId: number,
    scopes: Parameters<typeof classIdsInScope>[2],
  ) => Promise<ReportModel | Response>;
  let permission: "control.view" | ("control.view" | "remarks.write")[] = "control.view";
  switch (raw.report) {
    case "fill": {
      const q = fillQuery.safeParse(raw);
      if (!q.success) return bad(issuesText(q.error));
      build = async (org, userId, scopes) => {
        const ids = await classIdsInScope(org, userId, scopes);
        return buildJournalFillModel(org, { ...q.data, scopeClassIds: ids ? [...ids] : null }, now);
      };
      break;
    }
    case "remarks": {
      const q = remarksQuery.safeParse(raw);
      if (!q.success) return bad(issuesText(q.error));
      permission = ["control.view", "remarks.write"];
      build = async (org, userId, scopes) => {
        const ids = await classIdsInScope(org, userId, scopes);
        return buildRemarksModel(org, { ...q.data, scopeClassIds: ids ? [...ids] : null, authorId: userId }, now);
      };
      break;
    }
    case "activity": {
      const q = activityQuery.safeParse(raw);
      if (!q.success) return bad(issuesText(q.error));
      // Activity covers every user of the organisation: only the «all» scope sees it.
      build = async (org, _userId, scopes) =>
        scopes.includes("all")
          ? buildActivityModel(org, q.data, now)
          : Response.json(fail("FORBIDDEN"), { status: 403 });
      break;
    }
    default:
      return bad("Отчёт: fill, remarks или activity");
  }
  const access = await requireAccessForRoute(permission);
  if (!access.ok) return access.response;
  const model = await build(access.user.organisationId, access.user.id, access.scopes);
  if (model instanceof Response) return model;
  const bytes = format.data === "pdf" ? await renderPdf(model) : await renderXlsx(model);
  const fileName = `${model.title} ${formatDate(todayIn(access.user.timeZone, now))}.${format.data}`.replace(
    /[\\/:*?"<>|]/g,
    "_",
  );
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type":
        format.data === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="control.${format.data}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
