// REG-2 × SEC-5 against PostgreSQL: the territory report in the background. With no inline slot the
// authority account's request is queued (202 with a job id and a Russian message, never 429 while the
// account's queue has room); the report worker's step builds it with the inline path's builder; only
// the owner — in the territory it ordered it for — sees the status and downloads the file, whose
// totals equal the inline build's; the queue cap refuses in Russian; a failed build shows its error;
// finished and failed jobs are purged after their keeping time.
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadRoute } from "@/app/api/region/report/route";
import { GET as listRoute, POST as orderRoute } from "@/app/api/region/report/jobs/route";
import { GET as jobRoute } from "@/app/api/region/report/jobs/[id]/route";
import { db } from "@/lib/db";
import type { AuthorityRole } from "@/lib/auth/authority/rules";
import { MAX_PENDING_JOBS } from "@/lib/reports/jobs/orders";
import { KEEP_HOURS } from "@/lib/reports/jobs/rules";
import { takeUserTurn, USER_HEAVY_TURNS, userTurns } from "@/lib/reports/user-turns";
import { inlineRunning } from "@/lib/reports/inline-slots";
import { reusedFiles } from "@/lib/reports/single-flight";
import * as worker from "@/lib/region/jobs/worker";
import { createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";
import { signInAs, signInAsAuthority, signOut } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const HOUR = 3600_000;
const QUERY = "kind=contingent&from=2026-09-01&to=2026-11-20";
let a: JournalFixture;
let b: JournalFixture;
let regionId: number;
let muniA: number;
let muniB: number;
let seq = 0;

async function account(role: AuthorityRole, municipalityId: number | null) {
  seq += 1;
  return db.authorityUser.create({
    data: {
      login: `jobs-${seq}-${process.pid}`,
      role,
      regionId,
      municipalityId,
      passwordHash: "-",
      mustChangePassword: false,
      lastName: "Очередева",
      firstName: "Нина",
    },
  });
}

const download = (query: string, headers: Record<string, string> = {}) =>
  downloadRoute(new Request(`http://localhost/api/region/report?${query}`, { headers }));
const job = (id: number | string, query = "") =>
  jobRoute(new Request(`http://localhost/api/region/report/jobs/${id}${query}`), {
    params: Promise.resolve({ id: String(id) }),
  });
const order = (body: unknown) =>
  orderRoute(
    new Request("http://localhost/api/region/report/jobs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

/** A new account of `role` signed in queues `query` with no inline slot (202): the account and the job's id. */
async function queueAs(role: AuthorityRole, municipalityId: number | null, query: string) {
  const spec = await account(role, municipalityId);
  await signInAsAuthority(spec.id);
  vi.stubEnv("REPORTS_INLINE_MAX", "0");
  // An earlier test's identical file would be given as kept (SEC-5): a member school's write stales it.
  await db.$executeRaw`UPDATE "Organisation" SET name = name WHERE id = ${a.organisationId}`;
  const res = await download(query);
  expect(res.status).toBe(202);
  return { spec, id: ((await res.json()) as { data: { id: number } }).data.id };
}

/** Runs the worker's territory steps until job `id` has been taken (earlier jobs of other tests first). */
async function runUntil(id: number): Promise<void> {
  for (let i = 0; i < 20; i++) if ((await worker.runTerritoryJobStep(() => new Date())) === id) return;
  throw new Error(`job ${id} was never claimed`);
}

/** The cells of the XLSX row «Итого по территории». */
async function totalsRow(bytes: ArrayBuffer | Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  const rows: string[][] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((c) => cells.push(String(c.text)));
      if (cells.some((c) => c.includes("Итого по территории"))) rows.push(cells);
    }),
  );
  expect(rows.length).toBeGreaterThan(0);
  return rows[0];
}

