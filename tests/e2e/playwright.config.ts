import { defineConfig } from "@playwright/test";

// Debian's Chromium (browser downloads are impossible here); flags from DEVELOPERS.md.

/** Specs named on the command line: run just those, without the projects they depend on. */
const chosen = process.argv.some((a) => /\.spec\.ts$/.test(a));
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  // Specs that move the server's clock (E2E_CLOCK_FILE) or close a quarter of the demo school run
  // after all the others in a full run, one after the other, so no other spec meets a moved clock or
  // a closed 7А quarter. A run of chosen specs (`npm run test:e2e -- tests/e2e/x.spec.ts`) runs just
  // those (Playwright would otherwise run a dependency project in full).
  projects: [
    { name: "main", testIgnore: /(record-closing|diary-phone|home-day)\.spec\.ts/ },
    { name: "record", testMatch: /record-closing\.spec\.ts/, dependencies: chosen ? [] : ["main"] },
    { name: "clock", testMatch: /diary-phone\.spec\.ts/, dependencies: chosen ? [] : ["record"] },
    { name: "day", testMatch: /home-day\.spec\.ts/, dependencies: chosen ? [] : ["clock"] },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000",
    locale: "ru-RU",
    timezoneId: "Europe/Samara",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
