import { defineConfig } from "@playwright/test";

// Debian's Chromium (browser downloads are impossible here); flags from DEVELOPERS.md.
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  // The spec that closes a quarter of the demo school and moves the server's clock runs after all the
  // others in a full run, so none of them meets a closed 7А quarter or a clock 12 hours ahead. A run
  // of chosen specs (`npm run test:e2e -- tests/e2e/x.spec.ts`) runs just those (Playwright would
  // otherwise run a dependency project in full).
  projects: [
    { name: "main", testIgnore: /record-closing\.spec\.ts/ },
    {
      name: "record",
      testMatch: /record-closing\.spec\.ts/,
      dependencies: process.argv.some((a) => /\.spec\.ts$/.test(a)) ? [] : ["main"],
    },
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
