// Runs before the API route handlers: refuses cross-site writes with «Запрос отклонён» (403).
// Access itself is checked in every handler through lib/access/guard.ts, not here.
import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteWrite } from "@/lib/access/same-origin";
import { ERRORS } from "@/lib/errors";

export function proxy(request: NextRequest) {
  // next-auth's own endpoints carry a CSRF token of their own.
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return NextResponse.next();
  if (isCrossSiteWrite(request.method, request.headers, request.headers.get("host"))) {
    return NextResponse.json({ ok: false, code: "CROSS_SITE", message: ERRORS.CROSS_SITE }, { status: 403 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/api/:path*"] };
