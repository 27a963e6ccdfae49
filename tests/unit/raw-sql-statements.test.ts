// Issue 19 item 5: a raw SQL statement whose rows the code reads is a `rawStatement` of lib/db.ts (its columns written with lib/sql.ts `col`)
// (its row type inferred from a runtime shape that tests/integration/raw-sql.test.ts checks on the
// demo data), not a `$queryRaw<HandWrittenRow[]>` nothing checks. Untyped `$queryRaw` is left for
// row locks and pings whose result is not read. The journal grid's and save path's statements
// (lib/journal/data.ts, lib/journal/mutations.ts) were the last on the ratchet below (issue 22, round 6).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../support/source-files";

const root = path.resolve(__dirname, "../..");

const filesUnder = (dir: string) => sourceFiles(dir);

/** Typed raw statements still declared by hand: file → count. Only shrinks (empty since round 6: the journal's moved). */
const NOT_YET: Record<string, number> = {};

/** file → number of `$queryRaw<…>` / `$queryRawUnsafe` (a hand-declared row type) in it. */
function handTyped(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const dir of ["lib", "app"]) {
    for (const file of filesUnder(path.join(root, dir))) {
      const rel = path.relative(root, file).split(path.sep).join("/");
      if (rel === "lib/db.ts") continue; // rawStatement itself
      const n = (readFileSync(file, "utf8").match(/\$queryRaw\s*<|\$queryRawUnsafe\b/g) ?? []).length;
      if (n > 0) out[rel] = n;
    }
  }
  return out;
}

describe("raw SQL statements declare their rows through rawStatement (issue 19 item 5)", () => {
  it("no hand-typed $queryRaw outside the ratchet list", () => {
    expect(handTyped()).toEqual(NOT_YET);
  });
});
