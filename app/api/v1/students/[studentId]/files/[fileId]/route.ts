// API-1: a homework file of a lesson of the student's class (diary.view on the student).
import { authorizeApi, apiError, apiRoute } from "@/lib/api/gate";
import { homeworkFileFor } from "@/lib/api/family/loaders";
import { parseId } from "@/lib/api/request";
import { getFile } from "@/lib/storage/files";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ studentId: string; fileId: string }> }) => {
  const raw = await params;
  const studentId = parseId(raw.studentId);
  if (!studentId.ok) return studentId.response;
  const gate = await authorizeApi(request, "diary.view", { kind: "student", studentId: studentId.data });
  if (!gate.ok) return gate.response;
  const fileId = parseId(raw.fileId);
  if (!fileId.ok) return fileId.response;
  const file = await homeworkFileFor(gate.user, studentId.data, fileId.data);
  const bytes = file ? await getFile(file.storageKey) : null;
  if (!file || !bytes) return apiError("NOT_FOUND");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": file.mimeType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
