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
  // Specs that move the server's clock (E2E_CLOCK_FILE) run after all the others in a full run, so no
  // other spec meets a moved clock; a run of chosen specs runs just those.
  projects: [
    { name: "main", testIgnore: /diary-phone\.spec\.ts/ },
    {
      name: "clock",
      testMatch: /diary-phone\.spec\.ts/,
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
