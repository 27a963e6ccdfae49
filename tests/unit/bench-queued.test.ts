// bench/ab.ts's counting of queued reports (issue 22, round 20): a 202 (SEC-5: the report went to the
// background jobs) is not a served answer — runLoad with queuedApart counts it apart from the latencies,
// req/s and errors, and answerRates gives the report loops' served (200) and queued (202) per second apart.
// Before, ab.ts counted a 202 as a success: a queued report's few milliseconds stood in the p50 and req/s,
// and «report answers / s beside» summed 200s, 202s and 429s.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerRates, runLoad } from "../../bench/http-load";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** Answers /q with 202 and everything else with 200. */
async function serve(): Promise<string> {
  server = http.createServer((req, res) => {
    res.statusCode = req.url === "/q" ? 202 : 200;
    res.end("x");
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("answerRates", () => {
  it("gives served (200), queued (202) and the rest (429, network) per second apart", () => {
    expect(answerRates({ seconds: 4, statuses: { "200": 8, "202": 20, "429": 2, network: 2 } })).toEqual({
      served: 2,
      queued: 5,
      other: 1,
    });
    expect(answerRates({ seconds: 2, statuses: { "202": 7 } })).toEqual({ served: 0, queued: 3.5, other: 0 });
    expect(answerRates({ seconds: 0, statuses: {} })).toEqual({ served: 0, queued: 0, other: 0 });
  });
});

describe("runLoad with queuedApart", () => {
  it("counts every 202 apart: not a request, not in req/s, not an error", async () => {
    const base = await serve();
    // every other request is a queued one
    const res = await runLoad({
      base,
      concurrency: 1,
      durationMs: 10_000,
      maxRequests: 40,
      next: (_w, n) => ({ path: n % 2 ? "/q" : "/page" }),
      queuedApart: true,
    });
    expect(res.queued).toBe(20);
    expect(res.requests).toBe(20);
    expect(res.errors).toBe(0);
    expect(res.statuses).toEqual({});
  });

  it("without it (bench/run.ts) a 202 is a 2xx answer as before, and no `queued` is reported", async () => {
    const base = await serve();
    const res = await runLoad({
      base,
      concurrency: 1,
      durationMs: 10_000,
      maxRequests: 10,
      next: () => ({ path: "/q" }),
    });
    expect(res.requests).toBe(10);
    expect(res.errors).toBe(0);
    expect(res).not.toHaveProperty("queued");
  });
});
