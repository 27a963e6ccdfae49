// Issue 22 (peak RSS ≤ 600 MB): the server chunks of `next build` as one-byte strings in V8's heap.
// V8 keeps the source of every script it loaded (functions compile lazily from it), and it stores a
// string with one byte per character only while every character is Latin-1 (≤ U+00FF); one Russian
// letter anywhere in a chunk — a label, an error message, zod's Russian locale — makes the whole
// chunk a two-byte string. 573 of the build's 1,335 server chunks (18 of 21 M characters) held a few
// hundred to a few thousand such letters each, so their sources took twice the heap they need.
// asciiServerChunks rewrites each such character as its `\uXXXX` escape — the same string, regular
// expression, identifier or comment to the parser (a template literal's cooked text too; only the
// `.raw` text of a tagged template changes: the app's code never reads it — a rule in
// tests/unit/ascii-chunks.test.ts — and round 12's build called no raw-string tag at all) — and
// moves the generated columns of the chunk's source map by what each escape adds, so a stack trace
// through `--enable-source-maps` still points at the source.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Reads one base64 VLQ value of a source map segment from `at`; returns it and where it ended. */
function readVlq(s: string, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const d = DIGIT.get(s[i++]);
    if (d === undefined) throw new Error("неверная карта исходников (VLQ)");
    value += (d & 31) * 2 ** shift;
    shift += 5;
    if ((d & 32) === 0) break;
  }
  return [value % 2 === 1 ? -(value - 1) / 2 : value / 2, i];
}

function writeVlq(n: number): string {
  let v = n < 0 ? -n * 2 + 1 : n * 2;
  let out = "";
  do {
    let d = v % 32;
    v = Math.floor(v / 32);
    if (v > 0) d |= 32;
    out += BASE64[d];
  } while (v > 0);
  return out;
}

/** One escaped character: at `column` (of the original line, in UTF-16 units) the text grew by `added`. */
type Growth = { column: number; added: number };

/**
 * `code` with every UTF-16 unit above U+00FF written as `\uXXXX`; per line, where the text grew. A
 * character already written with an identity escape (`\ж`, legal in strings and regular expressions)
 * becomes `\u0436` in place of both.
 */
export function escapeWide(code: string): { code: string; growth: Growth[][] } {
  const growth: Growth[][] = [[]];
  let out = "";
  let line = 0;
  let column = 0;
  let from = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 10) {
      growth[++line] = [];
      column = 0;
      continue;
    }
    if (c <= 0xff) {
      column++;
      continue;
    }
    let slashes = 0;
    while (i - 1 - slashes >= from && code.charCodeAt(i - 1 - slashes) === 92) slashes++;
    const identity = slashes % 2 === 1;
    out += code.slice(from, identity ? i - 1 : i) + `\\u${c.toString(16).padStart(4, "0")}`;
    growth[line].push({ column: identity ? column - 1 : column, added: identity ? 4 : 5 });
    from = i + 1;
    column++;
  }
  return { code: out + code.slice(from), growth };
}

/** A source map's `mappings` with each generated column moved by the growth of its line before it. */
export function shiftMappings(mappings: string, growth: Growth[][]): string {
  return mappings
    .split(";")
    .map((line, n) => {
      const grew = growth[n] ?? [];
      if (grew.length === 0 || line === "") return line;
      let before = 0; // the previous segment's column, original and moved
      let movedBefore = 0;
      return line
        .split(",")
        .map((segment) => {
          if (segment === "") return segment;
          const [delta, end] = readVlq(segment, 0);
          const column = before + delta;
          let moved = column;
          for (const g of grew) if (g.column < column) moved += g.added;
          const out = writeVlq(moved - movedBefore) + segment.slice(end);
          before = column;
          movedBefore = moved;
          return out;
        })
        .join(",");
    })
    .join(";");
}

function* scripts(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* scripts(file);
    else if (/\.(c|m)?js$/.test(entry.name)) yield file;
  }
}

/**
 * Rewrites the two-byte chunks under `<root>/.next/server` as Latin-1 text (and their `.map` files);
 * returns how many files changed and the characters they hold. Run after `next build` (server/build.ts).
 * A chunk whose map has index sections is left as it is.
 */
export function asciiServerChunks(root: string): { files: number; chars: number } {
  const dir = path.join(root, ".next", "server");
  let files = 0;
  let chars = 0;
  if (!existsSync(dir)) return { files, chars };
  for (const file of scripts(dir)) {
    const code = readFileSync(file, "utf8");
    if (!/[\u0100-\uffff]/.test(code)) continue;
    const mapFile = `${file}.map`;
    const map = existsSync(mapFile) ? (JSON.parse(readFileSync(mapFile, "utf8")) as { mappings?: unknown }) : null;
    if (map && typeof map.mappings !== "string") continue;
    const escaped = escapeWide(code);
    if (map) {
      map.mappings = shiftMappings(map.mappings as string, escaped.growth);
      writeFileSync(mapFile, JSON.stringify(map));
    }
    writeFileSync(file, escaped.code);
    files++;
    chars += escaped.code.length;
  }
  return { files, chars };
}
