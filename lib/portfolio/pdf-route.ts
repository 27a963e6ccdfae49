// The printed portfolio's route (LRN-5), a student's or a teacher's, in one sequence after the route
// has read its signed-in user (`requireUserForRoute`, else 401): the id from the address (else 404),
// the portfolio's rights with `view` (else 403), the portfolio (else 404), the PDF through the
// reports' renderer as an attachment.
import { authorizeUserForRoute } from "@/lib/access/guard";
import type { CurrentUser } from "@/lib/auth/session";
import { fail } from "@/lib/errors";
import { CONTENT_TYPES, fileResponse } from "@/lib/reports/download";
import type { ReportModel } from "@/lib/reports/model";
import { renderPdf } from "@/lib/reports/render-pdf";
import { idSchema } from "@/lib/schema";

export type PortfolioPdf<R extends { view: boolean }, V> = {
  /** The actor's rights on the portfolio of `id` (lib/portfolio/access.ts); without `view`: 403. */
  rights: (user: CurrentUser, id: number) => Promise<R>;
  load: (user: CurrentUser, id: number, rights: R) => Promise<V | null>;
  model: (orgName: string, view: V, now: Date) => ReportModel;
  fileName: (view: V) => string;
};

/** The portfolio's PDF for a user its `view` right admits (authorizeUserForRoute), else the refusal. */
export async function authorizedPortfolioPdf<R extends { view: boolean }, V>(
  user: CurrentUser,
  rawId: string,
  pdf: PortfolioPdf<R, V>,
): Promise<Response> {
  const id = idSchema.safeParse(rawId).data;
  if (id === undefined) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const access = await authorizeUserForRoute(user, async (u) => {
    const rights = await pdf.rights(u, id);
    return rights.view ? rights : null;
  });
  if (!access.ok) return access.response;
  const view = await pdf.load(access.user, id, access.granted);
  if (!view) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const bytes = await renderPdf(pdf.model(access.user.orgName, view, new Date()), access.user.timeZone);
  return fileResponse(bytes, pdf.fileName(view), CONTENT_TYPES.pdf, "pdf");
}
