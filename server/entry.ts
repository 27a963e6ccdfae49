// Which file runs the production app server (issue 22, peak RSS ≤ 600 MB). `npm run build`, `npm start`
// and the benchmark compile server/main.ts ahead (server/build.ts) into COMPILED_SERVER; node runs that
// file as it is — no tsx at run time: no module-loader thread (tsx's hooks run in an isolate of their
// own, 13–21 MB of heap), no esbuild child process (16 MB of RSS), nothing compiled at start-up. The
// compiled file is used only while it is fresh: every source it was built from (listed by esbuild in
// COMPILED_SERVER_INPUTS) is older than it. Otherwise the server runs from its sources through tsx, as
// before (a checkout built by `next build` alone, development).
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The compiled app server, relative to the project root (inside .next: a new `next build` removes it). */
export const COMPILED_SERVER = path.join(".next", "app-server.mjs");
/** The sources it was compiled from (JSON array of paths relative to the root). */
export const COMPILED_SERVER_INPUTS = path.join(".next", "app-server.inputs.json");

/** The compiled server's absolute path when it exists and is newer than each of its sources; else null. */
export function compiledServer(root: string): string | null {
  const file = path.join(root, COMPILED_SERVER);
  const list = path.join(root, COMPILED_SERVER_INPUTS);
  if (!existsSync(file) || !existsSync(list)) return null;
  let inputs: unknown;
  try {
    inputs = JSON.parse(readFileSync(list, "utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return null;
  const built = statSync(file).mtimeMs;
  for (const input of inputs) {
    if (typeof input !== "string") return null;
    const source = path.join(root, input);
    if (!existsSync(source) || statSync(source).mtimeMs > built) return null;
  }
  return file;
}
