// Cross-site request refusal for route handlers (NFR-5): a state-changing request must come from
// the app's own pages. Server actions get the same check from Next.js itself; next-auth's
// endpoints carry their own CSRF token. Pure: decides from the method and headers.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(method: string, headers: Headers, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (!origin) return false; // non-browser clients (tests, API tokens) send no Origin
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
