// `npx tsx bench/floor.ts [--clients 10] [--seconds 8]` (issue 22, round 24): the floor of a closed loop on
// this machine, without the app — a bare node:http server (in a child process, as the app server is) that
// answers 127 bytes of JSON, driven by the bench's own load generator (bench/http-load.ts) at the given
// clients. Whatever the app does, its requests cannot come faster than these on the same cores: the
// latency and rate here are what the kernel, two node processes and the generator cost alone.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { runLoad } from "./http-load";
import { runScript } from "./compare";

const { values: args } = parseArgs({
  options: { clients: { type: "string", default: "10" }, seconds: { type: "string", default: "8" } },
});

const SERVER = `
const http = require("node:http");
const body = Buffer.from(JSON.stringify({ ok: true, version: 12345, value: "5", at: new Date(0).toISOString(), pad: "x".repeat(40) }));
http.createServer((req, res) => {
  req.resume();
  req.on("end", () => { res.writeHead(200, { "content-type": "application/json", "content-length": body.length }); res.end(body); });
}).listen(0, "127.0.0.1", function () { process.stdout.write(String(this.address().port) + "\\n"); });
`;

function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<number>((resolve) => child.stdout!.once("data", (d) => resolve(Number(String(d)))));
    const base = `http://127.0.0.1:${port}`;
    for (const method of ["GET", "POST"] as const) {
      const server0 = cpuMs(child.pid!);
      const gen0 = process.cpuUsage();
      let sent = 0;
      const res = await runLoad({
        base,
        concurrency: Number(args.clients),
        durationMs: Number(args.seconds) * 1000,
        warmupMs: 1000,
        next: () => {
          sent++;
          return method === "GET"
            ? { path: "/" }
            : { method, path: "/", body: JSON.stringify({ kind: "mark", lessonId: 1, studentId: 2, input: "5" }) };
        },
      });
      const gen = process.cpuUsage(gen0);
      console.log(
        `bare node:http ${method}, ${args.clients} clients: ${res.rps} req/s, p50 ${res.p50_ms} ms, p95 ${res.p95_ms} ms, ` +
          `server CPU ${((cpuMs(child.pid!) - server0) / sent).toFixed(3)} ms/request (10 ms ticks), ` +
          `load generator CPU ${((gen.user + gen.system) / 1000 / sent).toFixed(3)} ms/request`,
      );
    }
  } finally {
    child.kill();
  }
}

runScript(main);
