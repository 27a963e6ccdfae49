// The production app for the benchmark: `next build` (unless --skip-build and a build exists) and the
// app server compiled ahead (server/build.ts), that server on a free loopback port against the bench
// database, its resident memory (the process and its children, sampled from /proc) and real sign-ins
// through next-auth.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { appServerArgv, sourceServerArgv } from "../prisma/tools/heap-cap";
import { PROJECT_ROOT } from "../prisma/tools/paths";
import { buildServer } from "../server/build";
import { compiledServer } from "../server/entry";
import { send } from "./http-load";

const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules", ".bin", "next");

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = spawn(NEXT_BIN, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    c.once("error", reject);
    c.once("exit", (code) => resolve(code ?? 1));
  });
}

const fromSources = (env: NodeJS.ProcessEnv) => env.BENCH_SERVER_FROM_SOURCES === "1";

export async function buildApp(env: NodeJS.ProcessEnv, skip: boolean, log: (s: string) => void): Promise<void> {
  if (skip && existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
    log("Сборка: использую готовую .next (--skip-build)");
  } else {
    log("Сборка: next build…");
    const code = await run(["build"], { ...env, NODE_ENV: "production" });
    if (code !== 0) throw new Error(`next build завершился с кодом ${code}`);
  }
  // The app server compiled ahead, as `npm run build` and `npm start` run it (issue 22, peak RSS);
  // BENCH_SERVER_FROM_SOURCES=1 runs it from its sources through tsx instead (the before of that change).
  if (!fromSources(env) && !compiledServer(PROJECT_ROOT)) {
    log("Сборка: сервер приложения (server/build.ts)…");
    await buildServer(PROJECT_ROOT);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // gone
    }
  }
  return out;
}

/**
 * Resident memory of a process and all its descendants, in MB (one decimal): all of it, the anonymous
 * part (V8 heaps of every thread, malloc, stacks — the rest is mapped files: code, fonts), and how many
 * threads they run (each PDF layout thread is an isolate of its own).
 */
export interface TreeMemory {
  rss_mb: number;
  anon_mb: number;
  threads: number;
}

export function treeMemory(pid: number): TreeMemory {
  let rss = 0;
  let anon = 0;
  let threads = 0;
  const stack = [pid];
  const field = (status: string, name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      rss += field(status, "VmRSS");
      anon += field(status, "RssAnon");
      threads += field(status, "Threads");
    } catch {
      continue;
    }
    stack.push(...childrenOf(p));
  }
  const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
  return { rss_mb: mb(rss), anon_mb: mb(anon), threads };
}

/** Resident memory of `pid` and all its descendants, in MB (one decimal). */
export function treeRssMb(pid: number): number {
  return treeMemory(pid).rss_mb;
}

/** The app's main-thread V8 heap and its external memory (Buffers outside the heap), MB, from its metrics. */
export interface HeapFigures {
  heap_used_mb: number;
  heap_total_mb: number;
  external_mb: number;
}

/** Reads HeapFigures from the app's /api/metrics (prom-client's nodejs gauges); null when it does not answer. */
export async function heapOf(base: string): Promise<HeapFigures | null> {
  const res = await send(new http.Agent(), base, { path: "/api/metrics" }).catch(() => null);
  return res?.status === 200 ? heapFromMetrics(res.body.toString()) : null;
}

/** HeapFigures from Prometheus text (prom-client's default nodejs gauges), or null when one is missing. */
export function heapFromMetrics(text: string): HeapFigures | null {
  const gauge = (name: string) => {
    const v = new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1];
    return v === undefined ? NaN : Math.round((Number(v) / 2 ** 20) * 10) / 10;
  };
  const figures = {
    heap_used_mb: gauge("nodejs_heap_size_used_bytes"),
    heap_total_mb: gauge("nodejs_heap_size_total_bytes"),
    external_mb: gauge("nodejs_external_memory_bytes"),
  };
  return Object.values(figures).every(Number.isFinite) ? figures : null;
}

export interface AppServer {
  base: string;
  pid: number;
  /** Peak RSS (MB) since the last call of resetPeak(). */
  peakMb(): number;
  /** The sample of that peak: its anonymous part and the threads. */
  peakMemory(): TreeMemory;
  resetPeak(): void;
  stop(): Promise<void>;
}

