// The `browser_visits` scenario (issue 22): what a real browser visit costs the app server. Debian's
// Chromium (driven through playwright-core, as the e2e tier does) signs in as the bench parent on a
// phone, the bench teacher and the deputy on a laptop, opens home and one working page each and
// scrolls; after each page is shown and the network is quiet it counts the requests to the app server
// by kind (document, RSC navigation, RSC prefetch, other fetch/XHR, static asset), the bytes received
// and the app server's CPU time (/proc). Each visit runs `repeats` times in a fresh browser context;
// the median is reported. A plain HTTP client never sees what the browser adds (link prefetch,
// polling, a refresh loop, a chatty client component): this scenario does.
import type { Browser, Page, Request } from "playwright-core";
import { median } from "./compare";
import type { Fixtures } from "./fixtures";
import { cpuSeconds } from "./proc-cpu";
import { diaryPath, gridPath } from "./scenarios";

/** What a request to the app server is, from its URL, resource type and request headers. */
export type RequestKind = "document" | "rsc_navigation" | "rsc_prefetch" | "fetch" | "static" | "other";
export const REQUEST_KINDS: readonly RequestKind[] = [
  "document",
  "rsc_navigation",
  "rsc_prefetch",
  "fetch",
  "static",
  "other",
];

/**
 * The kind of a request, or null when it does not go to the app server (`appOrigin`). A router
 * prefetch (header `next-router-prefetch`) also carries `rsc: 1` and `_rsc`: it is checked first.
 */
export function classifyRequest(
  url: string,
  resourceType: string,
  headers: Record<string, string>,
  appOrigin: string,
): RequestKind | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.origin !== new URL(appOrigin).origin) return null;
  const h = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (u.pathname.startsWith("/_next/static/")) return "static";
  if (h.has("next-router-prefetch")) return "rsc_prefetch";
  if (h.get("rsc") === "1" || u.searchParams.has("_rsc")) return "rsc_navigation";
  if (resourceType === "document") return "document";
  if (resourceType === "fetch" || resourceType === "xhr" || resourceType === "eventsource") return "fetch";
  return "other";
}

/** One step's (or a whole visit's) figures. */
export interface StepFigures {
  requests: Record<RequestKind, number>;
  /** Bytes received from the app server (response headers + encoded body). */
  bytes: number;
  /** The app server's CPU (user + system) over the step, ms (the kernel counts 10 ms ticks). */
  cpu_ms: number;
}

export const emptyFigures = (): StepFigures => ({
  requests: { document: 0, rsc_navigation: 0, rsc_prefetch: 0, fetch: 0, static: 0, other: 0 },
  bytes: 0,
  cpu_ms: 0,
});

/** The sum of steps' figures (a visit's total). */
export function sumFigures(steps: readonly StepFigures[]): StepFigures {
  const out = emptyFigures();
  for (const s of steps) {
    for (const k of REQUEST_KINDS) out.requests[k] += s.requests[k];
    out.bytes += s.bytes;
    out.cpu_ms += s.cpu_ms;
  }
  return out;
}

/** The median (lower middle of an even count) of each figure over the runs, field by field. */
export function medianFigures(runs: readonly StepFigures[]): StepFigures {
  const out = emptyFigures();
  if (runs.length === 0) return out;
  for (const k of REQUEST_KINDS) out.requests[k] = median(runs.map((r) => r.requests[k]));
  out.bytes = median(runs.map((r) => r.bytes));
  out.cpu_ms = median(runs.map((r) => r.cpu_ms));
  return out;
}

/** One run of a visit: its steps' figures in order, or the error that stopped it. */
export interface VisitRun {
  steps: Array<{ name: string; via?: string; figures: StepFigures }>;
  error?: string;
}

/** A visit's result: the median of its successful runs, step by step and in total. */
export interface VisitResult {
  name: string;
  viewport: string;
  runs: number;
  ok: number;
  steps: Array<{ name: string; via?: string; figures: StepFigures }>;
  total: StepFigures | null;
  errors: string[];
}

export interface VisitsResult {
  browser: string;
  repeats: number;
  visits: VisitResult[];
}

/** Aggregates a visit's runs: failed runs are reported as errors, the rest give the medians. */
export function aggregateVisit(name: string, viewport: string, runs: readonly VisitRun[]): VisitResult {
  const good = runs.filter((r) => !r.error);
  const errors = runs.flatMap((r) => (r.error ? [r.error] : []));
  const names = good[0]?.steps.map((s) => s.name) ?? [];
  const steps = names.map((step, i) => ({
    name: step,
    ...(good[0].steps[i].via ? { via: good[0].steps[i].via } : {}),
    figures: medianFigures(good.flatMap((r) => (r.steps[i]?.name === step ? [r.steps[i].figures] : []))),
  }));
  return {
    name,
    viewport,
    runs: runs.length,
    ok: good.length,
    steps,
    total: good.length ? medianFigures(good.map((r) => sumFigures(r.steps.map((s) => s.figures)))) : null,
    errors,
  };
}

