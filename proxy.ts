// Runs before every request: refuses cross-site writes to the API route handlers with «Запрос
// отклонён» (403) and, over HTTPS, adds HSTS to every answer (SEC-7, lib/auth/transport.ts: read at
// run time, so next.config's build-time headers cannot carry it). Access itself is checked in
// every handler through lib/access/guard.ts, not here.
import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteWrite } from "@/lib/access/same-origin";
import { HSTS_VALUE, servedOverHttps } from "@/lib/auth/transport";
import { ERRORS } from "@/lib/errors";

export function proxy(request: NextRequest) {
  const response = refuseCrossSite(request) ?? NextResponse.next();
  if (servedOverHttps()) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

function refuseCrossSite(request: NextRequest): NextResponse | null {
  const path = request.nextUrl.pathname;
  // Route handlers only; next-auth's own endpoints carry a CSRF token of their own.
  if (!path.startsWith("/api/") || path.startsWith("/api/auth/")) return null;
  if (!isCrossSiteWrite(request.method, request.headers, request.headers.get("host"))) return null;
  return NextResponse.json({ ok: false, code: "CROSS_SITE", message: ERRORS.CROSS_SITE }, { status: 403 });
}

// Every path but the build's immutable static files (HSTS belongs on pages and API answers alike).
export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
