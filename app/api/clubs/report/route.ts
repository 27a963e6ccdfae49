// PRG-2 + RPT-3 files: /api/clubs/report?clubId=…&periodId=…|from=…&to=…&format=pdf|xlsx — the
// clubs' attendance by reason. One club: clubs.manage or clubs.journal on that club (its leader,
// the deputy, the administrator); no clubId: every club the user may see (scope «all»), or the
// leader's own clubs (scope «leader»).
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { clubLeaderFilter } from "@/lib/access/scope";
import { clubReportFrame } from "@/lib/clubs/data";
import { buildClubAttendanceReport } from "@/lib/clubs/report";
import { clubReportQuery } from "@/lib/clubs/schema";
import { fail } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { renderModel } from "@/lib/reports/build";
import { fileResponse } from "@/lib/reports/download";
import { issuesText } from "@/lib/schema";

export async function GET(request: Request) {
  // Who asks before what is asked: anonymous callers get 401 whatever the query.
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const q = clubReportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return Response.json(fail("INVALID_INPUT", issuesText(q.error)), { status: 400 });
  const { clubId, periodId, format } = q.data;
  const access = await authorizeUserForRoute(
    signedIn.user,
    ["clubs.manage", "clubs.journal"],
    clubId !== undefined ? { kind: "club", clubId } : undefined,
  );
  if (!access.ok) return access.response;
  const { user } = access;
  const frame = await clubReportFrame(user.organisationId, periodId ?? null);
  if (!frame || (periodId !== undefined && !frame.period))
    return Response.json(fail("NOT_FOUND", "Учебный год или период не найден"), { status: 404 });
  const model = await buildClubAttendanceReport({
    organisationId: user.organisationId,
    orgName: frame.orgName,
    year: frame.year,
    clubId: clubId ?? null,
    leaderId: clubId !== undefined ? null : clubLeaderFilter(user, { scopes: access.scopes }),
    from: frame.period?.startDate ?? q.data.from!,
    to: frame.period?.endDate ?? q.data.to!,
    periodName: frame.period?.name ?? null,
    now: serverNow(),
  });
  if (!model) return Response.json(fail("NOT_FOUND", "Объединение не найдено"), { status: 404 });
  const file = await renderModel(model, format, user.timeZone);
  return fileResponse(file.bytes, file.fileName, file.contentType, format);
}
