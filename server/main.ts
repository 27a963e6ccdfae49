// The production (and development) app server: Next.js's request handler inside a plain Node
// HTTP server (issue 26). Started by `npm start` (prisma/tools/start.ts), the e2e runner and the
// benchmark as `node [--max-old-space-size=N] .next/app-server.mjs`, this file compiled ahead by
// server/build.ts (issue 22, peak RSS: no tsx in the running server, server/entry.ts), or from the
// sources as `node --import tsx/esm server/main.ts` in development or before that compile; ROOT is
// the parent of either file's folder. It adds what `next start` cannot: the socket address and
// TRUST_PROXY hops (SEC-1), body limits before Next reads a body (SEC-6), a request id, one JSON
// log line and metrics per request, and a drain on SIGTERM: stop accepting, let running requests
// finish (SHUTDOWN_TIMEOUT_SECONDS), return a claimed report job to the queue, close the pools.
//
// Environment: PORT (3000), HOST (0.0.0.0), NODE_ENV (production unless --dev), TRUST_PROXY,
// MAX_BODY_MB, MAX_JSON_BODY_KB, LOG_LEVEL, SHUTDOWN_TIMEOUT_SECONDS, MAX_ACTIVE_REQUESTS (pages
// rendered at once, server/admission.ts); the app's own settings (DATABASE_URL, NEXTAUTH_*, …) are
// read by the app.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { bodyLimits } from "@/lib/ops/body-limit";
import { trustedHops } from "@/lib/ops/forwarded";
import { createLogger, installLogger, logLevel, safeError } from "@/lib/ops/log";
import { installRequestStorage, type RequestStore } from "@/lib/ops/request-context";
import { EMPTY_ROUTES, loadRouteTable } from "@/lib/ops/routes";
import { markDraining, runShutdownHooks } from "@/lib/ops/shutdown";
import { keepSourceMapsOnlyWhenAsked } from "@/lib/ops/source-maps";
import { limitActive, maxActiveRequests } from "./admission";
import { createRequestHandler, type ServerState } from "./handler";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function settings() {
  const dev = process.argv.includes("--dev");
  const port = Number.parseInt(process.env.PORT?.trim() || "3000", 10);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT: неверный порт «${process.env.PORT}»`);
  const drain = Number.parseInt(process.env.SHUTDOWN_TIMEOUT_SECONDS?.trim() || "25", 10);
  if (!Number.isInteger(drain) || drain < 1 || drain > 3600) {
    throw new Error(
      `SHUTDOWN_TIMEOUT_SECONDS должен быть числом секунд 1–3600, получено «${process.env.SHUTDOWN_TIMEOUT_SECONDS}»`,
    );
  }
  return {
    dev,
    port,
    host: process.env.HOST?.trim() || "0.0.0.0",
    hops: trustedHops(process.env.TRUST_PROXY),
    limits: bodyLimits(process.env),
    level: logLevel(process.env.LOG_LEVEL),
    drainMs: drain * 1000,
    // Issue 22 (peak RSS): how many pages Next.js renders at once; never limited in development.
    maxActive: dev ? 0 : maxActiveRequests(process.env),
  };
}

async function main(): Promise<void> {
  const s = settings();
  const log = createLogger(s.level);
  installLogger(log);
  const storage = new AsyncLocalStorage<RequestStore>();
  installRequestStorage(storage);

  // Before Next loads its server chunks (SEC-5: their source maps held ≈ 90 MB of the heap).
  keepSourceMapsOnlyWhenAsked(s.dev);
  const app = next({ dev: s.dev, dir: ROOT, hostname: s.host === "0.0.0.0" ? "localhost" : s.host, port: s.port });
  await app.prepare();
  const routes = s.dev ? EMPTY_ROUTES : loadRouteTable(path.join(ROOT, ".next"));
  const state: ServerState = { inFlight: 0, draining: false };
  const server = http.createServer(
    createRequestHandler({
      handle: limitActive(app.getRequestHandler(), s.maxActive).handle,
      routes,
      hops: s.hops,
      limits: s.limits,
      log,
      storage,
      state,
    }),
  );
  server.keepAliveTimeout = 65_000; // longer than nginx's upstream keepalive_timeout (60 s)
  server.headersTimeout = 66_000; // must exceed keepAliveTimeout
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(s.port, s.host, () => resolve());
  });
  log.info({ port: s.port }, "listening");

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const deadline = Date.now() + s.drainMs;
    log.info({ signal, inFlight: state.inFlight }, "draining");
    state.draining = true;
    markDraining();
    server.close(); // no new connections; the callback would wait for keep-alive sockets
    server.closeIdleConnections();
    await new Promise<void>((resolve) => {
      const check = () => {
        if (state.inFlight === 0 || Date.now() >= deadline) resolve();
      };
      state.onIdle = check;
      const timer = setInterval(check, 100);
      timer.unref();
      check();
    });
    server.closeAllConnections();
    await runShutdownHooks(deadline, (name, e) => log.error({ err: safeError(e), code: name }, "shutdown hook failed"));
    log.info({ inFlight: state.inFlight }, "stopped");
    log.flush();
    process.exit(0);
  };
  process.on("SIGTERM", (sig) => void stop(sig));
  process.on("SIGINT", (sig) => void stop(sig));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `Ошибка: ${e.message}` : String(e));
  process.exit(1);
});
