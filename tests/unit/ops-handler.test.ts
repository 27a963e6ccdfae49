// The app server's request wrapper (issue 26, SEC-1, SEC-6) over a stand-in for Next.js's handler:
// canonical forwarded headers, request ids, body limits before the body is read, one log line.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createGunzip, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bodyLimits } from "@/lib/ops/body-limit";
import { createLogger, LOG_KEYS } from "@/lib/ops/log";
import {
  currentRequestId,
  installRequestStorage,
  noteRequestActor,
  type RequestStore,
} from "@/lib/ops/request-context";
import { buildRouteTable } from "@/lib/ops/routes";
import { fail } from "@/lib/errors";
import { HSTS_VALUE } from "@/lib/auth/transport";
import { acceptsGzip, createRequestHandler, GZIP_THRESHOLD, type NextHandle, type ServerState } from "@/server/handler";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handle: NextHandle, hops = 0) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split("\n").filter(Boolean))
        lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  const storage = new AsyncLocalStorage<RequestStore>();
  installRequestStorage(storage);
  const state: ServerState = { inFlight: 0, draining: false };
  const routes = buildRouteTable(
    [
      { page: "/api/v1/me", regex: "^/api/v1/me(?:/)?$" },
      { page: "/diary", regex: "^/diary(?:/)?$" },
    ],
    {},
    { act1: { filename: "lib/x/actions.ts", exportedName: "saveAction" } },
  );
  const server = http.createServer(
    createRequestHandler({
      handle,
      routes,
      hops,
      limits: bodyLimits({}),
      log: createLogger("info", sink),
      storage,
      state,
    }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines, state };
}

/** A stand-in for Next: echoes the headers the app would see and the request id from the context. */
const echo: NextHandle = async (req, res) => {
  noteRequestActor(7, 3);
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify({
      xff: req.headers["x-forwarded-for"],
      host: req.headers["x-forwarded-host"],
      proto: req.headers["x-forwarded-proto"],
      realIp: req.headers["x-real-ip"] ?? null,
      requestId: currentRequestId(),
      refusal: fail("FORBIDDEN"),
    }),
  );
};

