// PLAN-4: download a plan as XLSX (the same columns the import reads).
import { idSchema } from "@/lib/plans/schema";
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { planAccess } from "@/lib/plans/access";
import { loadPlan, loadPlanFacts } from "@/lib/plans/loaders";
import { planToXlsx, XLSX_MIME } from "@/lib/plans/xlsx";
import { fail } from "@/lib/errors";

export async function GET(_req: Request, { params }: { params: Promise<{ planId: string }> }): Promise<Response> {
  // Who asks comes first: an anonymous request learns nothing, not even whether the id is well formed.
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const user = signedIn.user;
  const id = idSchema.safeParse((await params).planId);
  if (!id.success) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const facts = await loadPlanFacts(user, id.data);
  if (!facts) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const access = await authorizeUserForRoute(user, planAccess("view", facts));
  if (!access.ok) return access.response;
  const plan = (await loadPlan(user, id.data))!;
  const body = await planToXlsx(
    { title: plan.title ?? "КТП", teacher: plan.teacherName, subject: plan.subjectName, target: plan.target },
    plan.topics,
  );
  const name = `KTP-${plan.id}.xlsx`;
  const utf = encodeURIComponent(`КТП ${plan.subjectName} ${plan.target}.xlsx`);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX_MIME,
      "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${utf}`,
      "Cache-Control": "no-store",
    },
  });
}
