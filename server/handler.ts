// The app server's per-request wrapper around Next.js's request handler (issue 26, SEC-1,
// SEC-6). For every request it:
//  - resolves the client address, host and scheme from the socket, or through exactly TRUST_PROXY
//    hops of X-Forwarded-* (lib/ops/forwarded.ts), and hands Next.js canonical headers: the one
//    client address in X-Forwarded-For, the resolved host and scheme, no X-Real-IP — so the app's
//    readers (sign-in throttle, audit, the same-origin rule, Next's own server-action origin check) never see a
//    header the client wrote;
//  - gives it a request id (X-Request-Id in the answer and in every error body);
//  - refuses a declared body over the limit of its kind with 413 (and a write without a length with
//    411) before Next.js reads it, in Russian;
//  - refuses a cross-site write with 403 by the one same-origin rule (lib/access/same-origin.ts,
//    NFR-5) and, over HTTPS, adds HSTS to every answer (SEC-7) — here rather than in a Next.js
//    proxy, which cost ≈ 1 ms of CPU on every request (issue 22; bench/notes.md, round 13);
//  - runs Next.js inside the request's context (lib/ops/request-context.ts) and, when the answer
//    ends, writes one JSON log line and the request metrics;
//  - counts requests in flight so a SIGTERM can drain them (server/main.ts);
//  - sends what the answer writes in one event-loop turn as one socket write (coalesceWrites);
//  - gzips a text answer of 1 KB or more for a client that accepts gzip (gzipLargeAnswers) — in place
//    of Next.js's `compress` (off in next.config.ts), which wrapped every answer (issue 22 item 6).
import { randomUUID } from "node:crypto";
import { createGzip, type Gzip } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import type { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";
import { CROSS_SITE_MESSAGE, isCrossSiteWrite } from "@/lib/access/same-origin";
import { HSTS_VALUE, servedOverHttps } from "@/lib/auth/transport";
import { checkBody, type BodyLimits } from "@/lib/ops/body-limit";
import { resolveForwarded } from "@/lib/ops/forwarded";
import { requestLine, safeError } from "@/lib/ops/log";
import { observeRequest, metrics } from "@/lib/ops/metrics";
import type { RequestStore } from "@/lib/ops/request-context";
import { classifyRequest, type RouteTable } from "@/lib/ops/routes";

export type NextHandle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export type ServerState = {
  inFlight: number;
  draining: boolean;
  /** Called whenever a request ends (the drain waits on it). */
  onIdle?: () => void;
};

export type HandlerOptions = {
  handle: NextHandle;
  routes: RouteTable;
  hops: number;
  limits: BodyLimits;
  log: Logger;
  storage: AsyncLocalStorage<RequestStore>;
  state: ServerState;
};

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,80}$/;
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

