// SEC-5's report burst as the bench and ab.ts keep it in flight (issue 22, round 19: bench/http-load.ts
// startRequestLoops, one piece of code for both): every loop asks again as soon as it is answered, each
// request is `path()` at that moment with the cookie, answers are counted by status, stop() ends them all.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startRequestLoops } from "../../bench/http-load";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(answer: (req: http.IncomingMessage) => number): Promise<{ base: string; seen: string[] }> {
  const seen: string[] = [];
  server = http.createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.cookie}`);
    res.statusCode = answer(req);
    res.end("x");
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

describe("startRequestLoops", () => {
  it("keeps `loops` requests in flight, each with path() and the cookie, and counts the answers", async () => {
    const { base, seen } = await serve(() => 200);
    let n = 0;
    const loops = startRequestLoops(base, "s=1", () => `/r?n=${n++}`, 3);
    while (seen.length < 30) await new Promise((r) => setTimeout(r, 5));
    const out = await loops.stop();
    expect(out.statuses).toEqual({ "200": out.done });
    expect(out.done).toBeGreaterThanOrEqual(30);
    expect(out.seconds).toBeGreaterThan(0);
    // Every request its own path() and the cookie.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.every((s) => s.endsWith(" s=1"))).toBe(true);
    // Nothing is sent after stop() has settled.
    const after = seen.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(after);
  });

  it("a loop answered otherwise than 200 (queued, refused) waits before asking again", async () => {
    const { base, seen } = await serve((req) => (req.url === "/queued" ? 202 : 200));
    const loops = startRequestLoops(base, "s=1", () => "/queued", 2);
    await new Promise((r) => setTimeout(r, 300));
    const out = await loops.stop();
    // Two loops, each answered 202 once and then waiting its second: two requests, not hundreds.
    expect(out.statuses).toEqual({ "202": 2 });
    expect(seen).toHaveLength(2);
  });
});
