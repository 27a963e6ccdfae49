// next.config.ts is loaded by Next.js without the "@/" alias (issue 19 leftover): whatever project
// file it imports must import nothing itself, so the rest of lib/ (lib/schema.ts, lib/errors.ts …)
// may use "@/" freely. The server-action body limit it sets is the one the app server enforces (SEC-6).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";
import { DEFAULT_ACTION_BODY_BYTES } from "@/lib/ops/body-limit";
import { ACTION_BODY_BYTES, MAX_FILE_BYTES, MAX_FILES_PER_ITEM } from "@/lib/storage/limits";
import { repoRoot } from "../support/source-files";

const IMPORT_SPEC = /(?:import|export)[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const specsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(IMPORT_SPEC)].map((m) => m[1] ?? m[2]);

describe("next.config.ts (issue 19, SEC-6)", () => {
  it("imports only project files that import nothing (no '@/' chain Next.js could not resolve)", () => {
    const local = specsOf(path.join(repoRoot, "next.config.ts")).filter((s) => s.startsWith("."));
    expect(local.length).toBeGreaterThan(0);
    const chained = local.flatMap((spec) =>
      specsOf(path.join(repoRoot, `${spec}.ts`)).map((inner) => `${spec} → ${inner}`),
    );
    expect(chained).toEqual([]);
  });

  it("sets the server actions' body limit the app server enforces: one item's files plus 2 MB", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(ACTION_BODY_BYTES);
    expect(ACTION_BODY_BYTES).toBe(MAX_FILES_PER_ITEM * MAX_FILE_BYTES + 2 * 1024 * 1024);
    expect(DEFAULT_ACTION_BODY_BYTES).toBe(ACTION_BODY_BYTES);
  });

  it("leaves compression to the app server (issue 22 item 6: server/handler.ts gzips only what gains from it)", () => {
    expect(nextConfig.compress).toBe(false);
  });
});
