// POST /people/logins/slips — issue logins / one-time passwords for the checked people and
// download their credential slips as one PDF (AUTH-2, AUTH-3).
import { requireAccessForRoute } from "@/lib/access/guard";
import { requestAddress } from "@/lib/auth/request";
import { fail, httpStatus } from "@/lib/errors";
import { issueSlips, parsePeople } from "@/lib/people/logins/issue";
import { isSameOrigin } from "@/lib/people/same-origin";

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return Response.json(fail("CROSS_SITE"), { status: 403 });
  // Signed in and allowed to issue something; each person is authorised again inside issueSlips.
  const staff = await requireAccessForRoute("users.issueStaff");
  const access = staff.ok ? staff : await requireAccessForRoute("users.issueFamily");
  if (!access.ok) return access.response;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json(fail("INVALID_INPUT"), { status: 400 });
  }
  const people = parsePeople(form.getAll("person").filter((v): v is string => typeof v === "string"));
  if (!people) return Response.json(fail("INVALID_INPUT"), { status: 400 });
  const signInUrl = `${process.env.NEXTAUTH_URL ?? new URL(request.url).origin}/login`;
  const result = await issueSlips(access.user, people, signInUrl, await requestAddress());
  if (!result.ok) return Response.json(result, { status: httpStatus(result.code) });
  return new Response(new Uint8Array(result.data.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="pamyatki.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
