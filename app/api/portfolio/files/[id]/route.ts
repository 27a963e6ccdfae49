// GET the file of a portfolio entry (LRN-5): a student's diploma for whoever may read that entry
// (portfolio.view on the student, or its author), a teacher's document (`?kind=staff`) for the
// teacher and the administration.
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { staffPortfolioRights, studentPortfolioRights } from "@/lib/portfolio/access";
import { achievementById, staffAchievementById } from "@/lib/portfolio/data";
import { getFile } from "@/lib/storage/files";
import { fileResponse } from "@/lib/storage/upload";
import { idSchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await requireUserForRoute();
  if (!auth.ok) return auth.response;
  const user = auth.user;
  const id = idSchema.safeParse((await params).id).data;
  if (id === undefined) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const staff = new URL(request.url).searchParams.get("kind") === "staff";
  let file: { storageKey: string | null; fileName: string | null; mimeType: string | null } | null;
  if (staff) {
    const e = await staffAchievementById(user.organisationId, id);
    if (e) {
      const access = await authorizeUserForRoute(user, async (u) => (await staffPortfolioRights(u, e.userId)).view);
      if (!access.ok) return access.response;
    }
    file = e;
  } else {
    const e = await achievementById(user.organisationId, id);
    if (e) {
      const access = await authorizeUserForRoute(user, async (u) => {
        const rights = await studentPortfolioRights(u, e.studentId);
        return rights.view || (rights.add && e.addedById === u.id);
      });
      if (!access.ok) return access.response;
    }
    file = e;
  }
  if (!file?.storageKey || !file.fileName || !file.mimeType) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const bytes = await getFile(file.storageKey);
  if (!bytes) return Response.json(fail("NOT_FOUND", "Файл не найден в хранилище"), { status: 404 });
  return fileResponse(bytes, { fileName: file.fileName, mimeType: file.mimeType }, true);
}
