// GET the lesson panel's learning sections (LRN-1, LRN-2) as JSON: the homework's hand-in settings,
// who handed in / is late / did not, the review forms' data, and the lesson's materials with those
// of its subject that may be attached. Anyone who may view the lesson's journal reads it; editing
// and reviewing are decided here too (the actions decide again).
import { authorize } from "@/lib/access/authorize";
import { requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { authorizeJournal } from "@/lib/journal/access";
import { homeworkForHandin, homeworkOfLesson } from "@/lib/learning/handin/data";
import { loadReviewView, loadSettingsView } from "@/lib/learning/handin/loaders";
import { lessonForMaterials, lessonMaterials, materialsFor } from "@/lib/learning/materials/data";
import { idSchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await requireUserForRoute();
  if (!auth.ok) return auth.response;
  const user = auth.user;
  const lessonId = idSchema.safeParse(new URL(request.url).searchParams.get("lessonId")).data;
  if (lessonId === undefined) return Response.json(fail("INVALID_INPUT", "Неверный урок"), { status: 400 });
  const rights = await authorizeJournal(user, { kind: "lesson", lessonId });
  if (!rights.view) return Response.json(fail("FORBIDDEN"), { status: 403 });
  const lesson = await lessonForMaterials(user.organisationId, lessonId);
  if (!lesson) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const [review, hw, attached, available] = await Promise.all([
    authorize(user, "homework.review", { kind: "lesson", lessonId }),
    homeworkOfLesson(user.organisationId, lessonId).then((h) =>
      h ? homeworkForHandin(user.organisationId, h.id) : null,
    ),
    lessonMaterials(user.organisationId, lessonId),
    materialsFor(user.organisationId, lesson.subjectId, lesson.classId, lesson.class.grade),
  ]);
  const homework = hw
    ? {
        settings: await loadSettingsView(user, hw),
        review: hw.handin ? await loadReviewView(user, hw) : null,
      }
    : null;
  return Response.json(
    {
      ok: true,
      canEdit: rights.edit,
      canReview: review.allowed,
      homework,
      materials: { attached, available: rights.edit ? available : [] },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
