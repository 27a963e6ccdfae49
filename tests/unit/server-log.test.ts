// The app server's log destination (server/handler.ts logDestination, issue 22 item 6): request lines
// are gathered and written asynchronously, off the request's path — and none is lost: lines written
// just before a graceful stop (closeLogDestination, as server/main.ts stops) or before an abrupt
// process.exit are all in the output, in order and unchanged; a quiet server still writes its lines
// (the periodic flush) without stopping.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const CHILD = path.join(ROOT, "tests/support/log-destination-child.ts");

function run(count: number, end: "close" | "exit"): Array<Record<string, unknown>> {
  const r = spawnSync(TSX, [CHILD, String(count), end], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("the request log off the request's path (issue 22 item 6)", () => {
  it("a graceful stop writes every line logged before it, in order, then «stopped»", () => {
    const lines = run(5_000, "close");
    expect(lines).toHaveLength(5_001);
    expect(lines.slice(0, -1).map((l) => l.reqId)).toEqual(Array.from({ length: 5_000 }, (_, i) => `r${i}`));
    expect(lines[0]).toMatchObject({
      level: "info",
      reqId: "r0",
      kind: "api",
      route: "/api/journal/cell",
      method: "POST",
      status: 200,
      ms: 1.5,
      msg: "request",
    });
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", inFlight: 0 });
  }, 60_000);

  it("an abrupt process.exit still writes every line (pino's exit hook)", () => {
    const lines = run(3_000, "exit");
    expect(lines.map((l) => l.reqId)).toEqual(Array.from({ length: 3_000 }, (_, i) => `r${i}`));
  }, 60_000);

  it("a few lines of a quiet server are written while it runs (the periodic flush), not only at its end", async () => {
    const child = spawn(TSX, [CHILD, "3", "stay"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    try {
      const seen: string[] = [];
      for await (const line of createInterface({ input: child.stdout })) {
        seen.push(String((JSON.parse(line) as { reqId: string }).reqId));
        if (seen.length === 3) break;
      }
      expect(seen).toEqual(["r0", "r1", "r2"]);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  }, 60_000);
});