beforeAll(async () => {
  // The clock of these tests (the sessions, the build's date, the keeping time): the fixture's NOW.
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  a = await createJournalFixture({ students: 5 });
  b = await createJournalFixture({ students: 3 });
  const place = await db.organisation.findUniqueOrThrow({ where: { id: a.organisationId } });
  regionId = place.regionId;
  muniA = place.municipalityId;
  muniB = (await db.municipality.create({ data: { regionId, name: `Округ Б ${process.pid}` } })).id;
  // The second school is in the same municipality: the territory's total is over both.
  await db.organisation.update({ where: { id: b.organisationId }, data: { regionId, municipalityId: muniA } });
}, 120_000);

afterAll(() => vi.useRealTimers());

afterEach(() => {
  vi.unstubAllEnvs();
  signOut();
});

describe("a territory report queued while the inline slots are busy (REG-2, SEC-5)", () => {
  it("is 202 with a job id and a Russian message; the worker builds it; the owner's file has the inline build's totals", async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", muniA);
    await signInAsAuthority(spec.id);
    vi.stubEnv("REPORTS_INLINE_MAX", "0");
    const queued = await download(`${QUERY}&format=xlsx`);
    expect(queued.status).toBe(202);
    const body = (await queued.json()) as { ok: boolean; queued: boolean; message: string; data: { id: number } };
    expect(body).toMatchObject({ ok: true, queued: true });
    expect(body.message).toMatch(/очередь.*«Мои отчёты»/);
    const id = body.data.id;
    expect(queued.headers.get("location")).toBe(`/api/region/report/jobs/${id}`);
    expect(inlineRunning()).toBe(0);
    const waiting = (await (await job(id)).json()) as { data: { status: string; report: string; format: string } };
    expect(waiting.data).toMatchObject({ status: "QUEUED", report: "contingent", format: "xlsx" });
    // Not ready yet: the download is «gone» (410), not an empty file.
    expect((await job(id, "?download=1")).status).toBe(410);

    await runUntil(id);
    const done = (await (await job(id)).json()) as { data: { status: string; progress: number; fileName: string } };
    expect(done.data).toMatchObject({ status: "DONE", progress: 100 });
    expect(done.data.fileName).toMatch(/\.xlsx$/);
    const file = await job(id, "?download=1");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("spreadsheetml");
    const fromJob = await totalsRow(await file.arrayBuffer());

    // The same request built inline (a slot free again) has the same totals.
    vi.stubEnv("REPORTS_INLINE_MAX", "2");
    const inline = await download(`${QUERY}&format=xlsx`);
    expect(inline.status).toBe(200);
    const fromInline = await totalsRow(await inline.arrayBuffer());
    expect(fromJob).toEqual(fromInline);
    // Both schools' pupils are in the total (5 + 3 of 7А, each fixture's other pupils too): not an empty report.
    expect(fromJob.some((c) => Number(c) >= 8)).toBe(true);
  }, 120_000);

  it("a queued PDF is built as a PDF with the territory's total", async () => {
    const { id } = await queueAs("MUNICIPAL_HEAD", muniA, `${QUERY}&format=pdf`);
    await runUntil(id);
    const file = await job(id, "?download=1");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain("Итого по территории");
  }, 120_000);

  it("a plain form GET (no script) is sent to the reports page with its job (303)", async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", muniA);
    await signInAsAuthority(spec.id);
    vi.stubEnv("REPORTS_INLINE_MAX", "0");
    const res = await download(`${QUERY}&format=pdf`, { accept: "text/html,application/xhtml+xml" });
    expect(res.status).toBe(303);
    const id = Number(/job=(\d+)$/.exec(res.headers.get("location") ?? "")?.[1]);
    expect(res.headers.get("location")).toBe(`/region/reports?job=${id}`);
    expect(((await (await job(id)).json()) as { data: { status: string } }).data.status).toBe("QUEUED");
    await db.authorityReportJob.delete({ where: { id } });
  });

  it("«В фоне» (POST) queues even while a slot is free; the list shows only the account's own jobs", async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", muniA);
    const colleague = await account("MUNICIPAL_SPECIALIST", muniA);
    vi.stubEnv("REPORTS_INLINE_MAX", "2");
    await signInAsAuthority(colleague.id);
    const theirs = (
      (await (await order({ kind: "fill", from: "2026-11-01", to: "2026-11-20", format: "pdf" })).json()) as {
        data: { id: number };
      }
    ).data.id;
    await signInAsAuthority(spec.id);
    const res = await order({ kind: "progress", from: "2026-09-01", to: "2026-11-20", format: "xlsx", report: "x" });
    expect(res.status).toBe(202);
    const mine = ((await res.json()) as { data: { id: number } }).data.id;
    const list = (await (await listRoute()).json()) as { data: { id: number; report: string; status: string }[] };
    expect(list.data.map((j) => j.id)).toEqual([mine]);
    expect(list.data[0]).toMatchObject({ report: "progress", status: "QUEUED" });
    // Bad input: 400 with a Russian message, nothing queued.
    const before = await db.authorityReportJob.count();
    for (const bad of ["{", "[]", { kind: "salary", from: "2026-09-01", to: "2026-11-20", format: "pdf" }]) {
      const refused = await order(bad);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toMatch(/[а-яё]/i);
    }
    expect(await db.authorityReportJob.count()).toBe(before);
    await db.authorityReportJob.deleteMany({ where: { id: { in: [mine, theirs] } } });
  });
});