export function createRequestHandler(o: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const method = (req.method ?? "GET").toUpperCase();
    // Next.js forwards a server action called from a page that does not bundle it to a page that
    // does, over loopback HTTP with the original headers (already resolved by us) and a chunked
    // body: that request is one more trusted hop and keeps its request id.
    const internal = req.headers["x-action-forwarded"] === "1" && isLoopback(req.socket.remoteAddress);
    const hops = internal ? o.hops + 1 : o.hops;
    // A request id from our own proxy (TRUST_PROXY) is kept so its log and ours join up.
    const incomingId = req.headers["x-request-id"];
    const requestId =
      hops > 0 && typeof incomingId === "string" && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    const fwd = resolveForwarded(
      req.socket.remoteAddress,
      req.headers,
      hops,
      Boolean((req.socket as TLSSocket).encrypted),
    );
    for (const name of FORWARDED) delete req.headers[name];
    req.headers["x-forwarded-for"] = fwd.address;
    if (fwd.host) req.headers["x-forwarded-host"] = fwd.host;
    req.headers["x-forwarded-proto"] = fwd.proto;
    req.headers["x-request-id"] = requestId;

    const actionHeader = req.headers["next-action"];
    const actionId = typeof actionHeader === "string" ? actionHeader : undefined;
    const { kind, name } = classifyRequest(o.routes, method, req.url ?? "/", actionId);
    const store: RequestStore = { requestId, kind, route: name, userId: null, organisationId: null };

    res.setHeader("X-Request-Id", requestId);
    if (servedOverHttps()) res.setHeader("Strict-Transport-Security", HSTS_VALUE);
    if (o.state.draining) res.setHeader("Connection", "close");

    o.state.inFlight++;
    metrics().inFlight.inc();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      o.state.inFlight--;
      metrics().inFlight.dec();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.headersSent || res.writableEnded ? res.statusCode : 499;
      observeRequest(kind, name, method, status, seconds);
      if (kind !== "static" || status >= 400) {
        o.log.info(
          requestLine({
            reqId: requestId,
            kind,
            route: name,
            method,
            status,
            ms: seconds * 1000,
            userId: store.userId,
            orgId: store.organisationId,
            ...(res.writableFinished ? {} : { aborted: true as const }),
          }),
          "request",
        );
      }
      o.state.onIdle?.();
    };
    res.once("finish", end);
    res.once("close", end);

    const contentLength = req.headers["content-length"];
    const chunked = !internal && /\bchunked\b/i.test(String(req.headers["transfer-encoding"] ?? ""));
    const body = checkBody(o.limits, kind, method, contentLength, chunked);
    if (!body.ok) {
      refuse(req, res, body.status, body.status === 413 ? "TOO_LARGE" : "INVALID_INPUT", body.message, requestId, kind);
      return;
    }
    // next-auth's own endpoints carry a CSRF token of their own.
    if (!(req.url ?? "/").startsWith("/api/auth/") && isCrossSiteWrite(method, req.headers, process.env.TRUST_PROXY)) {
      refuse(req, res, 403, "CROSS_SITE", CROSS_SITE_MESSAGE, requestId, kind);
      return;
    }

    coalesceWrites(res);
    if (kind === "action") holdFailedAction(req, res, store);
    // Outermost, where Next.js's own compression sat: Next's writes reach it first.
    gzipLargeAnswers(req, res);
    o.storage.run(store, () => {
      o.handle(req, res).catch((e: unknown) => {
        o.log.error({ reqId: requestId, err: safeError(e) }, "request failed");
        if (!res.headersSent) {
          refuse(req, res, 500, "INTERNAL", "Внутренняя ошибка. Повторите попытку позже", requestId, kind);
        } else {
          res.destroy();
        }
      });
    });
  };
}

/**
 * An answer the app server gives itself, in the form the caller reads: a server action call
 * gets text/plain (Next's client shows that text as the error), a browser page a short HTML page,
 * anything else JSON like the route handlers' errors. The unread body is not waited for: the
 * connection is closed after the answer.
 */
export function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
  kind: string,
): void {
  const withId = `${message} (код запроса ${requestId})`;
  const accept = String(req.headers.accept ?? "");
  let type: string;
  let text: string;
  if (kind === "action") {
    type = "text/plain";
    text = withId;
  } else if (accept.includes("text/html")) {
    type = "text/html; charset=utf-8";
    text = `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Запрос не принят</title><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto"><h1 style="font-size:1.25rem">Запрос не принят</h1><p>${escapeHtml(message)}</p><p style="color:#666">Код запроса: ${escapeHtml(requestId)}</p><p><a href="javascript:history.back()">Вернуться</a></p></body></html>`;
  } else {
    type = "application/json; charset=utf-8";
    text = JSON.stringify({ ok: false, code, message, requestId });
  }
  res.statusCode = status;
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Connection", "close");
  res.end(text);
  // Whatever of the body is still coming is not read.
  req.resume();
}

export const MALFORMED_ACTION_MESSAGE =
  "Неверный вызов действия: данные формы не распознаны. Обновите страницу и повторите попытку";

/**
 * SEC-6: a server action that failed with 500 on malformed arguments (marked by instrumentation's
 * onRequestError, lib/ops/request-context.ts) is answered 400 with a Russian text instead. A 500
 * answer of an action is held until it ends (it is a few hundred bytes of error reference), then
 * sent as it was or replaced; any other status streams through untouched.
 */
