// SEC-7: a deployment served over HTTPS (NEXTAUTH_URL is https://…) marks every cookie `Secure`
// (next-auth's useSecureCookies and the session cookie in lib/auth/options.ts) and sends HSTS on
// every response (the app server, server/handler.ts), so a browser never again talks to it over plain HTTP. Read at run
// time, not at build time: the same build serves http://localhost and https://journal.example.
/** One year, subdomains of the journal's host included; no preload (that is the operator's choice). */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

export function servedOverHttps(publicUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  try {
    return new URL((publicUrl ?? "").trim()).protocol === "https:";
  } catch {
    return false;
  }
}
