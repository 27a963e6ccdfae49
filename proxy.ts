// Runs before every page, server action and route handler: refuses cross-site writes with
// «Запрос отклонён» (403) by the one same-origin rule (lib/access/same-origin.ts, issue 19 item 7)
// and, over HTTPS, adds HSTS to every answer (SEC-7, lib/auth/transport.ts: read at run time, so
// next.config's build-time headers cannot carry it). Access itself is checked in every page,
// action and handler through lib/access/guard.ts, not here.
import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteWrite } from "@/lib/access/same-origin";
import { HSTS_VALUE, servedOverHttps } from "@/lib/auth/transport";
import { fail } from "@/lib/errors";

export function proxy(request: NextRequest) {
  const response = refuseCrossSite(request) ?? NextResponse.next();
  if (servedOverHttps()) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

function refuseCrossSite(request: NextRequest): NextResponse | null {
  // next-auth's own endpoints carry a CSRF token of their own.
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return null;
  if (!isCrossSiteWrite(request.method, request.headers, process.env.TRUST_PROXY)) return null;
  if (request.headers.has("next-action")) {
    // A server action call: Next's client shows a text/plain answer as the error's message.
    return new NextResponse(fail("CROSS_SITE").message, { status: 403, headers: { "content-type": "text/plain" } });
  }
  return NextResponse.json(fail("CROSS_SITE"), { status: 403 });
}

// Every path but the build's static files and public assets (HSTS belongs on pages and API answers alike).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|sw.js|manifest.webmanifest|icons/).*)"] };
