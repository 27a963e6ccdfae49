// PRG-4 files: /api/assessments?classId=…|studentId=…&periodId=…&format=pdf|xlsx — the assessment
// schedule of a class (staff: assessments.view on the class, with the warnings) or of a student's
// class (the family from the diary: assessments.view on the student, only a published schedule).
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { classSchedule, loadFamilySchedule } from "@/lib/assessments/loaders";
import { buildAssessmentModel } from "@/lib/assessments/report";
import { fileQuery } from "@/lib/assessments/schema";
import { fail } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { CONTENT_TYPES, fileResponse } from "@/lib/reports/download";
import { renderPdf } from "@/lib/reports/render-pdf";
import { renderXlsx } from "@/lib/reports/render-xlsx";
import { issuesText } from "@/lib/schema";

export async function GET(request: Request) {
  // Who asks before what is asked: anonymous callers get 401 whatever the query.
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const q = fileQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return Response.json(fail("INVALID_INPUT", issuesText(q.error)), { status: 400 });
  const { format, classId, studentId, periodId } = q.data;
  const access = await authorizeUserForRoute(
    signedIn.user,
    "assessments.view",
    studentId !== undefined ? { kind: "student", studentId } : { kind: "class", classId: classId! },
  );
  if (!access.ok) return access.response;
  const now = serverNow();
  const today = todayIn(access.user.timeZone, now);
  const org = access.user.organisationId;
  const data =
    studentId !== undefined
      ? (await loadFamilySchedule(org, studentId, periodId ?? null, today)).data
      : await classSchedule(org, classId!, periodId ?? null, today);
  if (!data || (periodId !== undefined && data.period.id !== periodId))
    return Response.json(fail("NOT_FOUND", "График не найден или не опубликован"), { status: 404 });
  const model = buildAssessmentModel(data, {
    isCollege: access.user.orgKind === "COLLEGE",
    timeZone: access.user.timeZone,
    now,
    withWarnings: studentId === undefined,
  });
  const bytes =
    format === "pdf" ? await renderPdf(model, access.user.timeZone) : await renderXlsx(model, access.user.timeZone);
  return fileResponse(
    bytes,
    `${model.fileName}.${format}`.replace(/[\\/:*?"<>|]/g, "_"),
    CONTENT_TYPES[format],
    format,
  );
}
