// RPT-8 / DRY-6: the printable period report of one student, linked from the diary.
// /diary/<studentId>/report?periodId=&format=pdf|xlsx — the one RPT-8 decision of
// lib/reports/access.ts (authorizeStudentReport), shared with the reports page's download.
import { requireUserForRoute } from "@/lib/access/guard";
import { authorizeStudentReport } from "@/lib/reports/access";
import { fail } from "@/lib/errors";
import { defaultPeriodId } from "@/lib/diary/marks/loaders";
import { todayIn } from "@/lib/org/time";
import { buildReport } from "@/lib/reports/build";
import { fileResponse } from "@/lib/reports/download";
import { parseReportRequest } from "@/lib/reports/schema";
import { idSchema } from "@/lib/schema";

const studentParam = idSchema;

export async function GET(request: Request, { params }: { params: Promise<{ studentId: string }> }) {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const studentId = studentParam.safeParse((await params).studentId);
  if (!studentId.success) return Response.json(fail("INVALID_INPUT", "Неверный номер обучающегося"), { status: 400 });
  const access = await authorizeStudentReport(signedIn.user, studentId.data);
  if (!access.ok) return access.response;
  const query = new URL(request.url).searchParams;
  query.set("studentId", String(studentId.data));
  if (!query.get("format")) query.set("format", "pdf");
  query.delete("classId");
  // Without a chosen period: the student's current one (as the diary shows).
  if (!query.get("periodId")) {
    const periodId = await defaultPeriodId(access.user.organisationId, studentId.data, todayIn(access.user.timeZone));
    if (periodId !== null) query.set("periodId", String(periodId));
  }
  const parsed = parseReportRequest("student", query);
  if (!parsed.ok || parsed.data.report !== "student")
    return Response.json(fail("INVALID_INPUT", parsed.ok ? undefined : parsed.message), { status: 400 });
  const file = await buildReport(access.user.organisationId, parsed.data, new Date());
  if (!file) return Response.json(fail("NOT_FOUND", "Обучающийся или период не найден"), { status: 404 });
  return fileResponse(file.bytes, file.fileName, file.contentType, parsed.data.format);
}