describe("only the owner sees and downloads its job (REG-1 × REG-2)", () => {
  it("another account of the same or another territory gets 404, the admin and an organisation user 403, anonymous 401", async () => {
    const { spec: owner, id } = await queueAs("MUNICIPAL_SPECIALIST", muniA, `${QUERY}&format=xlsx`);
    await runUntil(id);
    expect((await job(id, "?download=1")).status).toBe(200);

    for (const other of [
      await account("MUNICIPAL_SPECIALIST", muniA),
      await account("MUNICIPAL_HEAD", muniA),
      await account("MUNICIPAL_SPECIALIST", muniB),
      await account("REGIONAL_HEAD", null),
    ]) {
      await signInAsAuthority(other.id);
      for (const q of ["", "?download=1"]) {
        const res = await job(id, q);
        expect(res.status, `${other.role} ${q}`).toBe(404);
        expect(((await res.json()) as { message: string }).message).toBe("Задание не найдено");
      }
      expect(((await (await listRoute()).json()) as { data: unknown[] }).data).toEqual([]);
    }
    await signInAsAuthority((await account("REGIONAL_ADMIN", null)).id);
    expect((await job(id, "?download=1")).status).toBe(403);
    expect((await order({ kind: "progress", from: "2026-09-01", to: "2026-11-20", format: "pdf" })).status).toBe(403);
    await signInAs(a.organisationId, a.users.deputy);
    expect((await job(id, "?download=1")).status).toBe(403);
    expect((await listRoute()).status).toBe(403);
    const request = { kind: "progress", from: "2026-09-01", to: "2026-11-20", format: "pdf" };
    expect((await order(request)).status).toBe(403);
    signOut();
    expect((await job(id, "?download=1")).status).toBe(401);
    expect((await listRoute()).status).toBe(401);
    expect((await order(request)).status).toBe(401);
    // Bad ids: 400 in Russian.
    await signInAsAuthority(owner.id);
    for (const bad of ["abc", "-1", "0", "99999999999"]) expect((await job(bad)).status).toBe(400);

    // The owner moved to another municipality no longer sees the old territory's file.
    await db.authorityUser.update({ where: { id: owner.id }, data: { municipalityId: muniB } });
    expect((await job(id, "?download=1")).status).toBe(404);
    await db.authorityUser.update({ where: { id: owner.id }, data: { municipalityId: muniA } });
    expect((await job(id, "?download=1")).status).toBe(200);
  }, 120_000);
});

