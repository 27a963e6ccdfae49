// SEC-7: over HTTPS (NEXTAUTH_URL https://…) every next-auth cookie is Secure (and __Secure-/__Host-
// prefixed) and every answer carries Strict-Transport-Security; over plain HTTP neither, so the demo
// on http://localhost keeps working. The decision is read at run time (server/handler.ts,
// lib/auth/options.ts); the app server's HSTS on every answer: tests/unit/ops-handler.test.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { servedOverHttps } from "@/lib/auth/transport";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function optionsFor(url: string) {
  vi.stubEnv("NEXTAUTH_URL", url);
  vi.resetModules();
  return (await import("@/lib/auth/options")).authOptions;
}

describe("HTTPS deployment (SEC-7)", () => {
  it("is recognised from NEXTAUTH_URL only when its scheme is https", () => {
    expect(servedOverHttps("https://journal.example.ru")).toBe(true);
    expect(servedOverHttps(" HTTPS://journal.example.ru/ ")).toBe(true);
    expect(servedOverHttps("http://localhost:3000")).toBe(false);
    expect(servedOverHttps("")).toBe(false);
    expect(servedOverHttps(undefined)).toBe(false);
    expect(servedOverHttps("journal.example.ru")).toBe(false);
  });

  it("makes next-auth's cookies Secure (and prefixed) over https, not over http", async () => {
    const https = await optionsFor("https://journal.example.ru");
    expect(https.useSecureCookies).toBe(true);
    expect(https.cookies?.sessionToken?.name).toBe("__Secure-next-auth.session-token");
    expect(https.cookies?.sessionToken?.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
    const http = await optionsFor("http://localhost:3000");
    expect(http.useSecureCookies).toBe(false);
    expect(http.cookies?.sessionToken?.name).toBe("next-auth.session-token");
    expect(http.cookies?.sessionToken?.options).toMatchObject({ secure: false, httpOnly: true });
  });
});
