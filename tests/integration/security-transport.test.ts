// SEC-7: over HTTPS (NEXTAUTH_URL https://…) every next-auth cookie is Secure (and __Secure-/__Host-
// prefixed) and every answer carries Strict-Transport-Security; over plain HTTP neither, so the demo
// on http://localhost keeps working. The decision is read at run time (proxy.ts, lib/auth/options.ts).
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HSTS_VALUE, servedOverHttps } from "@/lib/auth/transport";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function optionsFor(url: string) {
  vi.stubEnv("NEXTAUTH_URL", url);
  vi.resetModules();
  return (await import("@/lib/auth/options")).authOptions;
}

async function proxyFor(url: string) {
  vi.stubEnv("NEXTAUTH_URL", url);
  vi.resetModules();
  return (await import("@/proxy")).proxy;
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

  it("sends HSTS on pages and API answers over https, also with a cross-site refusal; none over http", async () => {
    const https = await proxyFor("https://journal.example.ru");
    for (const path of ["/", "/diary", "/login", "/api/v1/me"]) {
      const res = https(new NextRequest(`https://journal.example.ru${path}`));
      expect(res.headers.get("strict-transport-security"), path).toBe(HSTS_VALUE);
    }
    const refused = https(
      new NextRequest("https://journal.example.ru/api/journal/cell", {
        method: "POST",
        headers: { origin: "https://evil.example", host: "journal.example.ru" },
      }),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get("strict-transport-security")).toBe(HSTS_VALUE);
    const http = await proxyFor("http://localhost:3000");
    expect(http(new NextRequest("http://localhost:3000/diary")).headers.get("strict-transport-security")).toBeNull();
  });

  it("runs the proxy on pages too (the matcher leaves out only the build's static files)", async () => {
    const { config } = await import("@/proxy");
    const pattern = new RegExp(`^${config.matcher[0].replace("/((?!", "/(?!(?:").replace(").*)", ")).*")}$`);
    expect(pattern.test("/diary/5")).toBe(true);
    expect(pattern.test("/api/reports/summary")).toBe(true);
    expect(pattern.test("/_next/static/chunks/app.js")).toBe(false);
  });
});
