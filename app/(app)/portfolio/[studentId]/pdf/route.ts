// GET the printed portfolio of a student (LRN-5) as PDF, through the reports' pdfmake renderer:
// every entry but the rejected, each with «подтверждено (кем, когда)» or «не подтверждено».
// portfolio.view on the student (the student, a parent, the class teacher, the administration).
import { studentPortfolioRights } from "@/lib/portfolio/access";
import { loadStudentPortfolio, studentPortfolioModel } from "@/lib/portfolio/loaders";
import { authorizedPortfolioPdf } from "@/lib/portfolio/pdf-route";
import { requireUserForRoute } from "@/lib/access/guard";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ studentId: string }> }) {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  return authorizedPortfolioPdf(signedIn.user, (await params).studentId, {
    rights: studentPortfolioRights,
    load: loadStudentPortfolio,
    model: studentPortfolioModel,
    fileName: (view) => `Портфолио ${view.student.fullName}.pdf`,
  });
}
