// GET the journal grid's earlier or later lessons (issue 22 item 4): the page sends a window of the
// period's lessons (lib/journal/grid-window.ts); scrolling to its edge fetches the next step here as
// compact cells — and reads only those lessons (lib/journal/grid-reads.ts stepRead): the client holds
// the period's sums. The same decision as the journal page: a journal permission through the gate, then
// the class × subject (× subgroup) scope of loadGridPage (another teacher's class, another
// organisation's ids → 403).
import { firstIssue } from "@/lib/schema";
import { requireAccessForRoute } from "@/lib/access/guard";
import { loadGridPage } from "@/lib/journal/loaders";
import { gridWindowQuerySchema } from "@/lib/journal/schema";
import { packStep } from "@/lib/journal/grid-window";
import { GridChangedError, stepRead } from "@/lib/journal/grid-load";
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
  const page = await loadGridPage(
    auth.user,
    { classId: q.class, subjectId: q.subject, subgroupId: q.subgroup, periodId: q.period },
    undefined,
    stepRead(q.from, q.to, q.dir),
  ).catch((e: unknown) => {
    if (e instanceof GridChangedError) return { kind: "changed" as const, message: e.message };
    throw e;
  });
  if (page.kind === "changed") return Response.json(fail("NOT_FOUND", page.message), { status: 404 });
  if (page.kind !== "grid" || !page.view.hidden) return Response.json(fail("FORBIDDEN"), { status: 403 });
  const step = packStep(page.view, page.view.hidden);
  return Response.json({ ok: true, data: step }, { headers: { "Cache-Control": "no-store" } });
}
