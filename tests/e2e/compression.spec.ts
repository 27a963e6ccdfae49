// Issue 22 item 6: Next.js's `compress` is off; the app server gzips pages, RSC payloads and large
// JSON for a client that accepts gzip (a parent's phone on a mobile network) — and never a small
// JSON answer such as the mark save's, which Next's compression gzipped whenever the client asked.
import { expect, test } from "@playwright/test";

test.describe("answers gzipped by the app server (issue 22 item 6)", () => {
  test("a page and its scripts come gzipped to the browser, which asks for it", async ({ page }) => {
    const scripts: Array<Promise<string | undefined>> = [];
    page.on("response", (r) => {
      if (/\/_next\/static\/.+\.js$/.test(r.url())) scripts.push(r.allHeaders().then((h) => h["content-encoding"]));
    });
    const login = await page.goto("/login");
    expect(login?.status()).toBe(200);
    expect((await login!.allHeaders())["content-encoding"]).toBe("gzip");
    await expect(page.getByRole("button", { name: "Войти" })).toBeVisible();
    expect(scripts.length).toBeGreaterThan(0);
    expect(await Promise.all(scripts)).toContain("gzip");
  });

  test("a client that does not ask gets the page as it is", async ({ request }) => {
    const r = await request.get("/login", { headers: { "accept-encoding": "identity" } });
    expect(r.status()).toBe(200);
    expect(r.headers()["content-encoding"]).toBeUndefined();
    expect(await r.text()).toContain("<html");
  });

  test("the mark save's small JSON answer is never gzipped, even when the client asks", async ({ request }) => {
    const r = await request.post("/api/journal/cell", {
      headers: { "accept-encoding": "gzip, deflate, br" },
      data: { kind: "mark", lessonId: 1, studentId: 1, input: "5", version: 0 },
    });
    expect(r.status()).toBe(401);
    expect(r.headers()["content-encoding"]).toBeUndefined();
    expect((await r.json()).ok).toBe(false);
  });
});
