// REG-2: one territory report job of the signed-in authority account: GET → status and progress
// (JSON); GET ?download=1 → the finished file (lib/reports/jobs/answer.ts, as the organisations' jobs).
// Another account's job (of any territory) is «not found» (404), an expired file «gone» (410);
// organisation users 403, anonymous 401 (the gate).
import { requireAccessAsAuthorityForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { territoryJobFile, territoryJobStatus } from "@/lib/region/jobs/orders";
import { jobAnswer } from "@/lib/reports/jobs/answer";
import { idSchema } from "@/lib/schema";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await requireAccessAsAuthorityForRoute("region.reports");
  if (!access.ok) return access.response;
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return Response.json(fail("INVALID_INPUT", "Неверный номер задания"), { status: 400 });
  return jobAnswer(request, {
    file: () => territoryJobFile(access.authority, id.data),
    status: () => territoryJobStatus(access.authority, id.data),
  });
}
