// Issue 22 (peak RSS): at most MAX_ACTIVE_REQUESTS pages inside Next.js at once (server/admission.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import { EventEmitter } from "node:events";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { bodyLimits } from "@/lib/ops/body-limit";
import { createLogger } from "@/lib/ops/log";
import type { RequestStore } from "@/lib/ops/request-context";
import { EMPTY_ROUTES } from "@/lib/ops/routes";
import { createRequestHandler, type ServerState } from "@/server/handler";
import { DEFAULT_MAX_ACTIVE_REQUESTS, exempt, limitActive, maxActiveRequests, type Timers } from "@/server/admission";

type FakeRes = EventEmitter & { destroyed: boolean; writableEnded: boolean };

function request(url = "/journal", method = "GET", headers: Record<string, string> = {}) {
  const req = { url, method, headers, socket: { destroyed: false } } as unknown as IncomingMessage;
  const res = Object.assign(new EventEmitter(), { destroyed: false, writableEnded: false }) as FakeRes;
  return { req, res: res as unknown as ServerResponse & FakeRes };
}

/** A Next.js handle whose calls stay open until the test finishes them. */
function fakeNext() {
  const open = new Map<string, () => void>();
  const started: string[] = [];
  const handle = (req: IncomingMessage) =>
    new Promise<void>((resolve) => {
      const key = `${req.url}`;
      started.push(key);
      open.set(key, resolve);
    });
  const finish = async (key: string) => {
    open.get(key)!();
    open.delete(key);
    await new Promise((r) => setImmediate(r));
  };
  return { handle, started, finish };
}

/** Timers the test fires by hand (no clock). */
function manualTimers() {
  const pending = new Set<{ fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn) => {
      const t = { fn, unref: () => t };
      pending.add(t);
      return t;
    },
    clearTimeout: (t) => void pending.delete(t as { fn: () => void }),
  };
  const fireAll = () => {
    for (const t of [...pending]) {
      pending.delete(t);
      t.fn();
    }
  };
  return { timers, fireAll, count: () => pending.size };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("MAX_ACTIVE_REQUESTS (issue 22, peak RSS)", () => {
  it("defaults to a dozen, 0 turns the limit off, anything else but a count is refused", () => {
    expect(DEFAULT_MAX_ACTIVE_REQUESTS).toBe(12);
    expect(maxActiveRequests({})).toBe(12);
    expect(maxActiveRequests({ MAX_ACTIVE_REQUESTS: " 20 " })).toBe(20);
    expect(maxActiveRequests({ MAX_ACTIVE_REQUESTS: "0" })).toBe(0);
    expect(() => maxActiveRequests({ MAX_ACTIVE_REQUESTS: "-1" })).toThrow(/MAX_ACTIVE_REQUESTS/);
    expect(() => maxActiveRequests({ MAX_ACTIVE_REQUESTS: "ten" })).toThrow(/MAX_ACTIVE_REQUESTS/);
  });

  it("lets writes, forwarded actions, static files, the probes and the /api/ routes past the queue", () => {
    expect(exempt(request("/journal").req)).toBe(false);
    expect(exempt(request("/journal", "HEAD").req)).toBe(false);
    expect(exempt(request("/api/journal/cell", "POST").req)).toBe(true);
    expect(exempt(request("/journal", "GET", { "x-action-forwarded": "1" }).req)).toBe(true);
    expect(exempt(request("/_next/static/chunks/a.js").req)).toBe(true);
    expect(exempt(request("/api/health").req)).toBe(true);
    expect(exempt(request("/api/metrics").req)).toBe(true);
    // A report's download waits on its build for seconds: 20 of them must not keep the pages waiting (SEC-5).
    expect(exempt(request("/api/reports/progress?format=pdf&periodId=5").req)).toBe(true);
    expect(exempt(request("/diary?week=2026-12-07").req)).toBe(false);
  });
});

