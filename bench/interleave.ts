// `npx tsx bench/interleave.ts [--rounds 6] [--seconds 4] [--clients 10]` (issue 22): the ceiling
// page and `trivial_page` with and without the session/access-facts cache, measured in alternation
// on two servers of the same build (ACCESS_CACHE_TTL_SECONDS=0 and the default) over the bench
// database — on a machine shared with other work, interleaved short windows and their medians
// compare far more fairly than two runs minutes apart. Needs a build (`npm run bench` makes one)
// and the bench dataset; prints a table, writes nothing.
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbedded } from "../prisma/tools/embedded";
import { DATA_DIR } from "../prisma/tools/paths";
import { signIn, startApp, type AppServer } from "./app-server";
import { benchAppEnv, median, runScript } from "./compare";
import { prepareDataset } from "./dataset/generate";
import { loadFixtures, samaraToday } from "./fixtures";
import { runLoad, send } from "./http-load";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "6" },
    seconds: { type: "string", default: "4" },
    clients: { type: "string", default: "10" },
  },
});
const log = (s: string): void => console.log(`[interleave] ${s}`);

async function main(): Promise<void> {
  const pgServer = await startEmbedded({ dataDir: path.join(DATA_DIR, "bench-pg"), port: 54349, log });
  const apps: AppServer[] = [];
  try {
    const [y, m] = samaraToday().split("-").map(Number);
    const today = new Date(Date.UTC(m >= 8 ? y + 1 : y, 4, 25));
    const ds = await prepareDataset(pgServer.url("postgres"), 1, today, log);
    const fx = await loadFixtures(ds.url, ds.orgIds[0]);
    const env = benchAppEnv(ds.url);
    const off = await startApp({ ...env, ACCESS_CACHE_TTL_SECONDS: "0" }, log);
    apps.push(off);
    const on = await startApp({ ...env, ACCESS_CACHE_TTL_SECONDS: "30" }, log);
    apps.push(on);
    const cookieOff = await signIn(off.base, fx.orgId, fx.grid.teacherLogin, "demo2026");
    const cookieOn = await signIn(on.base, fx.orgId, fx.grid.teacherLogin, "demo2026");
    const cases = [
      { name: "ceiling_page", app: on, path: "/ceiling", cookie: "" },
      { name: "trivial_page, cache off", app: off, path: "/ping", cookie: cookieOff },
      { name: "trivial_page, cache on", app: on, path: "/ping", cookie: cookieOn },
    ];
    for (const c of cases) {
      const r = await send(new http.Agent(), c.app.base, {
        path: c.path,
        headers: c.cookie ? { cookie: c.cookie } : {},
      });
      if (r.status !== 200) throw new Error(`${c.name}: HTTP ${r.status}`);
    }
    const rps = new Map<string, number[]>(cases.map((c) => [c.name, []]));
    const p50 = new Map<string, number[]>(cases.map((c) => [c.name, []]));
    const rounds = Number(args.rounds);
    for (let round = 1; round <= rounds; round++) {
      for (const c of round % 2 ? cases : [...cases].reverse()) {
        const res = await runLoad({
          base: c.app.base,
          concurrency: Number(args.clients),
          durationMs: Number(args.seconds) * 1000,
          warmupMs: 500,
          next: () => ({ path: c.path, headers: c.cookie ? { cookie: c.cookie } : ({} as Record<string, string>) }),
        });
        if (res.errors) throw new Error(`${c.name}: ${res.errors} errors ${JSON.stringify(res.statuses)}`);
        rps.get(c.name)!.push(res.rps);
        p50.get(c.name)!.push(res.p50_ms);
      }
      log(`round ${round}/${rounds}: ${cases.map((c) => `${c.name} ${rps.get(c.name)!.at(-1)}`).join(" · ")}`);
    }
    const ceiling = median(rps.get("ceiling_page")!);
    console.log(
      `\n| ${args.clients} clients, ${rounds} interleaved rounds of ${args.seconds} s | median req/s | × ceiling | median p50 ms |`,
    );
    console.log("|---|---:|---:|---:|");
    for (const c of cases) {
      const r = median(rps.get(c.name)!);
      console.log(`| ${c.name} | ${r} | ${Math.round((r / ceiling) * 100) / 100} | ${median(p50.get(c.name)!)} |`);
    }
  } finally {
    for (const a of apps) await a.stop();
    await pgServer.stop();
  }
}

runScript(main);
