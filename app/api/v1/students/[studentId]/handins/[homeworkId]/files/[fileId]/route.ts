// API-1, LRN-1: a file of the student's own hand-in of a homework (diary.view on the student).
import { apiError, apiRoute } from "@/lib/api/gate";
import { handinFileOf } from "@/lib/api/handin/loaders";
import { parseId } from "@/lib/api/request";
import { authorizeApiForStudent } from "@/lib/api/student-route";
import { getFile } from "@/lib/storage/files";
import { fileResponse } from "@/lib/storage/upload";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  async (
    request: Request,
    { params }: { params: Promise<{ studentId: string; homeworkId: string; fileId: string }> },
  ) => {
    const raw = await params;
    const gate = await authorizeApiForStudent(request, raw.studentId);
    if (!gate.ok) return gate.response;
    const homeworkId = parseId(raw.homeworkId);
    if (!homeworkId.ok) return homeworkId.response;
    const fileId = parseId(raw.fileId);
    if (!fileId.ok) return fileId.response;
    const file = await handinFileOf(gate.user, gate.studentId, homeworkId.data, fileId.data);
    const bytes = file ? await getFile(file.storageKey) : null;
    if (!file || !bytes) return apiError("NOT_FOUND");
    return fileResponse(bytes, file);
  },
);