const cells = (f: StepFigures) =>
  [...REQUEST_KINDS.map((k) => String(f.requests[k])), String(Math.round(f.bytes / 1024)), String(f.cpu_ms)].join(
    " | ",
  );

/** The section of RESULTS.md: one row per step of each visit and its total; a failed visit as an error row. */
export function visitsTable(r: VisitsResult): string[] {
  const lines = [
    `## Browser visits (${r.browser}; a fresh context each time, median of ${r.repeats})`,
    "",
    "Requests to the app server by kind after each page is shown and the network is quiet; RSC prefetch = header " +
      "`next-router-prefetch`; static = `/_next/static`; KB received; the app server's CPU over the step (10 ms ticks).",
    "",
    "| visit | step | document | RSC nav | RSC prefetch | fetch/XHR | static | other | KB | app CPU ms |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const v of r.visits) {
    const label = `${v.name} (${v.viewport})`;
    if (!v.total) {
      lines.push(`| ${label} | **error** (${v.runs} runs failed): ${escapeCell(v.errors[0] ?? "?")} | | | | | | | | |`);
      continue;
    }
    for (const s of v.steps) lines.push(`| ${label} | ${s.name}${s.via ? ` (${s.via})` : ""} | ${cells(s.figures)} |`);
    lines.push(`| ${label} | **total**${v.ok < v.runs ? ` (${v.ok} of ${v.runs} runs)` : ""} | ${cells(v.total)} |`);
    if (v.errors.length)
      lines.push(`| ${label} | **error** in ${v.errors.length} run(s): ${escapeCell(v.errors[0])} | | | | | | | | |`);
  }
  return lines;
}

const escapeCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ").slice(0, 200);

/** One page of a visit after sign-in and home: reached by its link when home shows one, else typed in. */
export interface VisitPage {
  name: string;
  path: string;
  scroll?: boolean;
}

export interface VisitPlan {
  name: string;
  viewport: { width: number; height: number };
  phone?: boolean;
  login: string;
  password: string;
  pages: VisitPage[];
}

/** The three visits of issue 22 over the bench dataset. */
export function benchVisits(fx: Fixtures, password = "demo2026"): VisitPlan[] {
  const laptop = { width: 1366, height: 768 };
  return [
    {
      name: "parent_diary",
      viewport: { width: 390, height: 844 },
      phone: true,
      login: "parent",
      password,
      pages: [{ name: "diary", path: diaryPath(fx), scroll: true }],
    },
    {
      name: "teacher_grid",
      viewport: laptop,
      login: fx.grid.teacherLogin,
      password,
      pages: [{ name: "grid", path: gridPath(fx), scroll: true }],
    },
    {
      name: "deputy_control",
      viewport: laptop,
      login: "zavuch",
      password,
      pages: [{ name: "control", path: "/control" }],
    },
  ];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A request in flight longer than this is long-lived (a stream, a long poll): it does not keep the network busy. */
const LONG_LIVED_MS = 5000;

/** Counts a page's requests to the app server into the current step and tells when the network is quiet. */
class Meter {
  /** In flight: when each started and the step it counts in. */
  private inflight = new Map<Request, { at: number; step: StepFigures }>();
  private last = Date.now();
  private sizes: Promise<void>[] = [];
  current = emptyFigures();

  constructor(
    page: Page,
    private readonly origin: string,
  ) {
    page.on("request", (req) => {
      const kind = classifyRequest(req.url(), req.resourceType(), req.headers(), this.origin);
      if (!kind) return;
      this.current.requests[kind]++;
      this.inflight.set(req, { at: Date.now(), step: this.current });
      this.last = Date.now();
    });
    page.on("requestfinished", (req) => {
      const entry = this.inflight.get(req);
      if (!entry) return;
      this.inflight.delete(req);
      this.last = Date.now();
      this.sizes.push(
        req.sizes().then(
          (s) => {
            entry.step.bytes += s.responseBodySize + s.responseHeadersSize;
          },
          () => undefined,
        ),
      );
    });
    page.on("requestfailed", (req) => {
      if (this.inflight.delete(req)) this.last = Date.now();
    });
  }

  /**
   * Waits until no request to the app server has been in flight for `quietMs` (at most `maxMs`);
   * requests in flight for over LONG_LIVED_MS are left out. Returns the URLs of those left out.
   */
  async settle(quietMs = 1500, maxMs = 20_000): Promise<string[]> {
    const start = Date.now();
    const busy = () => [...this.inflight.values()].some((e) => Date.now() - e.at < LONG_LIVED_MS);
    while (Date.now() - start < maxMs) {
      if (!busy() && Date.now() - this.last >= quietMs) break;
      await sleep(100);
    }
    await Promise.race([Promise.all(this.sizes), sleep(5000)]);
    this.sizes = [];
    return [...this.inflight.keys()].map((r) => r.url());
  }
}

async function scrollToBottom(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const moved = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * 0.8));
      return window.scrollY !== before;
    });
    if (!moved) break;
    await sleep(200);
  }
}

