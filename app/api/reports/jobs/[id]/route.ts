// One report job of the signed-in user: GET → status and progress (JSON); GET ?download=1 → the
// finished file (lib/reports/jobs/answer.ts). Another user's job is «not found» (404), an expired file «gone» (410).
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { jobAnswer } from "@/lib/reports/jobs/answer";
import { reportJobFile, reportJobStatus } from "@/lib/reports/jobs/orders";
import { idSchema } from "@/lib/schema";

const jobId = idSchema;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const id = jobId.safeParse((await params).id);
  if (!id.success) return Response.json(fail("INVALID_INPUT", "Неверный номер задания"), { status: 400 });
  const access = await authorizeUserForRoute(signedIn.user, ["reports.admin", "reports.class"]);
  if (!access.ok) return access.response;
  return jobAnswer(request, {
    file: () => reportJobFile(access.user, id.data),
    status: () => reportJobStatus(access.user, id.data),
  });
}
