// NFR-1 (available 24×7): a node tells the load balancer whether it can serve, so a restart or a
// failing database takes that node out of rotation instead of answering users with errors. The
// readiness answer (GET /api/health/ready) fails while the process drains after SIGTERM, when the
// database does not answer in time or lags migrations; otherwise it is ok. (NFR-1's maintenance page
// is not built: docs/DEPLOY.md describes a rolling update node by node instead.)
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const db = vi.hoisted(() => ({ ping: async () => {}, applied: async (): Promise<string[]> => [] }));
vi.mock("@/lib/ops/data", () => ({
  pingDatabase: () => db.ping(),
  appliedMigrations: () => db.applied(),
  replicaLagSeconds: async () => null,
}));

const { readiness } = await import("@/lib/ops/health");
const { markDraining } = await import("@/lib/ops/shutdown");

const shipped = readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const env = { FILES_DIR: mkdtempSync(path.join(os.tmpdir(), "ready-")), HEALTH_DB_TIMEOUT_MS: "50" };

beforeEach(() => {
  db.ping = async () => {};
  db.applied = async () => shipped;
});

afterAll(() => {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("ejournal.draining")];
});

describe("readiness for the load balancer (NFR-1)", () => {
  it("is ok when the database answers, every migration is applied and files can be written", async () => {
    expect(await readiness(env)).toEqual({
      status: "ok",
      checks: { database: "ok", migrations: "ok", replica: "off", files: "ok", accepting: "ok" },
    });
  });

  it("fails when the database does not answer within the timeout, or a shipped migration is missing", async () => {
    db.ping = () => new Promise(() => {});
    expect((await readiness(env)).checks.database).toBe("fail");
    db.ping = async () => {};
    db.applied = async () => shipped.slice(1);
    const ready = await readiness(env);
    expect(ready).toMatchObject({ status: "fail", checks: { migrations: "fail" } });
  });

  it("fails while the process drains after SIGTERM, so the balancer stops sending it requests", async () => {
    markDraining();
    expect(await readiness(env)).toMatchObject({ status: "fail", checks: { accepting: "fail", database: "ok" } });
  });
});