describe("the app server's request wrapper", () => {
  it("hands Next the socket address and the Host, never the client's forwarded headers, without TRUST_PROXY (SEC-1)", async () => {
    const { base } = await serve(echo);
    const res = await fetch(`${base}/diary`, {
      headers: {
        "x-forwarded-for": "10.99.0.6",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        "x-real-ip": "1.2.3.4",
      },
    });
    const seen = (await res.json()) as Record<string, unknown>;
    expect(seen).toMatchObject({ xff: "127.0.0.1", host: new URL(base).host, proto: "http", realIp: null });
  });

  it("with TRUST_PROXY=1 takes the address, host and scheme our proxy set (SEC-1)", async () => {
    const { base } = await serve(echo, 1);
    const res = await fetch(`${base}/diary`, {
      headers: {
        "x-forwarded-for": "6.6.6.6, 203.0.113.4",
        "x-forwarded-host": "journal.example",
        "x-forwarded-proto": "https",
      },
    });
    expect(await res.json()).toMatchObject({ xff: "203.0.113.4", host: "journal.example", proto: "https" });
  });

  it("gives every request an id: the X-Request-Id header, the error body (fail()) and the one JSON log line agree", async () => {
    const { base, lines } = await serve(echo);
    const res = await fetch(`${base}/diary?q=Иванов`);
    const id = res.headers.get("x-request-id");
    const body = (await res.json()) as { requestId: string; refusal: { requestId: string } };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.requestId).toBe(id);
    expect(body.refusal).toMatchObject({ ok: false, code: "FORBIDDEN", requestId: id });
    await new Promise((r) => setTimeout(r, 20));
    const line = lines.find((l) => l.reqId === id);
    expect(line).toMatchObject({
      msg: "request",
      kind: "page",
      route: "/diary",
      method: "GET",
      status: 200,
      userId: 7,
      orgId: 3,
    });
    expect(Object.keys(line!).every((k) => LOG_KEYS.includes(k))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain("Иванов");
  });

  it("refuses an oversize server-action body with 413 before the handler runs, as text for Next's client (SEC-6)", async () => {
    let called = false;
    const { base, lines } = await serve(async (req, res) => {
      called = true;
      await echo(req, res);
    });
    // 60 MB declared, only 64 KB sent: the answer comes without the body being read.
    const res = await new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
      const req = http.request(
        `${base}/diary`,
        {
          method: "POST",
          headers: { "next-action": "act1", "content-type": "text/plain", "content-length": String(60 * 1024 * 1024) },
        },
        (r) => {
          let text = "";
          r.on("data", (d: Buffer) => (text += d.toString()));
          r.on("end", () => resolve({ status: r.statusCode ?? 0, type: String(r.headers["content-type"]), text }));
        },
      );
      req.on("error", reject);
      req.write(Buffer.alloc(64 * 1024, 97));
    });
    expect(called).toBe(false);
    expect(res.status).toBe(413);
    expect(res.type).toBe("text/plain");
    expect(res.text).toMatch(/^Запрос слишком большой: не более 52 МБ.*код запроса/);
    await new Promise((r) => setTimeout(r, 20));
    expect(
      lines.some((l) => l.status === 413 && l.kind === "action" && l.route === "lib/x/actions.ts#saveAction"),
    ).toBe(true);
  });

  it("refuses an oversize JSON body of a route with 413 JSON (code TOO_LARGE, request id) and a chunked write with 411", async () => {
    const { base } = await serve(echo);
    const big = await fetch(`${base}/api/v1/me`, { method: "POST", body: "x".repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    const body = (await big.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: false, code: "TOO_LARGE", requestId: big.headers.get("x-request-id") });
    expect(String(body.message)).toMatch(/не более 1 МБ/);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${base}/api/v1/me`,
        { method: "POST", headers: { "transfer-encoding": "chunked" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end("{}");
    });
    expect(chunked).toBe(411);
  });

  it("counts requests in flight for the drain", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const { base, state } = await serve(async (req, res) => {
      await held;
      await echo(req, res);
    });
    const pending = fetch(`${base}/diary`);
    await new Promise((r) => setTimeout(r, 100));
    expect(state.inFlight).toBe(1);
    release();
    await (await pending).text();
    await new Promise((r) => setTimeout(r, 20));
    expect(state.inFlight).toBe(0);
  });
});

/** Counts the socket writes (syscalls) of the answers a stand-in handler gives. */
function countingWrites(handle: NextHandle): { handle: NextHandle; writes: () => number } {
  let writes = 0;
  const patched = new WeakSet<object>();
  return {
    writes: () => writes,
    handle: async (req, res) => {
      const socket = res.socket as unknown as Record<"_write" | "_writev", (...a: unknown[]) => unknown>;
      for (const m of patched.has(socket) ? [] : (["_write", "_writev"] as const)) {
        const original = socket[m];
        socket[m] = function (this: unknown, ...a: unknown[]) {
          writes++;
          return original.apply(this, a);
        };
      }
      patched.add(socket);
      await handle(req, res);
    },
  };
}

const tick = () => new Promise<void>((r) => process.nextTick(r));

/**
 * A streaming page through the wrapper: the shell written (and flushed, as Next.js does), the rest
 * only once the client has read «Загрузка» (or after 2 s). What the client saw, decoded.
 */
async function streamShellThenRest(
  shell: string,
  headers: Record<string, string>,
): Promise<{ encoding: string | undefined; sawShellFirst: boolean; body: string }> {
  let shellArrived!: () => void;
  const arrived = new Promise<void>((r) => (shellArrived = r));
  let sawShellFirst = false;
  const { base } = await serve(async (_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.flushHeaders();
    res.write(shell);
    (res as unknown as { flush?: () => void }).flush?.();
    sawShellFirst = await Promise.race([
      arrived.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2000)),
    ]);
    res.end("<p>Готово</p>");
  });
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/diary`, { headers }, (res) => {
        const encoding = res.headers["content-encoding"];
        const text = encoding === "gzip" ? res.pipe(createGunzip()) : res;
        let body = "";
        text.setEncoding("utf8");
        text.on("data", (chunk: string) => {
          body += chunk;
          if (body.includes("Загрузка")) shellArrived();
        });
        text.on("end", () => resolve({ encoding, sawShellFirst, body }));
      })
      .on("error", reject);
  });
}

