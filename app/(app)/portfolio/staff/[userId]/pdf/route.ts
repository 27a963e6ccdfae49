// GET a teacher's printed portfolio (LRN-5) as PDF: for the teacher themself and the administration.
import { staffPortfolioRights } from "@/lib/portfolio/access";
import { loadStaffPortfolio, staffPortfolioModel } from "@/lib/portfolio/loaders";
import { authorizedPortfolioPdf } from "@/lib/portfolio/pdf-route";
import { requireUserForRoute } from "@/lib/access/guard";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ userId: string }> }) {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  return authorizedPortfolioPdf(signedIn.user, (await params).userId, {
    rights: staffPortfolioRights,
    load: loadStaffPortfolio,
    model: staffPortfolioModel,
    fileName: (view) => `Портфолио педагога ${view.fullName}.pdf`,
  });
}
