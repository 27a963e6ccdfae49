// Route handlers that change data accept only same-site requests (NFR-5): a browser always
// sends Origin with a POST/PUT; a foreign or missing one is refused with 403.
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
