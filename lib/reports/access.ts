// Who may have a report (RPT, ACCESS_MATRIX): reports.admin for every class (HEAD_OF_DEPT: the
// department's), reports.class for one's own classes; a whole-organisation report needs the «all»
// scope. The student's report (RPT-8) targets the student. «Учёт часов № 1» and the teacher's
// report (PRN-7) of oneself are open to every holder of a reports permission; of another teacher
// only to reports.admin with the «all» scope. A parallel, a department or a specialty is admitted
// when every class of it is in the user's scope (the form offers exactly those). Shared by the
// download route and the jobs.
import { authorizeUserForRoute, requireAccessForRoute, requireUserForRoute } from "@/lib/access/guard";
import type { CurrentUser } from "@/lib/auth/session";
import { fail } from "@/lib/errors";
import { classesToList, listScope } from "@/lib/access/scope";
import { reportScope, reportYearId } from "./data";
import { pickOf, type ReportRequest } from "./schema";
import { admitsAll, pickClasses, pickKind } from "./scope-rules";

const ANY = ["reports.admin", "reports.class"] as const;

/**
 * RPT-8 / DRY-6: the one decision on a student's report (the reports page's download and the
 * diary's link): the student and their parents (reports.self), staff for students in their scope.
 * The student is the target, so another family's id is refused without data.
 */
export function authorizeStudentReport(user: CurrentUser, studentId: number) {
  return authorizeUserForRoute(user, ["reports.self", ...ANY], { kind: "student", studentId });
}

export async function authorizeReport(
  req: ReportRequest,
): Promise<{ ok: true; user: CurrentUser; req: ReportRequest } | { ok: false; response: Response }> {
  if (req.report === "student") {
    const signedIn = await requireUserForRoute();
    if (!signedIn.ok) return signedIn;
    const access = await authorizeStudentReport(signedIn.user, req.studentId);
    return access.ok ? { ok: true, user: access.user, req } : access;
  }
  if (req.report === "teacher-hours" || req.report === "teacher-report") {
    const access = await requireAccessForRoute(ANY);
    if (!access.ok) return access;
    const teacherId = req.teacherId ?? access.user.id;
    if (teacherId !== access.user.id && !(access.permission === "reports.admin" && access.scopes.includes("all"))) {
      return { ok: false, response: Response.json(fail("FORBIDDEN"), { status: 403 }) };
    }
    return { ok: true, user: access.user, req: { ...req, teacherId } };
  }
  const pick = pickOf(req) ?? {};
  const kind = pickKind(pick);
  if (kind === "grade" || kind === "department" || kind === "specialty") {
    // A parallel, a department or a specialty: every class of it must be in the user's scope
    // (HEAD_OF_DEPT: the own department; a class teacher: only if all classes of it are theirs).
    const access = await requireAccessForRoute(ANY);
    if (!access.ok) return access;
    const { organisationId } = access.user;
    // The parallel or department of the request's year (REC-3: a closed year's, by its period).
    const [scope, allowed] = await Promise.all([
      reportYearId(organisationId, req).then((yearId) => reportScope(organisationId, yearId)),
      listScope(access.user, { scopes: access.scopes, pastYears: true }).then(classesToList),
    ]);
    const picked = pickClasses(scope.classes, pick, scope.departments, scope.isCollege);
    if (picked.classes.length === 0)
      return {
        ok: false,
        response: Response.json(fail("NOT_FOUND", "В этой параллели, отделении или специальности нет классов"), {
          status: 404,
        }),
      };
    if (
      !admitsAll(
        picked.classes.map((c) => c.id),
        allowed,
      )
    )
      return { ok: false, response: Response.json(fail("FORBIDDEN"), { status: 403 }) };
    return { ok: true, user: access.user, req };
  }
  const classId = pick.classId;
  const target = classId ? { kind: "class" as const, classId } : undefined;
  const access = await requireAccessForRoute(classId ? ANY : ["reports.admin"], target);
  if (!access.ok) return access;
  // A whole-organisation report needs the «all classes» scope, not a department's.
  if (!classId && !access.scopes.includes("all"))
    return { ok: false, response: Response.json(fail("FORBIDDEN"), { status: 403 }) };
  return { ok: true, user: access.user, req };
}
