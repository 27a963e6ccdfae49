// GET the journal grid's earlier or later lessons (issue 22 item 4): the page sends a window of the
// period's lessons (lib/journal/grid-window.ts); scrolling to its edge fetches the next step here as
// compact cells. The same decision as the journal page: a journal permission through the gate, then
// the class × subject (× subgroup) scope of loadGridPage (another teacher's class, another
// organisation's ids → 403).
import { firstIssue } from "@/lib/schema";
import { requireAccessForRoute } from "@/lib/access/guard";
import { loadGridPage } from "@/lib/journal/loaders";
import { gridWindowQuerySchema } from "@/lib/journal/schema";
import { windowStep } from "@/lib/journal/grid-window";
import { fail } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await requireAccessForRoute([
    "journal.viewAll",
    "journal.viewOwn",
    "journal.editAll",
    "journal.editOwn",
  ]);
  if (!auth.ok) return auth.response;
  const parsed = gridWindowQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json(fail("INVALID_INPUT", firstIssue(parsed.error)), { status: 400 });
  const q = parsed.data;
  const page = await loadGridPage(auth.user, {
    classId: q.class,
    subjectId: q.subject,
    subgroupId: q.subgroup,
    periodId: q.period,
  });
  if (page.kind !== "grid") return Response.json(fail("FORBIDDEN"), { status: 403 });
  const step = windowStep(page.view, q.from, q.to, q.dir);
  if (!step) return Response.json(fail("NOT_FOUND", "Уроки журнала изменились — обновите страницу"), { status: 404 });
  return Response.json({ ok: true, data: step }, { headers: { "Cache-Control": "no-store" } });
}
