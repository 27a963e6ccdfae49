// A production app server (server/main.ts over the .next build) as a child process for the
// operations tests (issue 26): started exactly as `npm start` starts it, its stdout kept as JSON
// log lines, signed in through next-auth like a browser.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { randomFreePort } from "../../prisma/tools/embedded-proc";
import { appServerArgv } from "../../prisma/tools/heap-cap";
import { PROJECT_ROOT } from "../../prisma/tools/paths";

export type AppProcess = {
  name: string;
  base: string;
  port: number;
  child: ChildProcess;
  /** Every stdout line so far, parsed when it is JSON. */
  lines(): Array<Record<string, unknown>>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

export async function startApp(name: string, env: Record<string, string>): Promise<AppProcess> {
  const port = await randomFreePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, appServerArgv(env, PROJECT_ROOT), {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: base,
      PORT: String(port),
      HOST: "127.0.0.1",
      TZ: "Asia/Vladivostok",
      ...env,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: Array<Record<string, unknown>> = [];
  let pending = "";
  child.stdout!.on("data", (d: Buffer) => {
    pending += d.toString();
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const line of parts) {
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        out.push({ text: line });
      }
    }
  });
  child.stderr!.on("data", (d: Buffer) => {
    if (process.env.OPS_VERBOSE) process.stderr.write(`[${name}] ${d.toString()}`);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const up = await fetch(`${base}/api/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`${name} did not start`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    name,
    base,
    port,
    child,
    lines: () => out,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Signs in through next-auth's credentials endpoint; returns the session cookie ("name=value"). */
export async function signInHttp(
  base: string,
  organisationId: number,
  login: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; cookie: string | null; error: string | null }> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), ...headers },
    body: new URLSearchParams({ csrfToken, organisationId: String(organisationId), login, password, json: "true" }),
  });
  const cookie =
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c.startsWith("next-auth.session-token=")) ?? null;
  // With json=true next-auth answers { url } instead of a redirect.
  const location =
    res.headers.get("location") ??
    ((res.headers.get("content-type") ?? "").includes("json") ? ((await res.json()) as { url?: string }).url : "") ??
    "";
  const error = location.includes("error=") ? decodeURIComponent(location.split("error=")[1] ?? "") : null;
  return { status: res.status, cookie, error };
}

/** The id of a server action ("lib/x/actions.ts#name") in the build's manifest. */
export async function actionId(file: string, exportedName: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const manifest = JSON.parse(
    await readFile(path.join(PROJECT_ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!hit) throw new Error(`no action ${file}#${exportedName} in the build`);
  return hit[0];
}

/** Calls a server action over HTTP as the browser does (React's reply encoding); returns status and text. */
export async function callAction(
  base: string,
  pagePath: string,
  id: string,
  args: unknown[],
  cookie: string,
): Promise<{ status: number; text: string; requestId: string | null }> {
  const { encodeReply } = (await import(
    path.join(PROJECT_ROOT, "node_modules/next/dist/compiled/react-server-dom-webpack/client.node.js")
  )) as { encodeReply: (v: unknown) => Promise<string | FormData> };
  const body = await encodeReply(args);
  const res = await fetch(`${base}${pagePath}`, {
    method: "POST",
    headers: {
      "next-action": id,
      accept: "text/x-component",
      origin: base,
      cookie,
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
    },
    body,
  });
  return { status: res.status, text: await res.text(), requestId: res.headers.get("x-request-id") };
}