export async function startApp(env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<AppServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The same heap cap as `npm start` (MAX_HEAP_MB, or the operator's NODE_OPTIONS).
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (node refuses
  // --cpu-prof in NODE_OPTIONS); open it in Chrome DevTools or read it with bench/profile-top.ts.
  const prof = env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${env.BENCH_CPU_PROF}`] : [];
  // BENCH_NODE_FLAGS="--a --b": node/V8 flags put before the server's own, to try a memory lever
  // (issue 22, peak RSS) without changing what npm start runs; so can MALLOC_ARENA_MAX etc. in the environment.
  const trial = env.BENCH_NODE_FLAGS?.trim() ? env.BENCH_NODE_FLAGS.trim().split(/\s+/) : [];
  const argv = fromSources(env) ? sourceServerArgv(env, PROJECT_ROOT) : appServerArgv(env, PROJECT_ROOT);
  const child: ChildProcess = spawn(process.execPath, [...prof, ...trial, ...argv], {
    cwd: PROJECT_ROOT,
    // METRICS_ALLOW: the benchmark reads the app's heap gauges after each level (heapOf), over loopback.
    env: {
      METRICS_ALLOW: "127.0.0.1",
      ...env,
      NODE_ENV: "production",
      NEXTAUTH_URL: base,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const pid = child.pid!;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ok = await send(new http.Agent(), base, { path: "/login" }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("next start не ответил за 90 с");
    await new Promise((r) => setTimeout(r, 500));
  }
  log(
    `Приложение: ${base} (pid ${pid}; ${argv.includes("tsx/esm") ? "server/main.ts через tsx" : "собранный сервер"}; node ${[...trial, ...argv.filter((a) => a.startsWith("--"))].join(" ")}${env.MALLOC_ARENA_MAX ? `; MALLOC_ARENA_MAX=${env.MALLOC_ARENA_MAX}` : ""}${env.MAX_ACTIVE_REQUESTS ? `; MAX_ACTIVE_REQUESTS=${env.MAX_ACTIVE_REQUESTS}` : ""})`,
  );
  let peak = treeMemory(pid);
  const sample = () => {
    const now = treeMemory(pid);
    if (now.rss_mb >= peak.rss_mb) peak = now;
  };
  const timer = setInterval(sample, 200);
  return {
    base,
    pid,
    peakMb: () => {
      sample();
      return peak.rss_mb;
    },
    peakMemory: () => {
      sample();
      return peak;
    },
    resetPeak: () => {
      peak = treeMemory(pid);
    },
    stop: async () => {
      clearInterval(timer);
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => {
        const t = setTimeout(() => {
          child.kill("SIGKILL");
          r(undefined);
        }, 10_000);
        child.once("exit", () => {
          clearTimeout(t);
          r(undefined);
        });
      });
    },
  };
}

function cookiesOf(headers: http.IncomingHttpHeaders): string[] {
  return (headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);
}

export interface Csrf {
  csrfToken: string;
  jar: string[];
}

/** next-auth's CSRF token and its cookie (the first step of a sign-in). */
export async function fetchCsrf(base: string, agent = new http.Agent()): Promise<Csrf> {
  const csrf = await send(agent, base, { path: "/api/auth/csrf" });
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  return { csrfToken, jar: cookiesOf(csrf.headers) };
}

/** The credentials POST of a sign-in; returns the Cookie header of the new session. */
export async function postCredentials(
  base: string,
  csrf: Csrf,
  organisationId: number | string,
  login: string,
  password: string,
  agent = new http.Agent(),
): Promise<string> {
  const body = new URLSearchParams({
    csrfToken: csrf.csrfToken,
    organisationId: String(organisationId),
    login,
    password,
    json: "true",
  }).toString();
  const res = await send(agent, base, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.jar.join("; ") },
    body,
  });
  const session = cookiesOf(res.headers).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Вход ${login} не удался (HTTP ${res.status}): ${res.body.toString().slice(0, 200)}`);
  return session;
}

/** Signs in through next-auth's credentials provider; returns the Cookie header of the session. */
/** `organisationId`: an organisation's id, or a territory (`municipality:<id>`, REG-1) for an authority account. */
export async function signIn(
  base: string,
  organisationId: number | string,
  login: string,
  password: string,
): Promise<string> {
  const agent = new http.Agent();
  return postCredentials(base, await fetchCsrf(base, agent), organisationId, login, password, agent);
}
