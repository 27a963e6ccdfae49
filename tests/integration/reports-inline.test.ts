// SEC-5: heavy report downloads beyond REPORTS_INLINE_MAX per process become background jobs (202
// with the job's id, shown in «Мои отчёты»); light ones are always built inline; and the /api/v1
// rate limit is one budget per user across all their tokens and the browser session.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemo } from "@/prisma/seed/index";
import { db } from "@/lib/db";
import { GET as reportRoute } from "@/app/api/reports/[report]/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { createApiToken } from "@/lib/api/mutations";
import { hashApiToken, newApiToken } from "@/lib/api/token";
import type { ReportFile } from "@/lib/reports/build";
import { defaultInlineMax, inlineMax, inlineRunning, isHeavyReport, takeInlineSlot } from "@/lib/reports/inline-slots";
import { reportDataVersion } from "@/lib/reports/data";
import {
  flightKey,
  flightsInAir,
  joinedRequests,
  joinFlight,
  JOIN_WINDOW_MS,
  landedFiles,
  LANDED_TTL_MS,
  reusedFiles,
  reuseLanded,
  startFlight,
} from "@/lib/reports/single-flight";
import { parseReportRequest } from "@/lib/reports/schema";
import { takeUserTurn, userTurns, USER_HEAVY_TURNS } from "@/lib/reports/user-turns";
import { reportJobStatus } from "@/lib/reports/jobs/orders";
import type { CurrentUser } from "@/lib/auth/session";
import { signInAs, signOut } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const TODAY = new Date("2026-11-23T12:00:00+04:00");
let organisationId = 0;
let zavuch = 0;
let parent = 0;
let classId = 0;
let periodId = 0;

beforeAll(async () => {
  process.env.FILES_DIR = await mkdtemp(path.join(os.tmpdir(), "ej-reports-inline-"));
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const cls = await db.classGroup.findFirstOrThrow({ where: { name: "7А", organisation: { kind: "SCHOOL" } } });
  organisationId = cls.organisationId;
  classId = cls.id;
  periodId = (await db.period.findFirstOrThrow({ where: { organisationId, kind: "QUARTER", number: 1 } })).id;
  zavuch = (await db.user.findFirstOrThrow({ where: { organisationId, login: "zavuch" } })).id;
  parent = (await db.user.findFirstOrThrow({ where: { organisationId, login: "parent" } })).id;
}, 180_000);

afterEach(() => {
  vi.unstubAllEnvs();
  signOut();
});

const get = (report: string, query: string) =>
  reportRoute(new Request(`http://localhost/api/reports/${report}?${query}`), {
    params: Promise.resolve({ report }),
  });

/** A write that changes nothing visible (the organisation's name set to itself). */
async function touchOrganisation() {
  const { name } = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
  await db.organisation.update({ where: { id: organisationId }, data: { name } });
}

