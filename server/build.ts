// `tsx server/build.ts` (the second half of `npm run build`; `npm start` and the benchmark call
// buildServer when the compiled server is missing or stale): bundles server/main.ts and the project
// modules it imports (lib/ops, ≈ 25 KB) into .next/app-server.mjs with esbuild, for plain node (issue 22,
// peak RSS: server/entry.ts says why). Packages (next, pino, prom-client, zod) stay imports and
// resolve from node_modules at run time as before; the `@/` paths of tsconfig.json are resolved now.
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asciiServerChunks } from "./ascii-chunks";
import { COMPILED_SERVER, COMPILED_SERVER_INPUTS } from "./entry";

type Esbuild = typeof import("esbuild");

/** esbuild as tsx (a dependency of the project) installs it. */
function esbuild(root: string): Esbuild {
  const fromTsx = createRequire(createRequire(path.join(root, "package.json")).resolve("tsx/package.json"));
  return fromTsx("esbuild") as Esbuild;
}

/**
 * Compiles the app server of `root` into `root/.next/app-server.mjs` (or `outfile`); returns its path.
 * Into the build's own .next it also rewrites the server chunks of `next build` as one-byte text
 * (server/ascii-chunks.ts: ≈ 18 MB less heap for the sources V8 keeps) — every path from `next build`
 * to a running server (npm run build, npm start, the benchmark, the e2e runner) compiles the server
 * after it, as a new `next build` removes the compiled file.
 */
export async function buildServer(root: string, outfile?: string): Promise<string> {
  if (!outfile) asciiServerChunks(root);
  return compileServer(root, outfile ?? path.join(root, COMPILED_SERVER));
}

async function compileServer(root: string, outfile: string): Promise<string> {
  const result = await esbuild(root).build({
    absWorkingDir: root,
    entryPoints: [path.join(root, "server", "main.ts")],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    metafile: true,
    logLevel: "warning",
    banner: { js: "// Compiled by server/build.ts from server/main.ts — do not edit; `npm run build` makes it." },
  });
  const inputs = [...Object.keys(result.metafile.inputs), "tsconfig.json"];
  mkdirSync(path.dirname(outfile), { recursive: true });
  writeFileSync(path.join(path.dirname(outfile), path.basename(COMPILED_SERVER_INPUTS)), JSON.stringify(inputs));
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  buildServer(root).then(
    (file) => console.log(`Сервер приложения собран: ${path.relative(root, file)}`),
    (e: unknown) => {
      console.error(e instanceof Error ? `Ошибка сборки сервера: ${e.message}` : String(e));
      process.exit(1);
    },
  );
}
