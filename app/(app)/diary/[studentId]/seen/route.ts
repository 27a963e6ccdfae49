// DRY-7: records a view of a student's diary (issue 19 item 6: the page's loaders only read; its
// client part, components/diary/visit-seen.tsx, posts here once the page is shown). diary.view on
// the student — the student and their parents; another family's id answers 403 and writes nothing.
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { recordDiaryVisit } from "@/lib/diary/commands";
import { fail } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { idOf } from "@/lib/schema";

export const dynamic = "force-dynamic";

const studentParam = idOf("Неверный номер обучающегося");

export async function POST(_request: Request, { params }: { params: Promise<{ studentId: string }> }) {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const studentId = studentParam.safeParse((await params).studentId);
  if (!studentId.success) return Response.json(fail("INVALID_INPUT", "Неверный номер обучающегося"), { status: 400 });
  const access = await authorizeUserForRoute(signedIn.user, "diary.view", {
    kind: "student",
    studentId: studentId.data,
  });
  if (!access.ok) return access.response;
  await recordDiaryVisit(access.user.organisationId, access.user.id, studentId.data, serverNow());
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