describe("limitActive", () => {
  it("runs at most `max` requests at once and the rest in arrival order as places free", async () => {
    const next = fakeNext();
    const a = limitActive(next.handle, 2, 5_000, manualTimers().timers);
    const done: string[] = [];
    for (const url of ["/a", "/b", "/c", "/d"]) {
      const { req, res } = request(url);
      void a.handle(req, res).then(() => done.push(url));
    }
    await tick();
    expect(next.started).toEqual(["/a", "/b"]);
    expect([a.active(), a.waiting()]).toEqual([2, 2]);
    await next.finish("/b");
    expect(next.started).toEqual(["/a", "/b", "/c"]);
    await next.finish("/a");
    expect(next.started).toEqual(["/a", "/b", "/c", "/d"]);
    await next.finish("/c");
    await next.finish("/d");
    expect(done).toEqual(["/b", "/a", "/c", "/d"]);
    expect([a.active(), a.waiting()]).toEqual([0, 0]);
  });

  it("never queues an exempt request, even when every place is taken", async () => {
    const next = fakeNext();
    const a = limitActive(next.handle, 1, 5_000, manualTimers().timers);
    const first = request("/a");
    void a.handle(first.req, first.res);
    const post = request("/api/journal/cell", "POST");
    void a.handle(post.req, post.res);
    await tick();
    expect(next.started).toEqual(["/a", "/api/journal/cell"]);
    expect(a.active()).toBe(1);
  });

  it("gives the place back when the response closes, and skips a waiting request whose client has gone", async () => {
    const next = fakeNext();
    const a = limitActive(next.handle, 1, 5_000, manualTimers().timers);
    const first = request("/a");
    void a.handle(first.req, first.res);
    const gone = request("/gone");
    let goneSettled = false;
    void a.handle(gone.req, gone.res).then(() => (goneSettled = true));
    const third = request("/c");
    void a.handle(third.req, third.res);
    await tick();
    gone.res.destroyed = true;
    first.res.emit("close"); // e.g. the client aborted /a: Next's promise is still open
    await tick();
    expect(goneSettled).toBe(true);
    expect(next.started).toEqual(["/a", "/c"]);
    expect(a.active()).toBe(1);
  });

  it("stops counting a request that holds its place past the hold time (a slow reader cannot shut the queue)", async () => {
    const next = fakeNext();
    const clock = manualTimers();
    const a = limitActive(next.handle, 1, 5_000, clock.timers);
    const slow = request("/slow");
    void a.handle(slow.req, slow.res);
    const later = request("/later");
    void a.handle(later.req, later.res);
    await tick();
    expect(next.started).toEqual(["/slow"]);
    clock.fireAll();
    await tick();
    expect(next.started).toEqual(["/slow", "/later"]);
    // /slow ending afterwards does not give back a place it no longer holds.
    await next.finish("/slow");
    expect(a.active()).toBe(1);
    await next.finish("/later");
    expect([a.active(), clock.count()]).toEqual([0, 0]);
  });

  it("with max 0 passes everything straight through", async () => {
    const next = fakeNext();
    const a = limitActive(next.handle, 0, 5_000, manualTimers().timers);
    for (const url of ["/a", "/b", "/c"]) {
      const { req, res } = request(url);
      void a.handle(req, res);
    }
    await tick();
    expect(next.started).toEqual(["/a", "/b", "/c"]);
  });
});

describe("the limit inside the app server's request wrapper (server/main.ts wiring)", () => {
  it("renders two at a time while the wrapper counts every request in flight (the drain waits for the queued ones)", async () => {
    let inside = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    const slow = (_req: IncomingMessage, res: ServerResponse) =>
      new Promise<void>((resolve) => {
        inside++;
        most = Math.max(most, inside);
        gates.push(() => {
          inside--;
          res.end("ok");
          resolve();
        });
      });
    const state: ServerState = { inFlight: 0, draining: false };
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        cb();
      },
    });
    const server = http.createServer(
      createRequestHandler({
        handle: limitActive(slow, 2).handle,
        routes: EMPTY_ROUTES,
        hops: 0,
        limits: bodyLimits({}),
        log: createLogger("info", sink),
        storage: new AsyncLocalStorage<RequestStore>(),
        state,
      }),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const answers = Array.from({ length: 6 }, (_, i) => fetch(`${base}/page-${i}`).then((r) => r.status));
      while (state.inFlight < 6 || gates.length < 2) await new Promise((r) => setTimeout(r, 5));
      expect([inside, state.inFlight]).toEqual([2, 6]);
      for (let served = 0; served < 6;) {
        const gate = gates.shift();
        if (gate) {
          gate();
          served++;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(await Promise.all(answers)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(most).toBe(2);
      expect(state.inFlight).toBe(0);
      expect(lines.filter((l) => l.includes('"msg":"request"'))).toHaveLength(6);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
