import { expect, test } from "@playwright/test";
import { demoLogin, signInAs } from "./support";
import { ProfilePage } from "./pages/profile-page";

test.describe("profile: API tokens and notifications (API-2, API-3, API-4)", () => {
  test("a parent creates a read-only token, reads the API with it, and revoking stops it at once", async ({ page }) => {
    await signInAs(page, "PARENT");
    const profile = new ProfilePage(page);
    await profile.openFromHeader("Смирнова О. Н.");
    const token = await profile.createToken("Приложение семьи", "только чтение");
    const headers = { authorization: `Bearer ${token}` };
    const children = await page.request.get("/api/v1/children", { headers });
    expect(children.status()).toBe(200);
    expect((await children.json()).items).toHaveLength(2);
    const write = await page.request.post("/api/v1/mail", {
      headers,
      data: { personIds: [1], subject: "x", body: "y" },
    });
    expect(write.status()).toBe(403);
    await profile.revoke("Приложение семьи");
    expect((await page.request.get("/api/v1/children", { headers })).status()).toBe(401);
  });

  test("the API description page lists the routes from the OpenAPI document", async ({ page }) => {
    await signInAs(page, "PARENT");
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { name: /GET \/api\/v1\/students\/\{studentId\}\/diary/ })).toBeVisible();
    const doc = await page.request.get("/api/v1/openapi.json");
    expect((await doc.json()).openapi).toBe("3.1.0");
  });

  test("opting in registers the service worker, and the diary is installable", async ({ page, context }) => {
    await context.grantPermissions(["notifications"]);
    await signInAs(page, "PARENT");
    await new ProfilePage(page).enableNotifications();
    const scriptURL = await page.evaluate(
      async () =>
        (await navigator.serviceWorker.getRegistration("/"))?.active?.scriptURL ??
        (await navigator.serviceWorker.ready).active?.scriptURL,
    );
    expect(scriptURL).toMatch(/\/sw\.js$/);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await page.request.get(manifestHref!)).json();
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(["192x192", "512x512"]),
    );
    expect(demoLogin("PARENT").login).toBe("parent");
  });
});
