// Issue 22 (peak RSS ≤ 600 MB): the production app server runs compiled ahead (server/build.ts) with
// plain node — no tsx module-loader thread, no esbuild child process — whenever the compiled file is
// newer than every source it was built from; otherwise, and in development, from its sources through tsx.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_HEAP_GROWING_PERCENT, appServerArgv } from "@/prisma/tools/heap-cap";
import { PROJECT_ROOT } from "@/prisma/tools/paths";
import { buildServer } from "@/server/build";
import { COMPILED_SERVER, COMPILED_SERVER_INPUTS, compiledServer } from "@/server/entry";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project root with server/main.ts, lib/ops/a.ts and, when `compiled`, a compiled server listing both. */
function project(compiled: boolean): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "ej-server-"));
  dirs.push(root);
  mkdirSync(path.join(root, "server"));
  mkdirSync(path.join(root, "lib", "ops"), { recursive: true });
  mkdirSync(path.join(root, ".next"));
  writeFileSync(path.join(root, "server", "main.ts"), "import '@/lib/ops/a';\n");
  writeFileSync(path.join(root, "lib", "ops", "a.ts"), "export {};\n");
  const old = new Date(Date.now() - 60_000);
  for (const f of ["server/main.ts", "lib/ops/a.ts"]) utimesSync(path.join(root, f), old, old);
  if (compiled) {
    writeFileSync(path.join(root, COMPILED_SERVER), "// compiled\n");
    writeFileSync(path.join(root, COMPILED_SERVER_INPUTS), JSON.stringify(["server/main.ts", "lib/ops/a.ts"]));
    const built = new Date(Date.now() - 30_000);
    utimesSync(path.join(root, COMPILED_SERVER), built, built);
  }
  return root;
}

describe("which file runs the production app server (issue 22)", () => {
  it("the compiled server, with the heap cap and without tsx, when it is newer than its sources", () => {
    const root = project(true);
    expect(compiledServer(root)).toBe(path.join(root, COMPILED_SERVER));
    expect(appServerArgv({ MAX_HEAP_MB: "400" }, root)).toEqual([
      "--max-old-space-size=400",
      `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`,
      path.join(root, COMPILED_SERVER),
    ]);
  });

  it("the sources through tsx when a source changed after the compile", () => {
    const root = project(true);
    writeFileSync(path.join(root, "lib", "ops", "a.ts"), "export const changed = 1;\n");
    expect(compiledServer(root)).toBeNull();
    expect(appServerArgv({ MAX_HEAP_MB: "400" }, root)).toEqual([
      "--max-old-space-size=400",
      `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`,
      "--import",
      "tsx/esm",
      `${root}/server/main.ts`,
    ]);
  });

  it("the sources through tsx when nothing was compiled, or a listed source is gone", () => {
    expect(compiledServer(project(false))).toBeNull();
    const root = project(true);
    rmSync(path.join(root, "lib", "ops", "a.ts"));
    expect(compiledServer(root)).toBeNull();
  });

  it("development always runs the sources", () => {
    const root = project(true);
    expect(appServerArgv({ MAX_HEAP_MB: "0" }, root, ["--dev"])).toEqual([
      `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`,
      "--import",
      "tsx/esm",
      `${root}/server/main.ts`,
      "--dev",
    ]);
  });
});

describe("server/build.ts compiles the app server for plain node (issue 22)", () => {
  it("bundles server/main.ts with its own modules; node runs it without tsx and it reads its settings", async () => {
    // Inside the project, so node resolves the packages from its node_modules as it does for .next/.
    const cache = path.join(PROJECT_ROOT, "node_modules", ".cache");
    mkdirSync(cache, { recursive: true });
    const out = mkdtempSync(path.join(cache, "ej-server-build-"));
    dirs.push(out);
    const file = await buildServer(PROJECT_ROOT, path.join(out, "app-server.mjs"));
    const code = readFileSync(file, "utf8");
    expect(code).not.toMatch(/from "@\//); // the tsconfig paths are resolved at build time
    expect(code).toMatch(/^import next from "next";$/m); // packages stay imports from node_modules
    const inputs = JSON.parse(readFileSync(path.join(out, "app-server.inputs.json"), "utf8")) as string[];
    expect(inputs).toEqual(expect.arrayContaining(["server/main.ts", "server/handler.ts", "lib/ops/body-limit.ts"]));
    // Plain node, no loader: the server's own check of PORT answers (then exits before Next starts).
    const run = spawnSync(process.execPath, [file], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: "70000" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toContain("PORT: неверный порт «70000»");
    expect(run.status).toBe(1);
  }, 90_000);
});
