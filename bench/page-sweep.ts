// The page sweep (issue 22 item 7): every demo role of the bench school signs in (POST of the
// credentials, then the home page — timed together), reads its own menu from the home page, and
// opens every page of it one after another at one client; p50/p95 per (role, page). A redirect
// (e.g. /diary → /diary/<child>) is followed once and the target measured. Targets: every page
// p95 ≤ 150 ms, sign-in to home ≤ 300 ms.
import http from "node:http";
import { percentile, send } from "./http-load";
import { fetchCsrf, postCredentials, signIn } from "./app-server";

export interface SweepPage {
  role: string;
  login: string;
  /** The menu's link. */
  href: string;
  /** What was measured (the redirect target when the link redirects). */
  path: string;
  status: number;
  requests: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  bytes: number;
}

export interface SweepResult {
  signin: { requests: number; p50_ms: number; p95_ms: number; max_ms: number };
  pages: SweepPage[];
}

/** The menu's links in a rendered page: the hrefs inside `<nav aria-label="Основное меню">`. */
export function menuLinks(html: string): string[] {
  const start = html.indexOf('aria-label="Основное меню"');
  if (start < 0) return [];
  const end = html.indexOf("</nav>", start);
  const nav = html.slice(start, end < 0 ? undefined : end);
  const out: string[] = [];
  for (const m of nav.matchAll(/href="([^"]+)"/g)) {
    const href = m[1].replace(/&amp;/g, "&");
    if (href.startsWith("/") && !out.includes(href)) out.push(href);
  }
  return out;
}

/** Nearest-rank p50/p95/max of latencies in ms (one decimal). */
export function summary(latencies: number[]): { requests: number; p50_ms: number; p95_ms: number; max_ms: number } {
  const s = [...latencies].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { requests: s.length, p50_ms: r(percentile(s, 50)), p95_ms: r(percentile(s, 95)), max_ms: r(s.at(-1) ?? 0) };
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
}

export interface SweepOptions {
  base: string;
  organisationId: number;
  /** role label → login (the demo logins of the school). */
  logins: ReadonlyArray<{ role: string; login: string }>;
  password: string;
  /** Measured requests per page (after one warm-up request). */
  perPage: number;
  /** Sign-ins per login (the first one is a warm-up for the first login only). */
  signInsPerLogin: number;
  /** Only these menu links (all when unset). */
  onlyPages?: readonly string[];
  log: (s: string) => void;
}

export async function runPageSweep(o: SweepOptions): Promise<SweepResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const signins: number[] = [];
  const pages: SweepPage[] = [];
  // One unrecorded sign-in first: argon2 and the sign-in path warm up.
  await signIn(o.base, o.organisationId, o.logins[0].login, o.password);
  for (const { role, login } of o.logins) {
    let cookie = "";
    let home = "";
    for (let i = 0; i < o.signInsPerLogin; i++) {
      const csrf = await fetchCsrf(o.base); // the sign-in form's token: loaded with the page, not timed
      const [[c, h], ms] = await timed(async () => {
        const c = await postCredentials(o.base, csrf, o.organisationId, login, o.password);
        const h = await send(agent, o.base, { path: "/", headers: { cookie: c } });
        return [c, h] as const;
      });
      signins.push(ms);
      cookie = c;
      home = h.body.toString();
    }
    const links = menuLinks(home).filter((href) => !o.onlyPages || o.onlyPages.includes(href));
    if (links.length === 0 && !o.onlyPages) o.log(`  ${role} (${login}): в меню нет ссылок — вход не удался?`);
    for (const href of links) {
      let path = href;
      const first = await send(agent, o.base, { path, headers: { cookie } });
      const location = first.headers.location;
      if (first.status >= 300 && first.status < 400 && location) path = new URL(location, o.base).pathname;
      const lat: number[] = [];
      let status = 0;
      let bytes = 0;
      for (let i = 0; i < o.perPage + 1; i++) {
        const [res, ms] = await timed(() => send(agent, o.base, { path, headers: { cookie } }));
        status = res.status;
        bytes = res.body.length;
        if (i > 0) lat.push(ms); // the first one warms the page up
      }
      const s = summary(lat);
      pages.push({ role, login, href, path, status, bytes, ...s });
      o.log(`  ${role} ${path}: p50 ${s.p50_ms} мс, p95 ${s.p95_ms} мс, HTTP ${status}, ${bytes} байт`);
    }
  }
  agent.destroy();
  return { signin: summary(signins), pages };
}
