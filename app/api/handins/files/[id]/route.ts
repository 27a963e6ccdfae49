// GET a file of a student's hand-in (LRN-1): for the student and their parents (diary.view on the
// student) and for whoever may view the lesson's journal (the teacher reviewing it, the class teacher,
// the administration). `?inline=1` shows a photo in the browser instead of downloading it.
import { authorize } from "@/lib/access/authorize";
import { requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { authorizeJournal } from "@/lib/journal/access";
import { submissionFile } from "@/lib/learning/handin/data";
import { getFile } from "@/lib/storage/files";
import { fileResponse } from "@/lib/storage/upload";
import { idSchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await requireUserForRoute();
  if (!auth.ok) return auth.response;
  const id = idSchema.safeParse((await params).id).data;
  if (id === undefined) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const file = await submissionFile(auth.user.organisationId, id);
  if (!file?.submission) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const family = await authorize(auth.user, "diary.view", { kind: "student", studentId: file.submission.studentId });
  const staff = family.allowed
    ? null
    : await authorizeJournal(auth.user, { kind: "lesson", lessonId: file.submission.homework.lessonId });
  if (!family.allowed && !staff?.view) return Response.json(fail("FORBIDDEN"), { status: 403 });
  const bytes = await getFile(file.storageKey);
  if (!bytes) return Response.json(fail("NOT_FOUND", "Файл не найден в хранилище"), { status: 404 });
  return fileResponse(bytes, file, new URL(request.url).searchParams.get("inline") === "1");
}
