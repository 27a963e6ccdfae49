// POST /people/logins/slips — issue logins / one-time passwords for the checked people and
// download their credential slips as one PDF (AUTH-2, AUTH-3).
import { requireAccessForRoute } from "@/lib/access/guard";
import { requestAddress } from "@/lib/auth/request";
import { fail, httpStatus } from "@/lib/errors";
import { issueSlips, parsePeople } from "@/lib/people/logins/issue";

export async function POST(request: Request): Promise<Response> {
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
  if (!people) return refusal(request, fail("INVALID_INPUT"), 400);
  const signInUrl = `${process.env.NEXTAUTH_URL ?? new URL(request.url).origin}/login`;
  const result = await issueSlips(access.user, people, signInUrl, await requestAddress());
  if (!result.ok) return refusal(request, result, httpStatus(result.code));
  return new Response(new Uint8Array(result.data.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="pamyatki.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The form posts here from a page: a browser gets the Russian message as a page, a script JSON. */
function refusal(request: Request, body: { message: string }, status: number): Response {
  if (!(request.headers.get("accept") ?? "").includes("text/html")) return Response.json(body, { status });
  let back = "/people";
  try {
    const from = new URL(request.headers.get("referer") ?? "", request.url);
    if (from.origin === new URL(request.url).origin && from.pathname.startsWith("/people/")) back = from.pathname;
  } catch {
    // no usable referrer: back to the people page
  }
  const html = `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Памятки не выданы</title>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto"><h1 style="font-size:1.25rem">Памятки не выданы</h1>
<p>${escapeHtml(body.message)}</p><p><a href="${escapeHtml(back)}">Вернуться</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
