// The server's clock — one seam for «now» in the journal's lock paths (JRN-6, REC-1: the 12-hour
// unlock). Production reads the system clock. The Playwright tier runs the production build with
// E2E_CLOCK_FILE set (tests/e2e/run.ts, nowhere else; `npm start` removes the variable): the file
// holds a JSON `{ "offsetMs": n }` that moves this clock, so a browser test can look 12 hours
// ahead without waiting. Read on every call: a test moves the clock and the next request sees it.
// Server-only (node:fs): client components never import this module.
import { readFileSync } from "node:fs";

export function serverNow(): Date {
  const file = process.env.E2E_CLOCK_FILE;
  if (!file) return new Date();
  let offset = 0;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { offsetMs?: unknown };
    if (typeof parsed.offsetMs === "number" && Number.isFinite(parsed.offsetMs)) offset = parsed.offsetMs;
  } catch {
    // No file (the clock was never moved) or a half-written one: the system clock.
  }
  return new Date(Date.now() + offset);
}