describe("the answer's socket writes (issue 22, round 12)", () => {
  it("a page written as Next.js writes it — head, chunks and end over several ticks of one turn — goes out in one socket write", async () => {
    const page = countingWrites(async (_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.flushHeaders();
      await tick();
      res.write("<!DOCTYPE html><html><body>");
      res.write("<main>страница</main>");
      await tick();
      await Promise.resolve();
      res.write("</body></html>");
      await tick();
      res.end();
    });
    const { base } = await serve(page.handle);
    const res = await fetch(`${base}/diary`);
    expect(await res.text()).toBe("<!DOCTYPE html><html><body><main>страница</main></body></html>");
    expect(page.writes()).toBe(1);
  });

  it("a streaming page's first bytes leave in the turn they were written, before the rest is ready", async () => {
    const shell = "<p>Загрузка…</p>";
    const seen = await streamShellThenRest(shell, {});
    expect(seen).toEqual({ encoding: undefined, sawShellFirst: true, body: `${shell}<p>Готово</p>` });
  });

  it("a write in a later turn is sent in that turn (keep-alive: the next answer on the socket is not held)", async () => {
    const page = countingWrites(async (_req, res) => {
      res.write("a");
      await new Promise((r) => setTimeout(r, 20));
      res.write("b");
      await new Promise((r) => setTimeout(r, 20));
      res.end("c");
    });
    const { base } = await serve(page.handle);
    const agent = new http.Agent({ keepAlive: true });
    const get = () =>
      new Promise<string>((resolve, reject) => {
        http
          .get(`${base}/diary`, { agent }, (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (c: string) => (text += c));
            res.on("end", () => resolve(text));
          })
          .on("error", reject);
      });
    expect(await get()).toBe("abc");
    expect(await get()).toBe("abc");
    agent.destroy();
    expect(page.writes()).toBe(6);
  });
});

