// The one same-origin rule for every state-changing request (NFR-5, issue 19 item 7), applied by
// the app server (server/handler.ts) to every path before Next.js sees the request — pages' server actions, route handlers, /api/v1 — except next-auth's
// own endpoints (they carry a CSRF token of their own). Pure: decides from the method and headers.
//
// A POST/PUT/PATCH/DELETE is refused when
//  - the browser says it is not same-origin (Sec-Fetch-Site other than same-origin / none), or
//  - it has an Origin whose host is not the request's host (Host; X-Forwarded-Host only with
//    TRUST_PROXY, lib/ops/forwarded.ts), or an opaque Origin "null".
// A request without Origin is allowed: every current browser sends Origin with a POST, PUT,
// PATCH or DELETE (and Sec-Fetch-Site), so a request without it is not a browser's — an API
// client with a token, a script, a test — and it cannot be a forged cross-site submission; the
// session cookie is SameSite=Lax besides, so another site's form never carries it. (The other
// rule, "refuse without Origin", lived in lib/people/same-origin.ts and is gone.)
import { requestHost, type HeaderBag } from "@/lib/ops/forwarded";

/** The refusal's text (lib/errors.ts CROSS_SITE): here, so the app server need not load lib/errors' zod. */
export const CROSS_SITE_MESSAGE = "Запрос отклонён: он пришёл с другого сайта";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(
  method: string,
  headers: Headers | HeaderBag,
  trustProxy: string | undefined,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const get = (name: string): string | null =>
    headers instanceof Headers ? headers.get(name) : ((headers[name] as string | undefined) ?? null);
  const site = get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = get("origin");
  if (!origin) return false;
  const host = requestHost(headers, trustProxy);
  try {
    return host === null || new URL(origin).host.toLowerCase() !== host;
  } catch {
    return true;
  }
}