describe("the account's queue and the worker's failures", () => {
  it(`caps the account's waiting jobs at ${MAX_PENDING_JOBS} with a Russian 429; the same request again is the same job`, async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", muniA);
    await signInAsAuthority(spec.id);
    vi.stubEnv("REPORTS_INLINE_MAX", "0");
    const ids: number[] = [];
    for (let d = 1; d <= MAX_PENDING_JOBS; d++) {
      const res = await download(`kind=attendance&from=2026-09-0${d}&to=2026-11-20&format=pdf`);
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { data: { id: number } }).data.id);
    }
    const again = await download("kind=attendance&from=2026-09-01&to=2026-11-20&format=pdf");
    expect(again.status).toBe(202);
    expect(((await again.json()) as { data: { id: number } }).data.id).toBe(ids[0]);
    for (const res of [
      await download("kind=attendance&from=2026-09-09&to=2026-11-20&format=pdf"),
      await order({ kind: "fill", from: "2026-09-01", to: "2026-11-20", format: "xlsx" }),
    ]) {
      expect(res.status).toBe(429);
      expect(((await res.json()) as { message: string }).message).toBe(
        `Уже формируются ${MAX_PENDING_JOBS} ваших отчётов — дождитесь их готовности`,
      );
    }
    expect(await db.authorityReportJob.count({ where: { authorityUserId: spec.id } })).toBe(MAX_PENDING_JOBS);
    // Another account is not held by this one's queue.
    await signInAsAuthority((await account("MUNICIPAL_SPECIALIST", muniA)).id);
    const other = await download("kind=attendance&from=2026-09-09&to=2026-11-20&format=pdf");
    expect(other.status).toBe(202);
    const otherId = ((await other.json()) as { data: { id: number } }).data.id;
    await db.authorityReportJob.deleteMany({ where: { id: { in: [...ids, otherId] } } });
  });

  it("a failed build shows the error status; a blocked account's job is not built", async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", muniA);
    await signInAsAuthority(spec.id);
    // A row whose request no longer parses (e.g. a kind removed since) fails in the worker.
    const broken = await db.authorityReportJob.create({
      data: {
        authorityUserId: spec.id,
        regionId,
        municipalityId: muniA,
        report: "salary",
        format: "pdf",
        params: { kind: "salary", from: "2026-09-01", to: "2026-11-20", format: "pdf" },
      },
    });
    await runUntil(broken.id);
    const status = (await (await job(broken.id)).json()) as { data: { status: string; error: string } };
    expect(status.data).toEqual(expect.objectContaining({ status: "FAILED", error: worker.BUILD_FAILED_MESSAGE }));
    expect((await job(broken.id, "?download=1")).status).toBe(410);

    vi.stubEnv("REPORTS_INLINE_MAX", "0");
    const id = ((await (await download(`${QUERY}&format=pdf`)).json()) as { data: { id: number } }).data.id;
    await db.authorityUser.update({ where: { id: spec.id }, data: { isActive: false } });
    await runUntil(id);
    const row = await db.authorityReportJob.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", error: worker.ACCOUNT_CHANGED_MESSAGE, bytes: null });
  }, 120_000);

  it("the worker's queue drains territory jobs; files past their keeping time and old failures are purged", async () => {
    const { spec, id } = await queueAs("REGIONAL_SPECIALIST", null, `${QUERY}&format=xlsx`);
    // Through the queue the report worker is handed (instrumentation.ts, prisma/tools/worker.ts).
    for (
      let i = 0;
      i < 20 && (await db.authorityReportJob.findUniqueOrThrow({ where: { id } })).status === "QUEUED";
      i++
    )
      await worker.territoryJobQueue.step();
    expect((await db.authorityReportJob.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");
    const failed = await db.authorityReportJob.create({
      data: {
        authorityUserId: spec.id,
        regionId,
        report: "progress",
        format: "pdf",
        params: {},
        status: "FAILED",
        error: worker.BUILD_FAILED_MESSAGE,
        finishedAt: new Date(NOW.getTime() - 2 * HOUR),
      },
    });
    // Within the keeping time: both stay.
    await worker.purgeTerritoryJobs(new Date(NOW.getTime() + HOUR));
    expect(await db.authorityReportJob.count({ where: { id: { in: [id, failed.id] } } })).toBe(2);
    // Later: the file reads as expired (410), then the rows go (the session is kept open for the check).
    await db.authoritySession.updateMany({
      where: { authorityUserId: spec.id },
      data: { expiresAt: new Date(NOW.getTime() + 48 * HOUR) },
    });
    vi.setSystemTime(new Date(NOW.getTime() + (KEEP_HOURS + 1) * HOUR));
    try {
      expect(((await (await job(id)).json()) as { data: { status: string } }).data.status).toBe("EXPIRED");
      expect((await job(id, "?download=1")).status).toBe(410);
      expect(await worker.purgeTerritoryJobs(new Date())).toBeGreaterThanOrEqual(2);
    } finally {
      vi.setSystemTime(NOW);
    }
    expect(await db.authorityReportJob.count({ where: { id: { in: [id, failed.id] } } })).toBe(0);
  }, 120_000);
});