// NFR-5 and SEC-7 in the app server (issue 22, round 13: a Next.js proxy cost ≈ 1 ms per request).
describe("cross-site writes and HSTS, before Next.js sees the request", () => {
  afterEach(() => vi.unstubAllEnvs());

  /** Next's stand-in, counting the requests that reach it. */
  function counted() {
    const seen: string[] = [];
    const handle: NextHandle = async (req, res) => {
      seen.push(`${req.method} ${req.url}`);
      await echo(req, res);
    };
    return { seen, handle };
  }

  it("refuses a write from another site with 403 and the Russian text; Next never runs (NFR-5)", async () => {
    const { seen, handle } = counted();
    const { base } = await serve(handle);
    const json = await fetch(`${base}/api/v1/me`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(json.status).toBe(403);
    expect(await json.json()).toMatchObject({
      ok: false,
      code: "CROSS_SITE",
      message: "Запрос отклонён: он пришёл с другого сайта",
    });
    // A server action call gets the text Next's client shows; the browser's own word is enough too.
    const action = await fetch(`${base}/diary`, {
      method: "POST",
      headers: { "next-action": "act1", "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      body: "[]",
    });
    expect(action.status).toBe(403);
    expect(action.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await action.text()).toMatch(/^Запрос отклонён: он пришёл с другого сайта/);
    expect(seen).toEqual([]);
  });

  it("lets same-site writes, writes without Origin, reads and next-auth's own endpoints through", async () => {
    const { seen, handle } = counted();
    const { base } = await serve(handle);
    const ok = [
      await fetch(`${base}/api/v1/me`, { method: "POST", headers: { origin: base } }),
      await fetch(`${base}/api/v1/me`, { method: "POST" }),
      await fetch(`${base}/diary`, { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }),
      await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { origin: "https://evil.example" },
      }),
    ];
    expect(ok.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(seen).toHaveLength(4);
  });

  it("sends HSTS on every answer over HTTPS, a refusal included, and none over HTTP (SEC-7)", async () => {
    const { handle } = counted();
    const { base } = await serve(handle);
    vi.stubEnv("NEXTAUTH_URL", "https://journal.example.ru");
    expect((await fetch(`${base}/diary`)).headers.get("strict-transport-security")).toBe(HSTS_VALUE);
    const refused = await fetch(`${base}/api/v1/me`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("strict-transport-security")).toBe(HSTS_VALUE);
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect((await fetch(`${base}/diary`)).headers.get("strict-transport-security")).toBeNull();
  });
});

/** One GET through the wrapper, the body as sent on the wire (not decoded). */
function rawGet(
  base: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/diary`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

// Issue 22 item 6: Next.js's `compress` is off (next.config.ts); the app server gzips instead.
describe("gzip of the answers worth it (issue 22 item 6, in place of Next.js's compress)", () => {
  const html = `<!DOCTYPE html><html><body>${"<p>Оценки за четверть</p>".repeat(200)}</body></html>`;
  /** As Next.js writes a page: the head, chunks over several ticks, flush() after each write, end. */
  const page: NextHandle = async (_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.flushHeaders();
    const flush = () => (res as unknown as { flush?: () => void }).flush?.();
    res.write(html.slice(0, 1000));
    flush();
    await tick();
    res.write(html.slice(1000));
    flush();
    await tick();
    res.end();
  };
  /** As Next.js sends a route handler's Response.json: head, one streamed chunk, end — no Content-Length. */
  const json =
    (body: string): NextHandle =>
    async (_req, res) => {
      res.setHeader("content-type", "application/json");
      res.flushHeaders();
      await tick();
      res.write(body);
      (res as unknown as { flush?: () => void }).flush?.();
      await Promise.resolve();
      res.end();
    };

  it("gzips a page for a client that accepts gzip, and sends it as it is to one that does not", async () => {
    const { base } = await serve(page);
    const zipped = await rawGet(base, { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(html) / 4);
    expect(gunzipSync(zipped.body).toString()).toBe(html);
    const refusing: Array<Record<string, string>> = [
      {},
      { "accept-encoding": "gzip;q=0, identity" },
      { "accept-encoding": "br" },
    ];
    for (const headers of refusing) {
      const plain = await rawGet(base, headers);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toBe(html);
    }
    const head = await rawGet(base, { "accept-encoding": "gzip" }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
  });

  it("never gzips a small JSON answer whose length was not declared (the mark save's), but does a large one", async () => {
    const small = JSON.stringify({ ok: true, version: 12, display: "5", cell: { kind: "mark" } });
    const { base } = await serve(json(small));
    const answer = await rawGet(base, { "accept-encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.toString()).toBe(small);

    const large = JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ id: i, name: "Иванов И." })) });
    const big = await serve(json(large));
    const zipped = await rawGet(big.base, { "accept-encoding": "gzip" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).toString()).toBe(large);
  });

  it("leaves alone what is not text, what is already encoded, marked no-transform or declared under 1 KB", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ "content-type": "application/pdf" }, "%PDF".padEnd(5000, "x")],
      [{ "content-type": "text/html", "content-encoding": "br" }, "x".repeat(5000)],
      [{ "content-type": "text/html", "cache-control": "no-transform" }, "x".repeat(5000)],
      [{ "content-type": "application/javascript", "content-length": "900" }, "x".repeat(900)],
    ];
    for (const [headers, body] of cases) {
      const { base } = await serve(async (_req, res) => {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        res.write(body.slice(0, 100));
        await tick();
        res.end(body.slice(100));
      });
      const answer = await rawGet(base, { "accept-encoding": "gzip" });
      expect(answer.headers["content-encoding"], JSON.stringify(headers)).toBe(headers["content-encoding"]);
      expect(answer.body.toString()).toBe(body);
    }
  });

  it("a gzipped streaming page's first bytes reach the client before the rest is ready", async () => {
    const shell = `<p>Загрузка…</p>${"<i>…</i>".repeat(300)}`;
    const seen = await streamShellThenRest(shell, { "accept-encoding": "gzip" });
    expect(seen).toEqual({ encoding: "gzip", sawShellFirst: true, body: `${shell}<p>Готово</p>` });
  });

  it("reads Accept-Encoding as RFC 9110 does: q=0 refuses, an explicit gzip entry wins over *", () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("br, gzip;q=0")).toBe(false);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(GZIP_THRESHOLD).toBe(1024);
  });
});