function holdFailedAction(req: IncomingMessage, res: ServerResponse, store: RequestStore): void {
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const flushHeaders = res.flushHeaders.bind(res);
  let holding: boolean | null = null;
  let releasing = false;
  const held: unknown[][] = [];
  const decide = () => !releasing && (holding ??= res.statusCode >= 500 && !res.headersSent);
  // Next.js (and gzipLargeAnswers) may send the head through writeHead/_implicitHeader: while a 500
  // is held, the status and headers are only recorded.
  res.writeHead = ((...args: unknown[]) => {
    if (typeof args[0] === "number" && holding === null) res.statusCode = args[0];
    if (!decide()) return writeHead(...args);
    if (typeof args[0] === "number") res.statusCode = args[0];
    const headers = args.find((a) => a && typeof a === "object") as Record<string, string | string[]> | undefined;
    if (headers && !Array.isArray(headers)) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    return res;
  }) as typeof res.writeHead;
  res.flushHeaders = () => {
    if (!decide()) flushHeaders();
  };
  res.write = ((...args: unknown[]) => {
    if (!decide()) return write(...(args as [unknown]));
    held.push(args.filter((a) => typeof a !== "function"));
    const cb = args.find((a) => typeof a === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (!decide()) return end(...args);
    releasing = true;
    const cb = args.find((a) => typeof a === "function") as (() => void) | undefined;
    const last = args.filter((a) => typeof a !== "function");
    if (last.length && last[0] !== undefined && last[0] !== null) held.push(last);
    if (store.malformed) {
      for (const h of res.getHeaderNames()) res.removeHeader(h);
      res.statusCode = 400;
      res.setHeader("X-Request-Id", store.requestId);
      res.setHeader("Content-Type", "text/plain");
      res.setHeader("Cache-Control", "no-store");
      req.resume();
      return end(`${MALFORMED_ACTION_MESSAGE} (код запроса ${store.requestId})`, cb);
    }
    for (const chunk of held) write(...(chunk as [unknown]));
    return end(cb);
  }) as typeof res.end;
}

/**
 * Issue 22 (round 12): Next.js sends a page's head (flushHeaders), its HTML and RSC chunks and the
 * closing chunk from different ticks of one event-loop turn, and Node uncorks the socket at each tick
 * — 3–5 socket writes for a small page, each a syscall that wakes the reader. Corked from the first
 * write of a turn until `setImmediate` (the same turn's check phase: before the loop waits for I/O
 * again), they go out as one: the first bytes of a streaming page leave as early as before (a
 * Suspense fallback waits for nothing more), and `end()` flushes everything at once as Node does.
 */
export function coalesceWrites(res: ServerResponse): void {
  const write = res.write;
  const flushHeaders = res.flushHeaders;
  let corked = false;
  const cork = () => {
    const socket = res.socket;
    if (corked || !socket || socket.destroyed || res.writableEnded) return;
    corked = true;
    socket.cork();
    setImmediate(() => {
      corked = false;
      // end() uncorks the socket fully itself (and it may carry the next answer by now).
      if (!res.writableEnded) socket.uncork();
    });
  };
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    cork();
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof res.write;
  res.flushHeaders = function (this: ServerResponse) {
    cork();
    flushHeaders.call(this);
  };
}

/** Answers worth gzipping: pages, RSC payloads, JSON, scripts, styles, text, SVG. */
const COMPRESSIBLE =
  /^\s*(?:text\/(?:html|x-component|css|javascript|plain)|application\/(?:json|javascript|manifest\+json)|image\/svg\+xml)\s*(?:;|$)/i;
/** Smaller answers go as they are (the `compression` package's default threshold, which Next.js used). */
export const GZIP_THRESHOLD = 1024;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/** Whether an Accept-Encoding header admits gzip (an explicit `gzip` entry wins over `*`; q=0 refuses). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of String(header).split(",")) {
    const [coding, ...params] = part.split(";");
    const name = coding.trim().toLowerCase();
    if (name !== "gzip" && name !== "x-gzip" && name !== "*") continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
    const accepted = !q || Number(q[1]) > 0;
    if (name !== "*") return accepted;
    star = accepted;
  }
  return star;
}

type WriteCb = (error?: Error | null) => void;

/**
 * Issue 22 item 6: gzip for the answers that gain from it, instead of Next.js's `compress`, which ran
 * the `compression` middleware on every answer — its wrappers, its header hook and content
 * negotiation even for a client that sends no Accept-Encoding, and for one that does, a gzip stream
 * for a 124-byte JSON answer of the mark save (a route handler's body is streamed: its length is never
 * known to the middleware, so its 1 KB threshold never applied). Here:
 *  - a client that does not accept gzip (or a HEAD request) costs one header test, nothing is wrapped;
 *  - otherwise the head waits, like the writes (coalesceWrites corks them anyway), until the answer
 *    ends or the event-loop turn does: an answer ended in its first turn is gzipped only when its
 *    length — known now — reaches GZIP_THRESHOLD; one still writing (a streaming page) is gzipped
 *    and flushed at each of Next's `flush()` calls, so its first bytes leave in the same turn as before;
 *  - only the types of COMPRESSIBLE, never an answer already encoded, marked `no-transform`, or
 *    without a body (204, 304); `Vary: Accept-Encoding` on every answer of a compressible type.
 */
export function gzipLargeAnswers(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === "HEAD" || !acceptsGzip(req.headers["accept-encoding"])) return;
  const write = res.write as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end as (...args: unknown[]) => ServerResponse;
  const flushHeaders = res.flushHeaders;
  let mode: "open" | "plain" | "gzip" = "open";
  let headWanted = false;
  let scheduled = false;
  const held: Array<{ chunk: Buffer; cb?: WriteCb }> = [];
  let gz: Gzip | undefined;

  const decide = (ending: boolean): "plain" | "gzip" => {
    const type = String(res.getHeader("content-type") ?? "");
    const compressible = COMPRESSIBLE.test(type);
    const declared = res.getHeader("content-length");
    const length =
      declared !== undefined ? Number(declared) : ending ? held.reduce((n, h) => n + h.chunk.length, 0) : Infinity;
    const gzip =
      compressible &&
      !res.headersSent &&
      res.statusCode !== 204 &&
      res.statusCode !== 304 &&
      length >= GZIP_THRESHOLD &&
      !res.getHeader("content-encoding") &&
      !NO_TRANSFORM.test(String(res.getHeader("cache-control") ?? ""));
    if (compressible && !res.headersSent) {
      const vary = String(res.getHeader("vary") ?? "");
      if (!/(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i.test(vary))
        res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    }
    if (!gzip) {
      mode = "plain";
      if (headWanted && !held.length && !ending) flushHeaders.call(res);
      for (const h of held.splice(0)) write.call(res, h.chunk, h.cb);
      return mode;
    }
    mode = "gzip";
    res.setHeader("Content-Encoding", "gzip");
    res.removeHeader("Content-Length");
    const stream = createGzip();
    gz = stream;
    stream.on("data", (data: Buffer) => {
      if (!write.call(res, data)) stream.pause();
    });
    res.on("drain", () => stream.resume());
    // The writer waits for the answer's 'drain' when gzip's input is full.
    stream.on("drain", () => res.emit("drain"));
    // A client gone before the end: the stream would never end (as Next's releaseCompressionStream).
    res.once("close", () => {
      if (!res.writableFinished) stream.destroy();
    });
    // A zlib failure ends the connection rather than the process (no 'error' listener would throw).
    stream.on("error", () => res.destroy());
    if (headWanted) flushHeaders.call(res);
    for (const h of held.splice(0)) stream.write(h.chunk, h.cb);
    if (!ending) stream.flush();
    return mode;
  };
  const hold = (chunk: unknown, encoding: unknown, cb?: WriteCb) => {
    if (chunk !== undefined && chunk !== null && !(typeof chunk === "string" && chunk === ""))
      held.push({
        chunk: Buffer.isBuffer(chunk)
          ? chunk
          : typeof chunk === "string"
            ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
            : Buffer.from(chunk as Uint8Array),
        cb,
      });
    else if (cb) process.nextTick(cb);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        if (mode === "open") decide(false);
      });
    }
  };
  const split = (args: unknown[]) => {
    const cb = args.find((a) => typeof a === "function") as WriteCb | undefined;
    const rest = args.filter((a) => typeof a !== "function");
    return { chunk: rest[0], encoding: rest[1], cb };
  };

  res.flushHeaders = function (this: ServerResponse) {
    if (mode === "plain") return flushHeaders.call(this);
    if (mode === "open") {
      headWanted = true;
      hold(undefined, undefined);
    }
  };
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    const { chunk, encoding, cb } = split(args);
    if (mode === "plain") return write.apply(this, args as [unknown]);
    if (mode === "gzip") {
      const buf = typeof chunk === "string" ? Buffer.from(chunk, (encoding as BufferEncoding) ?? "utf8") : chunk;
      return gz!.write(buf as Buffer, cb);
    }
    hold(chunk, encoding, cb);
    return true;
  } as typeof res.write;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const { chunk, encoding, cb } = split(args);
    if (mode === "open") {
      hold(chunk, encoding);
      if (decide(true) === "plain") return end.call(this, cb);
    } else if (mode === "plain") {
      return end.apply(this, args);
    } else if (chunk !== undefined && chunk !== null) {
      gz!.write(
        typeof chunk === "string" ? Buffer.from(chunk, (encoding as BufferEncoding) ?? "utf8") : (chunk as Buffer),
      );
    }
    gz!.once("end", () => end.call(this, cb));
    gz!.end();
    return this;
  } as typeof res.end;
  (res as ServerResponse & { flush?: () => void }).flush = () => {
    if (mode === "gzip") gz!.flush();
  };
}

function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