const req = (report: string, query: string) => {
  const r = parseReportRequest(report, new URLSearchParams(query));
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

describe("heavy reports beyond the inline limit go to the queue (SEC-5)", () => {
  it("knows which reports are heavy", () => {
    expect(isHeavyReport(req("progress", `format=pdf&periodId=${periodId}`))).toBe(true); // the organisation
    expect(isHeavyReport(req("progress", `format=pdf&periodId=${periodId}&classId=grade:7`))).toBe(true);
    expect(isHeavyReport(req("occupancy", `format=pdf&date=2026-11-20&classId=dept:3`))).toBe(true);
    expect(isHeavyReport(req("journal", `format=pdf&classId=${classId}&periodId=${periodId}`))).toBe(true);
    expect(isHeavyReport(req("progress", `format=pdf&periodId=${periodId}&classId=${classId}`))).toBe(false);
    expect(isHeavyReport(req("summary", `format=pdf&classId=${classId}`))).toBe(false);
    expect(isHeavyReport(req("teacher-hours", "format=pdf&month=2026-11"))).toBe(false);
    expect(isHeavyReport(req("student", `format=pdf&studentId=1&periodId=${periodId}`))).toBe(false);
  });

  it("reads REPORTS_INLINE_MAX (default 2, or 1 on two cores or fewer; 0 queues every heavy report)", () => {
    expect(defaultInlineMax(1)).toBe(1);
    expect(defaultInlineMax(2)).toBe(1);
    expect(defaultInlineMax(4)).toBe(2);
    expect(inlineMax(undefined, 2)).toBe(2);
    expect(inlineMax("", 2)).toBe(2);
    expect(inlineMax("5", 1)).toBe(5);
    expect(inlineMax("0", 2)).toBe(0);
    expect(inlineMax("-1", 1)).toBe(1);
    expect(inlineMax("два", 2)).toBe(2);
    expect(inlineMax(undefined)).toBe(defaultInlineMax());
  });

  it("answers 202 with a queued job while the slots are busy; builds inline again once one is free", async () => {
    vi.stubEnv("REPORTS_INLINE_MAX", "1");
    await signInAs(organisationId, zavuch);
    const busy = takeInlineSlot(1)!;
    expect(busy).not.toBeNull();
    try {
      const queued = await get("progress", `format=xlsx&periodId=${periodId}`);
      expect(queued.status).toBe(202);
      const body = (await queued.json()) as { ok: boolean; message: string; data: { id: number } };
      expect(body.ok).toBe(true);
      expect(body.message).toContain("«Мои отчёты»");
      expect(queued.headers.get("location")).toBe(`/api/reports/jobs/${body.data.id}`);
      const user = { id: zavuch, organisationId } as CurrentUser;
      expect(await reportJobStatus(user, body.data.id)).toMatchObject({ status: "QUEUED", report: "progress" });
      // A one-class report is not heavy: built at once even now.
      const light = await get("progress", `format=xlsx&periodId=${periodId}&classId=${classId}`);
      expect(light.status).toBe(200);
      expect(light.headers.get("content-type")).toContain("spreadsheetml");
    } finally {
      busy();
    }
    expect(inlineRunning()).toBe(0);
    const inline = await get("progress", `format=xlsx&periodId=${periodId}`);
    expect(inline.status).toBe(200);
    expect(inlineRunning()).toBe(0); // the slot is given back after the build
  }, 120_000);

  it("with REPORTS_INLINE_MAX=0 every heavy report is queued", async () => {
    vi.stubEnv("REPORTS_INLINE_MAX", "0");
    await signInAs(organisationId, zavuch);
    const before = await db.reportJob.count({ where: { organisationId, userId: zavuch } });
    const res = await get("journal", `format=pdf&classId=${classId}&periodId=${periodId}`);
    expect(res.status).toBe(202);
    expect(await db.reportJob.count({ where: { organisationId, userId: zavuch } })).toBe(before + 1);
  });
});

describe("identical heavy reports share one build (SEC-5)", () => {
  // The window is measured by the clock: frozen here, so a slow machine cannot push a request out of it.
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], now: TODAY }));
  afterEach(() => vi.useRealTimers());
  const query = () => `format=pdf&periodId=${periodId}`;
  const fake: ReportFile = {
    bytes: Buffer.from("%PDF-общая сборка"),
    contentType: "application/pdf",
    fileName: "x.pdf",
  };

  it("keys a request by organisation, report and parameters, not by their order or who asks", () => {
    const a = req("progress", `format=pdf&periodId=${periodId}&classId=grade:7`);
    const b = req("progress", `classId=grade:7&periodId=${periodId}&format=pdf`);
    expect(flightKey(organisationId, a)).toBe(flightKey(organisationId, b));
    expect(flightKey(organisationId + 1, a)).not.toBe(flightKey(organisationId, a));
    expect(flightKey(organisationId, req("progress", `format=xlsx&periodId=${periodId}&classId=grade:7`))).not.toBe(
      flightKey(organisationId, a),
    );
  });

  it("answers with the build in flight: no second build, no inline slot, no job", async () => {
    vi.stubEnv("REPORTS_INLINE_MAX", "1");
    await signInAs(organisationId, zavuch);
    let finish: (f: ReportFile) => void = () => undefined;
    const started = Date.now();
    const flight = startFlight(
      flightKey(organisationId, req("progress", query())),
      () => new Promise<ReportFile>((resolve) => (finish = resolve)),
      started,
      () => reportDataVersion([organisationId]),
    );
    const jobs = await db.reportJob.count({ where: { organisationId, userId: zavuch } });
    const joined = joinedRequests();
    const pending = get("progress", query());
    await vi.waitFor(() => expect(joinedRequests()).toBe(joined + 1), { timeout: 30_000 });
    expect(inlineRunning()).toBe(0);
    finish(fake);
    await flight;
    const res = await pending;
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(fake.bytes)).toBe(true);
    expect(await db.reportJob.count({ where: { organisationId, userId: zavuch } })).toBe(jobs);
    expect(flightsInAir()).toBe(0);
    // A write after the build began: the next identical request is built anew from the current data,
    // not given the kept file.
    await touchOrganisation();
    const reused = reusedFiles();
    const again = await get("progress", query());
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(fake.bytes)).toBe(false);
    expect(joinedRequests()).toBe(joined + 1);
    expect(reusedFiles()).toBe(reused);
  }, 120_000);

  it("gives the last identical file again only while the data version is unchanged and on the same day", async () => {
    const key = flightKey(organisationId, req("progress", `format=pdf&periodId=${periodId}&classId=grade:9`));
    const t0 = TODAY.getTime();
    const snapshot = (s: string) => async () => s;
    await startFlight(key, async () => fake, t0, snapshot("s1"));
    expect(flightsInAir()).toBe(0);
    const reused = reusedFiles();
    expect(await reuseLanded(key, t0 + 1_000, snapshot("s1"))).toBe(fake);
    expect(reusedFiles()).toBe(reused + 1);
    // Another calendar day (the date of printing) or too old: built anew.
    expect(await reuseLanded(key, t0 + 24 * 3600_000, snapshot("s1"))).toBeNull();
    await startFlight(key, async () => fake, t0, snapshot("s1"));
    expect(await reuseLanded(key, t0 + LANDED_TTL_MS + 1, snapshot("s1"))).toBeNull();
    // A write finished since the build began: dropped, later readings do not bring it back.
    await startFlight(key, async () => fake, t0, snapshot("s1"));
    expect(await reuseLanded(key, t0 + 1_000, snapshot("s2"))).toBeNull();
    expect(await reuseLanded(key, t0 + 1_000, snapshot("s1"))).toBeNull();
    // The snapshot could not be read: neither kept nor given.
    await startFlight(
      key,
      async () => fake,
      t0,
      () => Promise.reject(new Error("нет связи")),
    );
    expect(await reuseLanded(key, t0 + 1_000, snapshot("s1"))).toBeNull();
    await startFlight(key, async () => fake, t0, snapshot("s1"));
    expect(await reuseLanded(key, t0 + 1_000, () => Promise.reject(new Error("нет связи")))).toBeNull();
    expect(reusedFiles()).toBe(reused + 1);
  });

  it("keeps no failed and no empty build, and a new build of the key drops the kept file", async () => {
    const key = flightKey(organisationId, req("progress", `format=pdf&periodId=${periodId}&classId=grade:10`));
    const t0 = TODAY.getTime();
    const same = async () => "s1";
    const kept = landedFiles();
    await expect(startFlight(key, () => Promise.reject(new Error("сбой")), t0, same)).rejects.toThrow("сбой");
    expect(await reuseLanded(key, t0, same)).toBeNull();
    await startFlight(key, async () => null, t0, same);
    expect(await reuseLanded(key, t0, same)).toBeNull();
    expect(landedFiles()).toBe(kept);
    await startFlight(key, async () => fake, t0, same);
    expect(landedFiles()).toBe(kept + 1);
    let fail: ((e: Error) => void) | null = null;
    const failing = startFlight(key, () => new Promise<ReportFile>((_, reject) => (fail = reject)), t0, same);
    expect(await reuseLanded(key, t0, same)).toBeNull();
    await vi.waitFor(() => expect(fail).not.toBeNull());
    fail!(new Error("сбой"));
    await expect(failing).rejects.toThrow("сбой");
    expect(await reuseLanded(key, t0, same)).toBeNull();
  });

  it("reads the organisation's report data version: a finished write of the organisation changes it", async () => {
    const before = await reportDataVersion([organisationId]);
    expect(before).toMatch(new RegExp(`^${organisationId}:\\d+$`));
    await touchOrganisation();
    expect(await reportDataVersion([organisationId])).not.toBe(before);
  });

  it("does not share a failed build once it has failed", async () => {
    const key = flightKey(organisationId, req("progress", `format=xlsx&periodId=${periodId}&classId=grade:8`));
    const same = async () => "s1";
    await expect(startFlight(key, () => Promise.reject(new Error("сбой")), Date.now(), same)).rejects.toThrow("сбой");
    expect(flightsInAir()).toBe(0);
    expect(joinFlight(key)).toBeNull();
  });

  it("does not join a build that started longer ago than the window", () => {
    const key = flightKey(organisationId, req("progress", `format=xlsx&periodId=${periodId}`));
    let finish: () => void = () => undefined;
    const t0 = 1_000_000;
    void startFlight(
      key,
      () => new Promise<void>((resolve) => (finish = resolve)),
      t0,
      async () => "s1",
    );
    expect(joinFlight(key, t0 + JOIN_WINDOW_MS - 1)).not.toBeNull();
    expect(joinFlight(key, t0 + JOIN_WINDOW_MS)).toBeNull();
    finish();
  });

  it("two identical heavy requests at once, one inline slot: both get the file, nothing is queued", async () => {
    vi.stubEnv("REPORTS_INLINE_MAX", "1");
    await signInAs(organisationId, zavuch);
    const jobs = await db.reportJob.count({ where: { organisationId, userId: zavuch } });
    // A parallel (heavy) — a key no other test of this block has used.
    const parallel = `format=pdf&periodId=${periodId}&classId=grade:7`;
    const [a, b] = await Promise.all([get("progress", parallel), get("progress", parallel)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer()))).toBe(true);
    expect(await db.reportJob.count({ where: { organisationId, userId: zavuch } })).toBe(jobs);
    expect(inlineRunning()).toBe(0);
  }, 120_000);
});

