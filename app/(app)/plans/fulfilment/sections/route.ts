// PRG-1 beside PLAN-5: one fulfilment line's sections — the programme's hours, the КТП's and the
// hours given per section — fetched when the deputy opens «по разделам программы» (issue 22 item 7:
// the table no longer carries every line's sections). The same gate as the page (plans.viewAll),
// decided on the line's class: a head of department sees the department's classes only.
import { fail, ok } from "@/lib/errors";
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { loadProgrammeSections } from "@/lib/plans/loaders";
import { sectionsQuery } from "@/lib/plans/schema";
import { issuesText } from "@/lib/schema";

export async function GET(req: Request): Promise<Response> {
  // Who asks comes first: an anonymous request learns nothing, not even whether the ids are well formed.
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const user = signedIn.user;
  const search = new URL(req.url).searchParams;
  const parsed = sectionsQuery.safeParse({ class: search.get("class"), subject: search.get("subject") });
  if (!parsed.success) return Response.json(fail("INVALID_INPUT", issuesText(parsed.error)), { status: 400 });
  const { class: classId, subject: subjectId } = parsed.data;
  const access = await authorizeUserForRoute(user, "plans.viewAll", { kind: "class", classId, subjectId });
  if (!access.ok) return access.response;
  const sections = await loadProgrammeSections(user, classId, subjectId);
  if (!sections)
    return Response.json(fail("NOT_FOUND", "Для этого класса и предмета нет утверждённой рабочей программы"), {
      status: 404,
    });
  return Response.json(ok(sections), { headers: { "Cache-Control": "no-store" } });
}
