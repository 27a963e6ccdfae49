// Who may have a report (RPT, ACCESS_MATRIX): reports.admin for every class (HEAD_OF_DEPT: the
// department's), reports.class for one's own classes; a whole-organisation report needs the «all»
// scope. «Учёт часов № 1» of oneself is open to every holder of a reports permission; of another
// teacher only to reports.admin with the «all» scope. Shared by the download route and the jobs.
import { requireAccessForRoute } from "@/lib/access/guard";
import type { CurrentUser } from "@/lib/auth/session";
import { fail } from "@/lib/errors";
import type { ReportRequest } from "./schema";

const ANY = ["reports.admin", "reports.class"] as const;

export async function reportAccess(req: ReportRequest): Promise<{ ok: true; user: CurrentUser; req: ReportRequest } | { ok: false; response: Response }> {
  if (req.report === "teacher-hours") {
    const access = await requireAccessForRoute(ANY);
    if (!access.ok) return access;
    const teacherId = req.teacherId ?? access.user.id;
    if (teacherId !== access.user.id && !(access.permission === "reports.admin" && access.scopes.includes("all"))) {
      return { ok: false, response: Response.json(fail("FORBIDDEN"), { status: 403 }) };
    }
    return { ok: true, user: access.user, req: { ...req, teacherId } };
  }
  const classId = "classId" in req ? req.classId : undefined;
  const target = classId ? { kind: "class" as const, classId } : undefined;
  const access = await requireAccessForRoute(classId ? ANY : ["reports.admin"], target);
  if (!access.ok) return access;
  // A whole-organisation report needs the «all classes» scope, not a department's.
  if (!classId && !access.scopes.includes("all")) return { ok: false, response: Response.json(fail("FORBIDDEN"), { status: 403 }) };
  return { ok: true, user: access.user, req };
}
