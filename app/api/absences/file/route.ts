// The file of an absence's document (DUT-3) or of a parent's notice (DUT-4):
// GET /api/absences/file?kind=absence|notice&id=N. The class teacher side (absence.record on the
// student) opens both; the family opens its own notice's photo (absence.notify on the child).
import { z } from "zod";
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { documentFile } from "@/lib/absences/data";
import { fail } from "@/lib/errors";
import { getFile } from "@/lib/storage/files";
import { idOf } from "@/lib/schema";

const query = z.object({
  kind: z.enum(["absence", "notice"], { error: "kind: absence или notice" }),
  id: idOf("Неверный номер"),
});

const notFound = () => Response.json(fail("NOT_FOUND"), { status: 404 });

export async function GET(request: Request) {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const params = new URL(request.url).searchParams;
  const parsed = query.safeParse({ kind: params.get("kind"), id: params.get("id") });
  if (!parsed.success)
    return Response.json(fail("INVALID_INPUT", parsed.error.issues.map((i) => i.message).join("; ")), { status: 400 });
  const file = await documentFile(signedIn.user.organisationId, parsed.data.kind, parsed.data.id);
  if (!file) return notFound();
  const target = { kind: "student" as const, studentId: file.studentId };
  const access = await authorizeUserForRoute(
    signedIn.user,
    parsed.data.kind === "notice" ? ["absence.record", "absence.notify"] : "absence.record",
    target,
  );
  if (!access.ok) return access.response;
  const bytes = await getFile(file.fileKey);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.fileType,
      "Content-Disposition": `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
