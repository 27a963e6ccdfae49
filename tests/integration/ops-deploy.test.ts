// The shipped deployment files (issue 26, docs/DEPLOY.md): `nginx -t` passes on the nginx site
// (with a throw-away certificate in place of the operator's), and the systemd units start the
// same app server and worker the project runs. nginx comes from Debian's package where it is
// installed (the development machine has it; `npm test` installs nothing, so a machine without
// nginx skips this one check with a note).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_HEAP_GROWING_PERCENT } from "@/prisma/tools/heap-cap";

const ROOT = path.resolve(__dirname, "../..");
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

describe("deployment files (issue 26)", () => {
  it.skipIf(!NGINX)("nginx -t passes on deploy/nginx/ejournal.conf", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ej-nginx-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=journal.example.ru",
        "-keyout",
        path.join(dir, "privkey.pem"),
        "-out",
        path.join(dir, "fullchain.pem"),
      ],
      { stdio: "ignore" },
    );
    const site = readFileSync(path.join(ROOT, "deploy/nginx/ejournal.conf"), "utf8").replaceAll(
      "/etc/ssl/ejournal",
      dir,
    );
    writeFileSync(path.join(dir, "site.conf"), site);
    writeFileSync(
      path.join(dir, "nginx.conf"),
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  include ${dir}/site.conf;\n}\n`,
    );
    const r = spawnSync(NGINX!, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
    expect(r.stderr).toMatch(/syntax is ok/);
    expect(r.status, r.stderr).toBe(0);
  });

  it("the site forwards what TRUST_PROXY=1 expects and limits bodies like the app (SEC-1, SEC-6)", () => {
    const site = readFileSync(path.join(ROOT, "deploy/nginx/ejournal.conf"), "utf8");
    expect(site).toMatch(/X-Forwarded-For\s+\$proxy_add_x_forwarded_for/);
    expect(site).toMatch(/X-Forwarded-Host\s+\$host/);
    expect(site).toMatch(/X-Forwarded-Proto\s+\$scheme/);
    expect(site).toMatch(/client_max_body_size 52m/);
    const env = readFileSync(path.join(ROOT, "deploy/ejournal.env.example"), "utf8");
    expect(env).toMatch(/^TRUST_PROXY=1$/m);
  });

  it("the app unit runs the app server with the heap cap and the worker unit the report worker", () => {
    const app = readFileSync(path.join(ROOT, "deploy/systemd/ejournal@.service"), "utf8");
    // Issue 22: the server `npm run build` compiled (server/build.ts), with plain node — no tsx.
    expect(app).toMatch(
      /ExecStart=\/usr\/bin\/node --max-old-space-size=\d+ --heap-growing-percent=\d+ \/opt\/ejournal\/\.next\/app-server\.mjs$/m,
    );
    // Issue 22 (peak RSS): the same growing factor as npm start's (prisma/tools/heap-cap.ts).
    expect(app).toContain(`--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT} `);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { build: string } };
    expect(pkg.scripts.build).toMatch(/next build && tsx server\/build\.ts/);
    expect(app).toMatch(/REPORT_WORKER=off/);
    const worker = readFileSync(path.join(ROOT, "deploy/systemd/ejournal-worker.service"), "utf8");
    expect(worker).toMatch(/prisma\/tools\/worker\.ts/);
    expect(existsSync(path.join(ROOT, "prisma/tools/worker.ts"))).toBe(true);
    expect(existsSync(path.join(ROOT, "node_modules/tsx/dist/cli.mjs"))).toBe(true);
  });
});