describe("one account's territory requests take turns (SEC-5)", () => {
  it(`answers them ${USER_HEAVY_TURNS} at a time: a further one waits for a turn`, async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", muniA);
    await signInAsAuthority(spec.id);
    const key = `authority:${spec.id}`;
    const held = await Promise.all(Array.from({ length: USER_HEAVY_TURNS }, () => takeUserTurn(key)));
    try {
      let settled = false;
      const waiting = download(`${QUERY}&format=xlsx`).then((r) => {
        settled = true;
        return r;
      });
      await vi.waitFor(() => expect(userTurns(key).waiting).toBe(1));
      expect(settled).toBe(false);
      held.pop()!();
      const res = await waiting;
      expect(res.status).toBe(200);
    } finally {
      held.forEach((give) => give());
    }
    expect(userTurns(key)).toEqual({ running: 0, waiting: 0 });
  }, 120_000);
});

describe("an identical territory request with nothing of its organisations written since (REG-2, SEC-5)", () => {
  it("gets the kept file without a build; after a write it is built anew", async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", muniA);
    await signInAsAuthority(spec.id);
    const query = "kind=attendance&from=2026-09-01&to=2026-11-20&format=xlsx";
    const first = await download(query);
    expect(first.status).toBe(200);
    const bytes = Buffer.from(await first.arrayBuffer());
    const reused = reusedFiles();
    const again = await download(query);
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
    expect(reusedFiles()).toBe(reused + 1);
    // Writes outside the territory's organisations' report data (issue 22, round 20): a school of
    // another municipality saving, an account's name — the kept file is still given.
    const outsider = await createJournalFixture({ students: 1, lessons: 1 });
    await db.lesson.updateMany({ where: { organisationId: outsider.organisationId }, data: { topic: "Чужая школа" } });
    await db.authorityUser.update({ where: { id: spec.id }, data: { firstName: "Нинель" } });
    const kept = await download(query);
    expect(kept.status).toBe(200);
    expect(Buffer.from(await kept.arrayBuffer()).equals(bytes)).toBe(true);
    expect(reusedFiles()).toBe(reused + 2);
    // The territory renamed (its name heads the file, REG-2): built anew — before, the kept file with the
    // old name was given for up to its 10 minutes (no organisation's report data changes with a rename).
    const { name } = await db.municipality.findUniqueOrThrow({ where: { id: muniA }, select: { name: true } });
    await db.municipality.update({ where: { id: muniA }, data: { name: `${name} (новое имя)` } });
    try {
      const renamed = await download(query);
      expect(renamed.status).toBe(200);
      expect(reusedFiles()).toBe(reused + 2);
      expect(Buffer.from(await renamed.arrayBuffer()).equals(bytes)).toBe(false);
    } finally {
      await db.municipality.update({ where: { id: muniA }, data: { name } });
    }
    // A member's write that finished since the kept build began (the second school's lesson topic): built anew.
    await db.lesson.updateMany({ where: { organisationId: b.organisationId }, data: { topic: "Своя школа" } });
    const fresh = await download(query);
    expect(fresh.status).toBe(200);
    expect(reusedFiles()).toBe(reused + 2);
  }, 120_000);
});
