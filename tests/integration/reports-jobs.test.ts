// Report jobs (RPT, background): order → the worker step builds and stores the file → the owner
// downloads it; another user of the same organisation gets nothing; two workers never take the
// same job; an expired file is gone and purged.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { seedDemo } from "@/prisma/seed/index";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { orderReportJob, reportJobFile, reportJobList, reportJobStatus } from "@/lib/reports/jobs/orders";
import { purgeExpired, runJobStep } from "@/lib/reports/jobs/worker";
import { sessionUser } from "../support/session-user";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
let zavuch: CurrentUser;
let director: CurrentUser;
let classId = 0;
let periodId = 0;

async function user(login: string, organisationId: number): Promise<CurrentUser> {
  const u = await db.user.findFirstOrThrow({ where: { organisationId, login } });
  return sessionUser(u.id, organisationId, { login, fullName: login, shortName: login });
}

beforeAll(async () => {
  process.env.FILES_DIR = await mkdtemp(path.join(os.tmpdir(), "ej-report-jobs-"));
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const cls = await db.classGroup.findFirstOrThrow({ where: { name: "7А", organisation: { kind: "SCHOOL" } } });
  classId = cls.id;
  periodId = (
    await db.period.findFirstOrThrow({ where: { organisationId: cls.organisationId, kind: "QUARTER", number: 1 } })
  ).id;
  zavuch = await user("zavuch", cls.organisationId);
  director = await user("director", cls.organisationId);
}, 180_000);

describe("report jobs", () => {
  it("runs an ordered whole-school report and lets only its owner download it", async () => {
    const id = (await orderReportJob(zavuch, { report: "progress", format: "xlsx", periodId }))!;
    expect((await reportJobStatus(zavuch, id))?.status).toBe("QUEUED");
    expect(await runJobStep(() => TODAY)).toBe(id);
    const status = (await reportJobStatus(zavuch, id, TODAY))!;
    expect(status).toMatchObject({ status: "DONE", progress: 100, report: "progress", format: "xlsx" });
    expect(status.fileName).toContain("Итоги успеваемости");
    const file = await reportJobFile(zavuch, id, TODAY);
    expect(file).not.toBeNull();
    expect(file).not.toBe("gone");
    if (file && file !== "gone") {
      expect(file.contentType).toContain("spreadsheetml");
      expect(file.bytes.subarray(0, 2).toString()).toBe("PK");
    }
    // Another user of the same organisation, even with reports.admin, sees no such job.
    expect(await reportJobStatus(director, id)).toBeNull();
    expect(await reportJobFile(director, id)).toBeNull();
    expect((await reportJobList(director)).map((j) => j.id)).not.toContain(id);
    expect((await reportJobList(zavuch)).map((j) => j.id)).toContain(id);
  });

  it("builds the printed journal of a class for the whole year as a job", async () => {
    const id = (await orderReportJob(zavuch, { report: "journal", format: "pdf", classId }))!;
    expect(await runJobStep(() => TODAY)).toBe(id);
    const file = await reportJobFile(zavuch, id, TODAY);
    if (!file || file === "gone")
      throw new Error(`job ${id} not done: ${JSON.stringify(await reportJobStatus(zavuch, id, TODAY))}`);
    const pdf = await getDocumentProxy(new Uint8Array(file.bytes));
    expect(pdf.numPages).toBeGreaterThan(20);
    const text = ((await extractText(pdf, { mergePages: true })).text as string).replace(/\s+/g, " ");
    expect(text).toContain("Классный журнал (печатная версия)");
    expect(text).toContain(`стр. ${pdf.numPages} из ${pdf.numPages}`);
    expect(text).toContain("содержание уроков");
  }, 240_000);

  it("gives a job to one worker only, marks a bad request failed, and purges expired files", async () => {
    const id = (await orderReportJob(zavuch, { report: "occupancy", format: "pdf", date: new Date("2026-11-20") }))!;
    const [a, b] = await Promise.all([runJobStep(() => TODAY), runJobStep(() => TODAY)]);
    expect([a, b].filter((x) => x === id)).toHaveLength(1);
    expect([a, b].filter((x) => x !== null && x !== id)).toHaveLength(0);

    const missing = (await orderReportJob(zavuch, { report: "summary", format: "pdf", classId: 2_000_000_000 }))!;
    await runJobStep(() => TODAY);
    expect(await reportJobStatus(zavuch, missing, TODAY)).toMatchObject({ status: "FAILED" });

    // The worker's clock says TODAY; a day and an hour later the file is gone.
    const later = new Date(TODAY.getTime() + 25 * 3600_000);
    expect((await reportJobStatus(zavuch, id, later))?.status).toBe("EXPIRED");
    expect(await reportJobFile(zavuch, id, later)).toBe("gone");
    // The failed job keeps no file; it stays as long as a file would (KEEP_HOURS), then goes too.
    await purgeExpired(new Date(TODAY.getTime() + 3600_000));
    expect(await reportJobStatus(zavuch, missing, TODAY)).toMatchObject({ status: "FAILED" });
    expect(await purgeExpired(later)).toBeGreaterThan(0);
    expect(await reportJobStatus(zavuch, id)).toBeNull();
    expect(await reportJobStatus(zavuch, missing)).toBeNull();
  });

  it("refuses a sixth waiting job of one user", async () => {
    const req = (day: number) => ({
      report: "occupancy" as const,
      format: "xlsx" as const,
      date: new Date(`2026-11-${10 + day}`),
    });
    for (let i = 0; i < 5; i++) expect(await orderReportJob(director, req(i))).not.toBeNull();
    expect(await orderReportJob(director, req(5))).toBeNull();
    // Another user's queue is their own.
    expect(await orderReportJob(zavuch, req(5))).not.toBeNull();
    while ((await runJobStep(() => TODAY)) !== null);
    expect(await orderReportJob(director, req(5))).not.toBeNull();
    while ((await runJobStep(() => TODAY)) !== null);
  });

  it("does not queue a user's identical report twice while the first waits or runs (SEC-5)", async () => {
    const req = { report: "progress" as const, format: "pdf" as const, periodId };
    const before = await db.reportJob.count({ where: { userId: director.id } });
    const first = (await orderReportJob(director, req))!;
    expect(await orderReportJob(director, req)).toBe(first);
    expect(await orderReportJob(director, { ...req, format: "xlsx" })).not.toBe(first); // another file
    expect(await orderReportJob(zavuch, req)).not.toBe(first); // another user's job is their own
    expect(await db.reportJob.count({ where: { userId: director.id } })).toBe(before + 2);
    while ((await runJobStep(() => TODAY)) !== null);
    // Done: asking again orders a new build (the data may have changed since).
    const again = (await orderReportJob(director, req))!;
    expect(again).not.toBe(first);
    while ((await runJobStep(() => TODAY)) !== null);
  }, 240_000);
});
