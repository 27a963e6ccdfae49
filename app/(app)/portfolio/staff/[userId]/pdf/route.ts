// GET a teacher's printed portfolio (LRN-5) as PDF: for the teacher themself and the administration.
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { staffPortfolioRights } from "@/lib/portfolio/access";
import { loadStaffPortfolio, staffPortfolioModel } from "@/lib/portfolio/loaders";
import { CONTENT_TYPES, fileResponse } from "@/lib/reports/download";
import { renderPdf } from "@/lib/reports/render-pdf";
import { idSchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ userId: string }> }) {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const userId = idSchema.safeParse((await params).userId).data;
  if (userId === undefined) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const access = await authorizeUserForRoute(signedIn.user, async (u) => {
    const rights = await staffPortfolioRights(u, userId);
    return rights.view ? rights : null;
  });
  if (!access.ok) return access.response;
  const view = await loadStaffPortfolio(signedIn.user, userId, access.granted);
  if (!view) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const bytes = await renderPdf(staffPortfolioModel(signedIn.user.orgName, view, new Date()));
  return fileResponse(bytes, `Портфолио педагога ${view.fullName}.pdf`, CONTENT_TYPES.pdf, "pdf");
}
