// PUT /people/students/:id/medical — the medical fields as JSON (ACL-4): only people.medical
// (ADMIN, MEDIC) may change them; anyone else gets 403 and nothing changes.
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { requestAddress } from "@/lib/auth/request";
import { fail, httpStatus } from "@/lib/errors";
import { saveCardSection } from "@/lib/people/card/sections";
import { idSchema } from "@/lib/people/schema";

export async function PUT(request: Request, { params }: { params: Promise<{ studentId: string }> }): Promise<Response> {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const id = idSchema.safeParse((await params).studentId);
  if (!id.success) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const access = await authorizeUserForRoute(signedIn.user, "people.medical", { kind: "student", studentId: id.data });
  if (!access.ok) return access.response;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json(fail("INVALID_INPUT", "Тело запроса — JSON с полями карточки"), { status: 400 });
  }
  const result = await saveCardSection(
    { organisationId: access.user.organisationId, userId: access.user.id, ip: await requestAddress() },
    "medical",
    id.data,
    body,
  );
  return Response.json(result, { status: result.ok ? 200 : httpStatus(result.code) });
}
