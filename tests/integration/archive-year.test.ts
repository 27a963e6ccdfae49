// The year archive against a real PostgreSQL and a temporary FILES_DIR (ARC-1): summary sheets
// and the export per class with a manifest of SHA-256 digests; one changed byte or a removed
// file is named by the verification.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildArchive } from "@/lib/archive/build";
import { archiveSet } from "@/lib/archive/data";
import { verifyArchive } from "@/lib/archive/verify";
import { REPORTS } from "@/lib/reports/schema";
import { getFile } from "@/lib/storage/files";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { counted } from "../support/pg-queries";

let f: AccessFixture;
let filesDir: string;
let yearId: number;
const NOW = new Date("2026-11-23T09:00:00Z");

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "ej-archive-"));
  process.env.FILES_DIR = filesDir;
  f = await createAccessFixture();
  const org = f.organisationId;
  const year = await db.academicYear.findFirstOrThrow({ where: { organisationId: org } });
  yearId = year.id;
  const q1 = await db.period.create({
    data: {
      organisationId: org,
      yearId,
      kind: "QUARTER",
      number: 1,
      name: "1 четверть",
      startDate: new Date("2026-09-01"),
      endDate: new Date("2026-10-25"),
    },
  });
  await db.curriculumItem.create({
    data: { organisationId: org, classId: f.classA, subjectId: f.subject, hours: 170 },
  });
  await db.finalMark.create({
    data: {
      organisationId: org,
      studentId: f.studentA,
      classId: f.classA,
      subjectId: f.subject,
      kind: "PERIOD",
      periodId: q1.id,
      value: 5,
      setById: f.users.TEACHER,
    },
  });
  await db.lesson.update({
    where: { organisationId_id: { organisationId: org, id: f.lessonA } },
    data: { topic: "Натуральные числа" },
  });
}, 120_000);

afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

describe("year archive (ARC-1)", () => {
  let setId = 0;

  it("stores per class the summary sheet PDF and the export JSON, with a manifest of digests", async () => {
    const result = await buildArchive(f.organisationId, yearId, f.users.DEPUTY, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    setId = result.setId;
    const stored = (await archiveSet(f.organisationId, setId))!;
    const names = stored.manifest.files.map((e) => e.name);
    expect(names).toContain("5а/svodnaya-vedomost-1-четверть.pdf");
    expect(names).toContain("5а/dannye.json");
    expect(names).toContain("5б/dannye.json");
    if (!("journal" in REPORTS)) expect(stored.manifest.skipped.join(" ")).toContain("RPT-12");
    const pdf = (await getFile(stored.manifest.files.find((e) => e.name.endsWith(".pdf"))!.storageKey))!;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const exportA = JSON.parse(
      (await getFile(stored.manifest.files.find((e) => e.name === "5а/dannye.json")!.storageKey))!.toString("utf8"),
    );
    expect(exportA.class.name).toBe("5А");
    expect(exportA.students.map((s: { name: string }) => s.name)).toEqual(["Свой Ученик"]);
    expect(exportA.lessons[0].topic).toBe("Натуральные числа");
    expect(exportA.finals).toEqual([
      { studentId: f.studentA, subjectId: f.subject, kind: "PERIOD", period: "1 четверть", value: 5, special: null },
    ]);
    const audit = await db.auditEvent.findFirst({
      where: { organisationId: f.organisationId, action: "archive.build", entityId: String(setId) },
    });
    expect(audit).not.toBeNull();
    expect(await verifyArchive(f.organisationId, setId)).toMatchObject({ problems: [] });
    // The archive's PDFs are laid out on a thread at nice 19 (SEC-5, lib/reports/pdf-priority.mjs): beside
    // two busy cores it gets what they leave — 1.5 s quiet, over 30 s beside two `yes` (round 20).
  }, 120_000);

  it("names the file whose byte was changed and the file that was removed", async () => {
    const stored = (await archiveSet(f.organisationId, setId))!;
    const pdf = stored.manifest.files.find((e) => e.name.endsWith(".pdf"))!;
    const json = stored.manifest.files.find((e) => e.name === "5б/dannye.json")!;
    const pdfPath = path.join(filesDir, pdf.storageKey);
    const bytes = await readFile(pdfPath);
    bytes[100] = bytes[100] ^ 1;
    await writeFile(pdfPath, bytes);
    await rm(path.join(filesDir, json.storageKey));
    const report = (await verifyArchive(f.organisationId, setId))!;
    expect(report.problems).toEqual([
      { name: pdf.name, problem: "changed" },
      { name: json.name, problem: "missing" },
    ]);
  });

  it("refuses a year of another organisation", async () => {
    const result = await buildArchive(f.otherOrganisationId, yearId, null, NOW);
    expect(result).toEqual({ ok: false, message: "Учебный год не найден" });
    expect(await verifyArchive(f.otherOrganisationId, setId)).toBeNull();
  });

  // Issue 22 (round 20): the sheets' signature blocks (PRN-2) name the same director, deputy and heads of
  // department in every class's and every period's file — read once per archive, not once per file
  // (before: once per summary sheet and journal, 2 classes × (period + year + journal) here).
  it("reads the organisation's signatories once per archive, whatever the number of files", async () => {
    const { result, queries } = await counted(() => buildArchive(f.organisationId, yearId, f.users.DEPUTY, NOW));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const signed = (await archiveSet(f.organisationId, result.setId))!.manifest.files.filter((e) =>
      e.name.endsWith(".pdf"),
    );
    expect(signed.length).toBeGreaterThan(2);
    const directorReads = queries.filter((q) => q.text.includes('"Organisation"."director"'));
    // the DIRECTOR/DEPUTY staff read (the director's name when the card has none, the deputy's line)
    const staffReads = queries.filter((q) => JSON.stringify(q.values).includes(`"DIRECTOR"`));
    expect(directorReads).toHaveLength(1);
    expect(staffReads).toHaveLength(1);
  }, 120_000);
});