/** One run of a visit in a fresh context of `browser`. */
async function runVisit(browser: Browser, base: string, pid: number, organisationId: number, plan: VisitPlan) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: plan.viewport,
    ...(plan.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
    locale: "ru-RU",
    timezoneId: "Europe/Samara",
  });
  const run: VisitRun = { steps: [] };
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const meter = new Meter(page, base);
    const step = async (name: string, action: () => Promise<string | undefined>) => {
      meter.current = emptyFigures();
      const cpu0 = cpuSeconds(pid);
      const via = await action();
      const open = await meter.settle();
      const figures = meter.current;
      figures.cpu_ms = Math.round((cpuSeconds(pid) - cpu0) * 1000);
      // Still open after the wait (a stream, a long poll): named in the step, so a new one shows.
      const note = [via, open.length ? `open: ${open.map((u) => new URL(u).pathname).join(", ")}` : ""];
      run.steps.push({ name, ...(note.some(Boolean) ? { via: note.filter(Boolean).join("; ") } : {}), figures });
    };
    await step("login page", async () => {
      await page.goto("/login");
      return undefined;
    });
    await step("sign-in → home", async () => {
      await page.getByLabel("Организация", { exact: true }).selectOption(String(organisationId));
      await page.getByLabel("Логин").fill(plan.login);
      await page.getByLabel("Пароль").fill(plan.password);
      await page.getByRole("button", { name: "Войти" }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
      await page.waitForLoadState("load");
      return undefined;
    });
    for (const target of plan.pages) {
      await step(target.name, async () => {
        const pathname = target.path.split("?")[0];
        const link = page.locator(`a[href="${target.path}"], a[href="${pathname}"]`).locator("visible=true").first();
        let via = "typed URL";
        if ((await link.count()) > 0) {
          await link.click();
          await page.waitForURL((u) => u.pathname === pathname);
          via = "link";
        } else {
          await page.goto(target.path);
        }
        await page.waitForLoadState("load");
        if (target.scroll) {
          await meter.settle(800);
          await scrollToBottom(page);
        }
        return via;
      });
    }
  } catch (e) {
    run.error = e instanceof Error ? e.message.split("\n")[0] : String(e);
  } finally {
    await context.close().catch(() => undefined);
  }
  return run;
}

export interface VisitsOptions {
  base: string;
  /** The app server's pid (its CPU and its children's is read from /proc). */
  pid: number;
  organisationId: number;
  plans: VisitPlan[];
  repeats?: number;
  /** Another Chromium than the e2e tier's. */
  executablePath?: string;
  log: (s: string) => void;
}

/** Runs every visit `repeats` times; a failure is kept as an error of that visit, never thrown. */
export async function runBrowserVisits(o: VisitsOptions): Promise<VisitsResult> {
  const repeats = o.repeats ?? 3;
  const runs = new Map<string, VisitRun[]>(o.plans.map((p) => [p.name, []]));
  let browser: Browser | undefined;
  let browserName = "Chromium";
  try {
    const { chromium } = await import("playwright-core");
    // The e2e tier's Chromium and flags (Debian's /usr/bin/chromium or CHROMIUM_PATH; no sandbox, no GPU,
    // no background networking, component updates or sync).
    const { default: e2e } = await import("../tests/e2e/playwright.config");
    const launch = e2e.use?.launchOptions ?? {};
    browser = await chromium.launch({ ...launch, ...(o.executablePath ? { executablePath: o.executablePath } : {}) });
    browserName = `Chromium ${browser.version()}`;
    // Round-robin: the three visits alternate, so a load drift spreads over all of them.
    for (let i = 0; i < repeats; i++) {
      for (const plan of o.plans) {
        const run = await runVisit(browser, o.base, o.pid, o.organisationId, plan);
        runs.get(plan.name)!.push(run);
        const total = sumFigures(run.steps.map((s) => s.figures));
        o.log(
          `browser_visits ${plan.name} #${i + 1}: ${run.error ? `ошибка: ${run.error}; ` : ""}${REQUEST_KINDS.map((k) => `${k} ${total.requests[k]}`).join(", ")}, ${Math.round(total.bytes / 1024)} КБ, CPU сервера ${total.cpu_ms} мс`,
        );
      }
    }
  } catch (e) {
    const error = `браузер: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
    o.log(`browser_visits: ${error}`);
    for (const plan of o.plans) if (runs.get(plan.name)!.length === 0) runs.get(plan.name)!.push({ steps: [], error });
  } finally {
    await browser?.close().catch(() => undefined);
  }
  return {
    browser: browserName,
    repeats,
    visits: o.plans.map((p) => aggregateVisit(p.name, `${p.viewport.width}×${p.viewport.height}`, runs.get(p.name)!)),
  };
}
