// API-1: a homework file of a lesson of the student's class (diary.view on the student).
import { apiError, apiRoute } from "@/lib/api/gate";
import { authorizeApiForStudent } from "@/lib/api/student-route";
import { homeworkFileFor } from "@/lib/api/family/loaders";
import { parseId } from "@/lib/api/request";
import { getFile } from "@/lib/storage/files";
import { fileResponse } from "@/lib/storage/upload";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  async (request: Request, { params }: { params: Promise<{ studentId: string; fileId: string }> }) => {
    const raw = await params;
    const gate = await authorizeApiForStudent(request, raw.studentId);
    if (!gate.ok) return gate.response;
    const fileId = parseId(raw.fileId);
    if (!fileId.ok) return fileId.response;
    const file = await homeworkFileFor(gate.user, gate.studentId, fileId.data);
    const bytes = file ? await getFile(file.storageKey) : null;
    if (!file || !bytes) return apiError("NOT_FOUND");
    return fileResponse(bytes, file);
  },
);
