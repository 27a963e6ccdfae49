// The repository's own source files, for the unit tests that read code as text (layer rules,
// ratchets, wording checks).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "../..");

/** Absolute paths of the files under `dir` (absolute, or relative to the repository) whose names match `names`. */
export function sourceFiles(dir: string, names: RegExp = /\.tsx?$/): string[] {
  const start = path.resolve(repoRoot, dir);
  return readdirSync(start).flatMap((name) => {
    const full = path.join(start, name);
    if (statSync(full).isDirectory()) return sourceFiles(full, names);
    return names.test(name) ? [full] : [];
  });
}