describe("a user's heavy requests take turns (SEC-5)", () => {
  it("answers them USER_HEAVY_TURNS at a time: a further one waits for a turn; a light one is not held", async () => {
    await signInAs(organisationId, zavuch);
    const key = `${organisationId}:${zavuch}`;
    const held = await Promise.all(Array.from({ length: USER_HEAVY_TURNS }, () => takeUserTurn(key)));
    try {
      let settled = false;
      const waiting = get("progress", `format=xlsx&periodId=${periodId}`).then((r) => {
        settled = true;
        return r;
      });
      await vi.waitFor(() => expect(userTurns(key).waiting).toBe(1));
      const light = await get("progress", `format=xlsx&periodId=${periodId}&classId=${classId}`);
      expect(light.status).toBe(200);
      expect(settled).toBe(false);
      held.pop()!();
      const res = await waiting;
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("spreadsheetml");
    } finally {
      held.forEach((give) => give());
    }
    expect(userTurns(key)).toEqual({ running: 0, waiting: 0 });
  }, 120_000);
});

describe("one API budget per user across tokens and the session (SEC-5)", () => {
  const me = (token?: string) =>
    meRoute(
      new Request("http://localhost/api/v1/me", { headers: token ? { authorization: `Bearer ${token}` } : {} }),
      undefined as never,
    );

  it("counts every token and the browser session of a user together; another user is not affected", async () => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "6");
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const token = newApiToken(organisationId);
      await createApiToken(organisationId, zavuch, `лимит ${i}`, "read", hashApiToken(token));
      tokens.push(token);
    }
    await signInAs(organisationId, zavuch);
    const statuses: number[] = [];
    // Six requests spread over three tokens and the session, then one more from each.
    for (const credential of [tokens[0], tokens[1], tokens[2], undefined, tokens[0], undefined])
      statuses.push((await me(credential)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const credential of [...tokens, undefined]) {
      const res = await me(credential);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await res.json()) as { message: string }).message).toMatch(/[а-яё]/i);
    }
    await signInAs(organisationId, parent);
    expect((await me()).status).toBe(200);
  });
});
