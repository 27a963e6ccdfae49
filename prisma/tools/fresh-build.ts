// The production build, made only when it is missing or older than the sources (issue 26): the
// e2e runner and the multi-node integration test share one build instead of building twice.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { buildServer } from "../../server/build";
import { compiledServer } from "../../server/entry";
import { PROJECT_ROOT } from "./paths";

const SOURCES = [
  "app",
  "lib",
  "components",
  "public",
  "prisma/generated",
  "instrumentation.ts",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestMtime(entry: string): number {
  let st;
  try {
    st = statSync(entry);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Whether .next holds a build newer than every source file. */
export function buildIsFresh(root: string = PROJECT_ROOT): boolean {
  const id = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(id)) return false;
  const built = statSync(id).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

/**
 * Runs `next build` unless the build is fresh, then compiles the app server unless that is fresh
 * (issue 22: the e2e and multi-node servers run it as `npm start` does); rejects when a build fails.
 */
export async function ensureBuild(env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<void> {
  await ensureNextBuild(env, log);
  if (!compiledServer(PROJECT_ROOT)) await buildServer(PROJECT_ROOT);
}

async function ensureNextBuild(env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<void> {
  if (buildIsFresh()) return;
  log("building the production app (next build)");
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(path.join(PROJECT_ROOT, "node_modules", ".bin", "next"), ["build"], {
      cwd: PROJECT_ROOT,
      env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`next build exited with ${code}`);
}
