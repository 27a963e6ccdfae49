// RPT-11 files: /api/control/report?report=fill|remarks|activity|deadline|checks&format=pdf|xlsx&… —
// the journal-fill report (CTL-1), the remarks list (CTL-2), the weekly activity (CTL-3), the shares
// filled by the daily deadline (DUT-1) and the journal checks made and due (DUT-2), through the gate.
import { issuesText } from "@/lib/schema";
import { requireAccessForRoute } from "@/lib/access/guard";
import { classesToList, listScope } from "@/lib/access/scope";
import { fail } from "@/lib/errors";
import { buildActivityModel, buildJournalFillModel, buildRemarksModel } from "@/lib/control/report";
import { orgFacts } from "@/lib/control/data";
import { activityQuery, deadlineQuery, fillQuery, queryObject, remarksQuery, reportFormat } from "@/lib/control/schema";
import { buildDeadlineModel, deadlineFigures } from "@/lib/control/deadline/report";
import { buildChecksModel } from "@/lib/control/checks/report";
import { checksQuery } from "@/lib/control/checks/schema";
import { checkFrequencies } from "@/lib/control/checks/data";
import { loadChecksMade, loadDueChecks } from "@/lib/control/checks/loaders";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/access/matrix";
import { serverNow } from "@/lib/org/clock";
import { formatDate, todayIn } from "@/lib/org/time";
import type { ReportModel } from "@/lib/reports/model";
import { signatoryFacts } from "@/lib/reports/data";
import { signaturesFor } from "@/lib/reports/signatures";
import { vocabulary } from "@/lib/org/vocabulary";
import { renderPdf } from "@/lib/reports/render-pdf";
import { renderXlsx } from "@/lib/reports/render-xlsx";

/** PRN-2: the control's reports are signed by the deputy director who controls the journal, with the name. */
async function signedByDeputy(organisationId: number, model: ReportModel): Promise<ReportModel> {
  if (model.signatures?.length) return model;
  const [facts, signers] = await Promise.all([orgFacts(organisationId), signatoryFacts(organisationId, [])]);
  return { ...model, signatures: signaturesFor(vocabulary(facts.isCollege), signers, { deputy: true }) };
}

const bad = (message: string) => Response.json(fail("INVALID_INPUT", message), { status: 400 });

export async function GET(request: Request) {
  const raw = queryObject(new URL(request.url).searchParams);
  const format = reportFormat.safeParse(raw.format);
  if (!format.success) return bad(issuesText(format.error));
  const now = serverNow();
  let build: (
    organisationId: number,
    userId: number,
    scopes: readonly Scope[],
    user: CurrentUser,
  ) => Promise<ReportModel | Response>;
  let permission: "control.view" | ("control.view" | "remarks.write" | "control.check")[] = "control.view";
  switch (raw.report) {
    case "fill": {
      const q = fillQuery.safeParse(raw);
      if (!q.success) return bad(issuesText(q.error));
      build = async (org, _userId, scopes, user) => {
        const ids = classesToList(await listScope(user, { scopes }));
        return buildJournalFillModel(org, { ...q.data, scopeClassIds: ids ? [...ids] : null }, now);
      };
      break;
    }
    case "remarks": {
      const q = remarksQuery.safeParse(raw);
      if (!q.success) return bad(issuesText(q.error));
      permission = ["control.view", "remarks.write"];
      build = async (org, userId, scopes, user) => {
        const ids = classesToList(await listScope(user, { scopes }));
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
    case "deadline": {
      const q = deadlineQuery.safeParse(raw);
      if (!q.success) return bad(issuesText(q.error));
      build = async (org, _userId, scopes, user) => {
        let ids = classesToList(await listScope(user, { scopes }));
        if (q.data.classId) ids = ids && !ids.has(q.data.classId) ? new Set() : new Set([q.data.classId]);
        const figures = await deadlineFigures(
          org,
          { day: q.data.date, classIds: ids, teacherId: q.data.teacherId },
          now,
        );
        const facts = await orgFacts(org);
        return buildDeadlineModel({ orgName: facts.name, isCollege: facts.isCollege, figures, now });
      };
      break;
    }
    case "checks": {
      const q = checksQuery.safeParse(raw);
      if (!q.success) return bad(issuesText(q.error));
      permission = ["control.view", "control.check"];
      build = async (org, _userId, scopes, user) => {
        const [facts, checks, due, every] = await Promise.all([
          orgFacts(org),
          loadChecksMade(user, scopes, q.data),
          loadDueChecks(user, scopes, now),
          checkFrequencies(org),
        ]);
        return buildChecksModel({
          orgName: facts.name,
          isCollege: facts.isCollege,
          from: q.data.from,
          to: q.data.to,
          checks,
          due: due.due,
          every,
          now,
        });
      };
      break;
    }
    default:
      return bad("Отчёт: fill, remarks, activity, deadline или checks");
  }
  const access = await requireAccessForRoute(permission);
  if (!access.ok) return access.response;
  const built = await build(access.user.organisationId, access.user.id, access.scopes, access.user);
  if (built instanceof Response) return built;
  const model = await signedByDeputy(access.user.organisationId, built);
  const zone = access.user.timeZone;
  const bytes = format.data === "pdf" ? await renderPdf(model, zone) : await renderXlsx(model, zone);
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
