// `npx tsx bench/grid-bytes.ts [--skip-build]` (issue 22 item 4): what one journal grid response
// carries, for both grids of the bench dataset (25 × 48 and 35 × 90) at one client — the HTML
// and the RSC payload it inlines for hydration (≈ what a client navigation fetches), the grid's
// props within it by part, and p50 of sequential requests. Uses the bench database (`npm run
// bench` makes it) and builds the app unless --skip-build; --sample prints the start of the lessons.
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbedded } from "../prisma/tools/embedded";
import { DATA_DIR } from "../prisma/tools/paths";
import { buildApp, signIn, startApp } from "./app-server";
import { prepareDataset } from "./dataset/generate";
import { datasetToday, loadFixtures, teacherUser } from "./fixtures";
import { percentile, send } from "./http-load";
import { bigGridPath, gridPath } from "./scenarios";

const log = (s: string): void => console.log(`[grid-bytes] ${s}`);
const { values: args } = parseArgs({
  options: {
    "skip-build": { type: "boolean", default: false },
    requests: { type: "string", default: "20" },
    sample: { type: "boolean", default: false },
  },
});

/** Length of the JSON value after `"key":` in `text` (brackets and strings matched), or null. */
export function jsonValueLength(text: string, key: string): number | null {
  const at = text.indexOf(`"${key}":`);
  if (at < 0) return null;
  const start = at + key.length + 3;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") depth--;
    if (depth === 0 && (ch === "," || ch === "}" || ch === "]") && i > start) {
      return Buffer.byteLength(text.slice(start, ch === "," ? i : i + 1));
    }
  }
  return null;
}

const PUSH = /self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g;

/** The RSC payload a page inlines for hydration (`self.__next_f.push([1,"…"])` chunks), decoded. */
export function inlinePayload(html: string): string {
  let out = "";
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g))
    out += JSON.parse(m[1]) as string;
  return out;
}

const PARTS = ["lessons", "students", "markRows", "attendanceRows", "markComments", "marks", "attendance", "expected"];

async function main(): Promise<void> {
  const pg = await startEmbedded({ dataDir: path.join(DATA_DIR, "bench-pg"), port: 54349, log });
  try {
    const ds = await prepareDataset(pg.url("postgres"), 1, datasetToday(), log);
    const orgId = ds.orgIds[0];
    const fx = await loadFixtures(ds.url, orgId);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: ds.url,
      NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    await buildApp(env, args["skip-build"] ?? false, log);
    const app = await startApp(env, log);
    try {
      const grids: Array<[string, string, string]> = [["journal_grid", gridPath(fx), fx.grid.teacherLogin]];
      if (fx.bigGrid) grids.push(["journal_grid_35x90", bigGridPath(fx), fx.bigGrid.teacherLogin]);
      for (const [name, page, login] of grids) {
        const cookie = await signIn(app.base, orgId, login, "demo2026");
        const agent = new http.Agent({ keepAlive: true });
        const html = await send(agent, app.base, { path: page, headers: { cookie } });
        const body = html.body.toString();
        const text = inlinePayload(body);
        const payloadBytes = Buffer.byteLength(text);
        const inlinedBytes = [...body.matchAll(PUSH)].reduce((n, m) => n + Buffer.byteLength(m[0]), 0);
        if (args.sample) log(text.slice(text.indexOf('"lessons":'), text.indexOf('"lessons":') + 3000));
        const parts = PARTS.map((k) => [k, jsonValueLength(text, k)] as const).filter(([, n]) => n !== null);
        const times: number[] = [];
        for (let i = 0; i < Number(args.requests); i++) {
          const t0 = performance.now();
          const r = await send(agent, app.base, { path: page, headers: { cookie } });
          if (r.status !== 200) throw new Error(`${name}: HTTP ${r.status}`);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        log(
          `${name}: HTTP ${html.status}, ${html.body.length} B in all: the RSC payload ${payloadBytes} B (${inlinedBytes} B as inlined scripts), the markup ${html.body.length - inlinedBytes} B; p50 ${percentile(times, 50).toFixed(1)} ms, min ${times[0].toFixed(1)} ms (${times.length} sequential)`,
        );
        log(`  in the RSC payload: ${parts.map(([k, n]) => `${k} ${n} B`).join(", ")}`);
        const g = name === "journal_grid" ? fx.grid : fx.bigGrid!;
        const w = await windowFigures(ds.url, orgId, g, login);
        log(
          `  the grid's props (in-process, same data): whole period ${w.wholeBytes} B → first window ${w.windowBytes} B (${w.windowLessons} of ${w.lessons} lessons)`,
        );
        const step = await send(agent, app.base, {
          path: `/api/journal/grid?class=${g.classId}&subject=${g.subjectId}&period=${g.periodId}&from=${w.firstId}&to=${w.lastId}&dir=before`,
          headers: { cookie },
        });
        log(
          `  a scroll step (GET /api/journal/grid, ${w.stepLessons} earlier lessons): HTTP ${step.status}, ${step.body.length} B`,
        );
      }
    } finally {
      await app.stop();
    }
  } finally {
    await pg.stop();
  }
}

/**
 * Issue 22 item 4: the grid's props for the whole period (what the page sent before the window) and
 * for the first window, from the page's own loader in this process.
 */
async function windowFigures(
  url: string,
  orgId: number,
  g: { classId: number; subjectId: number; periodId: number },
  login: string,
) {
  process.env.DATABASE_URL = url;
  const { loadGridPage } = await import("../lib/journal/loaders");
  const { packGridView } = await import("../lib/journal/grid-pack");
  const { firstView, WINDOW_STEP } = await import("../lib/journal/grid-window");
  const user = (await teacherUser(url, orgId, login)) as unknown as Parameters<typeof loadGridPage>[0];
  const req = { classId: g.classId, subjectId: g.subjectId, periodId: g.periodId };
  const page = await loadGridPage(user, req);
  if (page.kind !== "grid") throw new Error("grid-bytes: no grid for the bench teacher");
  const windowed = firstView(page.view);
  return {
    wholeBytes: Buffer.byteLength(JSON.stringify(packGridView(page.view))),
    windowBytes: Buffer.byteLength(JSON.stringify(packGridView(windowed))),
    lessons: page.view.lessons.length,
    windowLessons: windowed.lessons.length,
    firstId: windowed.lessons[0].id,
    lastId: windowed.lessons[windowed.lessons.length - 1].id,
    stepLessons: Math.min(WINDOW_STEP, windowed.hidden?.before ?? 0),
  };
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
