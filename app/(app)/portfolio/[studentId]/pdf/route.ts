// GET the printed portfolio of a student (LRN-5) as PDF, through the reports' pdfmake renderer:
// every entry but the rejected, each with «подтверждено (кем, когда)» or «не подтверждено».
// portfolio.view on the student (the student, a parent, the class teacher, the administration).
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { studentPortfolioRights } from "@/lib/portfolio/access";
import { loadStudentPortfolio, studentPortfolioModel } from "@/lib/portfolio/loaders";
import { CONTENT_TYPES, fileResponse } from "@/lib/reports/download";
import { renderPdf } from "@/lib/reports/render-pdf";
import { idSchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ studentId: string }> }) {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const studentId = idSchema.safeParse((await params).studentId).data;
  if (studentId === undefined) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const access = await authorizeUserForRoute(signedIn.user, "portfolio.view", { kind: "student", studentId });
  if (!access.ok) return access.response;
  const now = new Date();
  const view = await loadStudentPortfolio(access.user, studentId, await studentPortfolioRights(access.user, studentId));
  if (!view) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const bytes = await renderPdf(studentPortfolioModel(access.user.orgName, view, now));
  return fileResponse(bytes, `Портфолио ${view.student.fullName}.pdf`, CONTENT_TYPES.pdf, "pdf");
}
