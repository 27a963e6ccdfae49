// Issue 22 (peak RSS ≤ 600 MB): server/ascii-chunks.ts rewrites the server chunks of `next build` so
// that V8 keeps their sources as one-byte strings — the same program, and a source map that still
// points at the same source positions.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode, decode } from "@jridgewell/sourcemap-codec";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/prisma/tools/paths";
import { asciiServerChunks, escapeWide, shiftMappings } from "@/server/ascii-chunks";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const WIDE = /[\u0100-\uffff]/;

/** Runs a CommonJS chunk's text and returns its exports. */
function run(code: string): unknown {
  const module = { exports: {} as unknown };
  new Function("module", code)(module);
  return module.exports;
}

const CHUNK = [
  "module.exports=(()=>{",
  "const label=\"Дневник ученика — неделя\",msg='Ошибка: «оценка»',ё=1;",
  'const re=/^[а-яё\\-]+$/iu,re2=/[\\–—]/,t=`Класс ${ё}А`,emoji="😀",sep="a\\u2028b",id="\\ж";',
  '/* комментарий */ const latin="café";',
  'return [label,msg,ё,re.test("Ёлка"),re2.test("—"),t,emoji,emoji.length,sep,id,latin,re.source.length];',
  "})();",
].join("\n");

describe("server chunks as one-byte text (issue 22, peak RSS)", () => {
  it("escapes every character above U+00FF and the chunk computes the same values", () => {
    const { code } = escapeWide(CHUNK);
    expect(WIDE.test(code)).toBe(false);
    expect(code).toContain("caf\u00e9"); // Latin-1 stays as it is: one byte in V8 already
    expect(code).toContain('id="\\u0436"'); // an identity escape `\ж` becomes the escape itself
    const before = run(CHUNK) as unknown[];
    const after = run(code) as unknown[];
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(before[3]).toBe(true);
    expect(before[4]).toBe(true);
  });

  it("moves each generated column of the source map by what the escapes before it on its line added", () => {
    const code = 'let a="жж",b=1;\nlet c="щ",d=2;\nlet e=3;';
    // One segment at the start of each name and value (generated column, source 0, line, column).
    const segs = (line: string, n: number) =>
      [...line.matchAll(/[a-e]=|\d|"[^"]*"/g)].map((m) => [m.index, 0, n, m.index] as [number, number, number, number]);
    const lines = code.split("\n");
    const mappings = encode(lines.map(segs));
    const escaped = escapeWide(code);
    const moved = decode(shiftMappings(mappings, escaped.growth));
    const out = escaped.code.split("\n");
    lines.forEach((line, n) => {
      segs(line, n).forEach(([column], i) => {
        const at = moved[n][i][0];
        // The generated text at the moved column is what was at the original one.
        expect(out[n].slice(at, at + 2)).toBe(escapeWide(line.slice(column, column + 2)).code.slice(0, 2));
        expect(moved[n][i].slice(1)).toEqual([0, n, column]);
      });
    });
    expect(moved[1].map((seg) => seg[0])).toEqual([4, 6, 15, 17]); // after «щ» (column 7) 5 columns on
  });

  it("rewrites a build's server chunks and their maps in place, and leaves Latin-1 files alone", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "ej-ascii-"));
    dirs.push(root);
    const chunks = path.join(root, ".next", "server", "chunks", "ssr");
    mkdirSync(chunks, { recursive: true });
    writeFileSync(path.join(chunks, "a.js"), 'module.exports="Журнал";\n//# sourceMappingURL=a.js.map');
    writeFileSync(
      path.join(chunks, "a.js.map"),
      JSON.stringify({
        version: 3,
        sources: ["a.ts"],
        names: [],
        mappings: encode([
          [
            [0, 0, 0, 0],
            [16, 0, 0, 7],
          ],
        ]),
      }),
    );
    writeFileSync(path.join(chunks, "b.js"), 'module.exports="plain café";');
    expect(asciiServerChunks(root)).toEqual({ files: 1, chars: expect.any(Number) });
    const a = readFileSync(path.join(chunks, "a.js"), "utf8");
    expect(a).toBe('module.exports="\\u0416\\u0443\\u0440\\u043d\\u0430\\u043b";\n//# sourceMappingURL=a.js.map');
    expect(run(a)).toBe("Журнал");
    const map = JSON.parse(readFileSync(path.join(chunks, "a.js.map"), "utf8")) as { mappings: string };
    expect(decode(map.mappings)).toEqual([
      [
        [0, 0, 0, 0],
        [16, 0, 0, 7],
      ],
    ]); // at the first escape's start: unmoved
    expect(readFileSync(path.join(chunks, "b.js"), "utf8")).toBe('module.exports="plain café";');
    expect(asciiServerChunks(root).files).toBe(0); // a second pass finds nothing to do
  });

  // The one text an escape changes is a tagged template's `.raw`; the app's own code never reads it
  // (the libraries in the build's server chunks do not either: no String.raw in them, round 12).
  it("the app's sources use no String.raw", () => {
    const grep = spawnSync("git", ["grep", "-l", "String.raw", "--", "app", "lib", "components", "server"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    expect(grep.status).toBe(1); // git grep: nothing found
    expect(grep.stdout).toBe("");
  });
});
