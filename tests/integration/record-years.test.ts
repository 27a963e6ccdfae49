// Issue 16 items 4–6 on the demo school (seeded on a fixed day) against PostgreSQL: the closed
// year 2025/2026 stays readable — a teacher's own classes by that year's load and class-teacher
// relation, read-only for everyone; a family's past year in the diary; reports of the year (REC-3,
// ARC-2). The council's decisions with protocol, refused in a closed year, «выбыл» recorded once in
// the movement book, taken by the year transition (REC-4). The year's archive holds the full-year
// summary sheet with the decisions and protocol; each document carries its retention; the register
// lists it; ADMIN's act destroys what is past retention (moved clock) and verification still passes
// for the rest (REC-5).
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { loadGridPage, loadJournalChoices } from "@/lib/journal/loaders";
import { loadFinalsPage } from "@/lib/finals/loaders";
import { studentMarksView } from "@/lib/diary/marks/loaders";
import { diaryWeek } from "@/lib/diary/data";
import { buildModel } from "@/lib/reports/build";
import { loadReportForm } from "@/lib/reports/loaders";
import { buildArchive } from "@/lib/archive/build";
import { archiveSet, registerRows } from "@/lib/archive/data";
import { disposeDocuments } from "@/lib/archive/disposal";
import { loadRegisterPage } from "@/lib/archive/loaders";
import { verifyArchive } from "@/lib/archive/verify";
import { getFile } from "@/lib/storage/files";
import { disposeAction, saveRetentionAction } from "@/lib/archive/actions";
import { saveDecisionsAction } from "@/lib/org/decisions/actions";
import { planTransition } from "@/lib/org/year/transition";
import { GET as reportRoute } from "@/app/api/reports/[report]/route";
import { GET as registerRoute } from "@/app/api/archive/register/route";
import { GET as fileRoute } from "@/app/api/archive/file/route";
import { DEMO_ORG_NAMES, seedDemo } from "../../prisma/seed/index";
import { signInAs } from "../support/session-harness";
import { sessionUser } from "../support/session-user";
import { changedTables, dbDigest } from "../support/db-digest";
import { auditCount, lastAudit } from "../support/audit";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const run = promisify(execFile);
const TODAY = new Date("2026-11-23T12:00:00+04:00");
const NOW = new Date("2026-11-23T09:00:00Z");
const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

let filesDir: string;
let org: number;
let pastYear: number;
let currentYear: number;
let c6a: number;
let c7a: number;
let math: number;
let rus: number;
let student: number;
const users = new Map<string, number>();

function userOf(login: string): CurrentUser {
  return sessionUser(users.get(login)!, org, {
    login,
    fullName: login,
    shortName: login,
    orgName: DEMO_ORG_NAMES.school,
  });
}

async function sheetText(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ""))));
  return cells.join(" | ");
}

const form = (fields: Record<string, string | number>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, String(v));
  return fd;
};

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "ej-record-"));
  process.env.FILES_DIR = filesDir;
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  org = (await db.organisation.findFirstOrThrow({ where: { name: DEMO_ORG_NAMES.school } })).id;
  for (const u of await db.user.findMany({ where: { organisationId: org }, select: { id: true, login: true } }))
    users.set(u.login, u.id);
  const years = await db.academicYear.findMany({ where: { organisationId: org }, orderBy: { startDate: "asc" } });
  [pastYear, currentYear] = years.map((y) => y.id);
  c6a = (await db.classGroup.findFirstOrThrow({ where: { organisationId: org, yearId: pastYear, name: "6А" } })).id;
  c7a = (await db.classGroup.findFirstOrThrow({ where: { organisationId: org, yearId: currentYear, name: "7А" } })).id;
  math = (await db.subject.findFirstOrThrow({ where: { organisationId: org, name: "Математика" } })).id;
  rus = (await db.subject.findFirstOrThrow({ where: { organisationId: org, name: "Русский язык" } })).id;
  student = (await db.student.findFirstOrThrow({ where: { organisationId: org, user: { login: "student" } } })).id;
}, 240_000);

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

/** A teacher who neither taught nor led 6А last year. */
async function outsider(): Promise<string> {
  const row = await db.user.findFirstOrThrow({
    where: {
      organisationId: org,
      roles: { some: { role: "TEACHER" } },
      loads: { some: { yearId: currentYear }, none: { classId: c6a } },
      classTeacherOf: { none: { classId: c6a } },
    },
    select: { login: true },
  });
  return row.login;
}

describe("closed years stay readable (REC-3, ARC-2)", () => {
  it("a teacher opens her class of the closed year read-only: 6А mathematics by that year's load", async () => {
    const teacher = userOf("teacher");
    expect((await loadJournalChoices(teacher)).some((c) => c.classId === c6a)).toBe(false);
    const past = await loadJournalChoices(teacher, pastYear);
    expect(past.some((c) => c.classId === c6a && c.subjectId === math)).toBe(true);
    const page = await loadGridPage(teacher, { classId: c6a, subjectId: math });
    if (page.kind !== "grid") throw new Error(page.kind);
    expect(page.head.yearClosed).toBe(true);
    expect(page.canEdit).toBe(false);
    expect(page.canRequestUnlock).toBe(false);
    // the default period of a past year is its last quarter, not running on to today
    expect(page.period?.name).toBe("4 четверть");
    expect(page.view.lessons.length).toBeGreaterThan(20);
    expect(page.view.lessons.every((l) => new Date(l.date) <= d("2026-05-31"))).toBe(true);
  });

  it("as the closed year's class teacher she reads 6А's other subjects; a teacher who had no part in 6А does not", async () => {
    const page = await loadGridPage(userOf("teacher"), { classId: c6a, subjectId: rus });
    expect(page.kind === "grid" && !page.canEdit).toBe(true);
    expect((await loadGridPage(userOf(await outsider()), { classId: c6a, subjectId: math })).kind).toBe("forbidden");
  });

  it("is read-only for ADMIN and DEPUTY too — journal and finals", async () => {
    const admin = await loadGridPage(userOf("admin"), { classId: c6a, subjectId: math });
    expect(admin.kind === "grid" && admin.canEdit).toBe(false);
    for (const login of ["admin", "zavuch", "teacher"]) {
      const sheet = await loadFinalsPage(userOf(login), { classId: c6a, subjectId: math });
      if (sheet.kind !== "sheet") throw new Error(`${login}: ${sheet.kind}`);
      expect(sheet.rights, login).toMatchObject({ view: true, editAll: false, editOwn: false });
      expect(sheet.rows.every((r) => !r.canEdit)).toBe(true);
      expect(sheet.rows.some((r) => r.cells.some((c) => c.kind === "YEAR" && c.label !== ""))).toBe(true);
    }
  });

  it("a family sees the child's previous year in the diary: marks, finals and absences", async () => {
    const view = await studentMarksView(org, student, d("2026-11-23"), null, pastYear);
    expect(view.years.map((y) => [y.name, y.status])).toEqual([
      ["2026/2027", "OPEN"],
      ["2025/2026", "CLOSED"],
    ]);
    expect(view).toMatchObject({ className: "6А", yearClosed: true, yearId: pastYear });
    expect(view.periods.map((p) => p.name)).toEqual(["1 четверть", "2 четверть", "3 четверть", "4 четверть"]);
    expect(view.period?.name).toBe("4 четверть");
    const mathView = view.subjects.find((s) => s.subjectName === "Математика")!;
    expect(mathView.marks.length).toBeGreaterThan(0);
    expect(mathView.periodFinal).not.toBeNull();
    expect(mathView.otherFinals.find((f) => f.label === "Год")?.value).toMatch(/^[2-5]$/);
    // a period of that year chosen alone opens that year
    const q2 = view.periods[1];
    expect((await studentMarksView(org, student, d("2026-11-23"), q2.id)).className).toBe("6А");
    // the current year stays the default
    expect((await studentMarksView(org, student, d("2026-11-23"), null)).className).toBe("7А");
    // a week of that year shows its lessons, marks and absences
    const week = await diaryWeek(org, student, d("2026-02-02"));
    expect(week.lessons.length).toBeGreaterThan(10);
    expect(week.lessons.some((l) => l.marks.length > 0)).toBe(true);
  });

  it("reports take the closed year: the teacher's summary of 6А for the year through the same gate", async () => {
    const form = await loadReportForm(userOf("teacher"), ["own", "class"], "reports.class", pastYear);
    expect(form.classes.map((c) => c.name)).toContain("6А");
    await signInAs(org, users.get("teacher")!);
    const ok = await reportRoute(new Request(`http://localhost/api/reports/summary?classId=${c6a}&format=xlsx`), {
      params: Promise.resolve({ report: "summary" }),
    });
    expect(ok.status).toBe(200);
    const text = await sheetText(Buffer.from(await ok.arrayBuffer()));
    expect(text).toContain("переведён в 7 класс");
    expect(text).toContain("Кравцов Илья Андреевич");
    expect(text).toContain("выбыл 16.03.2026");
    expect(text).toContain("Решение педсовета: протокол № 9 от 27.05.2026.");
    await signInAs(org, users.get(await outsider())!);
    const denied = await reportRoute(new Request(`http://localhost/api/reports/summary?classId=${c6a}&format=xlsx`), {
      params: Promise.resolve({ report: "summary" }),
    });
    expect(denied.status).toBe(403);
  });
});

describe("the pedagogical council's decisions (REC-4)", () => {
  it("are refused in a closed year, with nothing written (REC-2)", async () => {
    await signInAs(org, users.get("zavuch")!);
    const before = await dbDigest();
    const pupil = (await db.classMembership.findFirstOrThrow({ where: { organisationId: org, classId: c6a } }))
      .studentId;
    const r = await saveDecisionsAction(
      null,
      form({
        yearId: pastYear,
        classId: c6a,
        protocolNumber: "12",
        protocolDate: "2026-08-28",
        [`decision_${pupil}`]: "REPEAT",
      }),
    );
    expect(r).toMatchObject({
      ok: false,
      code: "LOCKED",
      message: "Учебный год закрыт: решения педсовета не изменяются",
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("records a batch under its protocol; «выбыл» goes into the movement book once; the transition takes them", async () => {
    const roll = await db.classMembership.findMany({
      where: { organisationId: org, classId: c7a, endDate: null, studentId: { not: student } },
      orderBy: { studentId: "asc" },
      take: 2,
    });
    const [stays, leaves] = roll.map((m) => m.studentId);
    await signInAs(org, users.get("teacher")!);
    const batch = {
      yearId: currentYear,
      classId: c7a,
      protocolNumber: "3",
      protocolDate: "2026-11-20",
      orderNumber: "140-у",
      orderDate: "2026-11-21",
      [`decision_${stays}`]: "CONDITIONAL",
      [`decision_${leaves}`]: "LEFT",
      [`date_${leaves}`]: "2026-11-25",
    };
    expect(await saveDecisionsAction(null, form(batch))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await signInAs(org, users.get("secretary")!);
    expect(await saveDecisionsAction(null, form(batch))).toEqual({ ok: true, data: { written: 2 } });
    // The batch is audited on the class (AUTH-5) with its protocol and each pupil's decision.
    expect(await lastAudit(org, "decisions.saved")).toMatchObject({
      userId: users.get("secretary"),
      entity: "ClassGroup",
      entityId: String(c7a),
      details: { yearId: currentYear, protocolNumber: "3", protocolDate: "2026-11-20" },
    });
    expect((await lastAudit(org, "decisions.saved")).details).toMatchObject({
      decisions: expect.arrayContaining([
        { studentId: stays, decision: "CONDITIONAL" },
        { studentId: leaves, decision: "LEFT" },
      ]),
    });
    const audited = await auditCount(org, "decisions.saved");
    const rows = await db.yearDecision.findMany({
      where: { organisationId: org, yearId: currentYear },
      orderBy: { studentId: "asc" },
    });
    expect(rows.map((r) => [r.studentId, r.decision, r.toGrade, r.protocolNumber])).toEqual([
      [stays, "CONDITIONAL", 8, "3"],
      [leaves, "LEFT", null, "3"],
    ]);
    const expulsions = () =>
      db.movement.findMany({ where: { organisationId: org, studentId: leaves, kind: "EXPULSION" } });
    expect((await expulsions()).map((m) => [m.date, m.orderNumber, m.fromClassId])).toEqual([
      [d("2026-11-25"), "140-у", c7a],
    ]);
    expect(rows[1].movementId).toBe((await expulsions())[0].id);
    expect(
      (await db.classMembership.findFirstOrThrow({ where: { organisationId: org, classId: c7a, studentId: leaves } }))
        .endDate,
    ).toEqual(d("2026-11-24"));
    // the same batch again under another protocol: nothing changed, nothing written, no second expulsion
    await signInAs(org, users.get("zavuch")!);
    expect(await saveDecisionsAction(null, form({ ...batch, protocolNumber: "4" }))).toEqual({
      ok: true,
      data: { written: 0 },
    });
    expect(await expulsions()).toHaveLength(1);
    expect(await auditCount(org, "decisions.saved")).toBe(audited);
    // another decision for the pupil who left is refused
    expect(
      await saveDecisionsAction(
        null,
        form({ ...batch, [`decision_${leaves}`]: "PROMOTED", [`decision_${stays}`]: "" }),
      ),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });

    const plan = await planTransition(org, {
      orderNumber: "150-у",
      orderDate: d("2027-05-28"),
      graduating: null,
      exceptions: new Map(),
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.preview.council).toBe(1);
    expect(plan.commit.students.find((s) => s.studentId === stays)?.decision).toBe("CONDITIONAL");
    expect(plan.commit.students.some((s) => s.studentId === leaves)).toBe(false);
    const contradicting = await planTransition(org, {
      orderNumber: "150-у",
      orderDate: d("2027-05-28"),
      graduating: null,
      exceptions: new Map([[stays, "REPEAT" as const]]),
    });
    expect(contradicting.ok).toBe(false);
  });
});

describe("the year's archive, its register and retention (REC-4, REC-5, ARC-1)", () => {
  let setId = 0;

  it("holds the full-year summary sheet (PRN-5) with the council's decisions and protocol, each document with its retention", async () => {
    // the organisation keeps its data exports 7 years instead of 5 (a setting per document kind, ADMIN's)
    await signInAs(org, users.get("admin")!);
    const years = { "summary-year": 25, summary: 25, journal: 5, export: 7 };
    expect(await saveRetentionAction(null, form({ ...years, export: 0 }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await saveRetentionAction(null, form(years))).toMatchObject({ ok: true });
    expect(await lastAudit(org, "archive.retention")).toMatchObject({
      userId: users.get("admin"),
      entity: "ArchiveRetention",
      details: years,
    });
    const built = await buildArchive(org, pastYear, users.get("admin")!, NOW);
    if (!built.ok) throw new Error(built.message);
    setId = built.setId;
    const stored = (await archiveSet(org, setId))!;
    expect(stored.manifest.format).toBe("ejournal-archive/2");
    const year = stored.manifest.files.find((f) => f.name === "6а/svodnaya-vedomost-god.pdf")!;
    expect(year).toMatchObject({ kind: "summary-year", retentionYears: 25, retentionEnd: "2051-12-31" });
    expect(stored.manifest.files.find((f) => f.name === "6а/zhurnal.pdf")).toMatchObject({
      kind: "journal",
      retentionYears: 5,
      retentionEnd: "2031-12-31",
    });
    expect(stored.manifest.files.find((f) => f.name === "2б/svodnaya-vedomost-god.pdf")).toBeDefined();
    expect(stored.manifest.files.find((f) => f.name === "6а/dannye.json")).toMatchObject({
      kind: "export",
      retentionYears: 7,
      retentionEnd: "2033-12-31",
    });
    const pdf = await getDocumentProxy(new Uint8Array((await getFile(year.storageKey))!));
    const text = ((await extractText(pdf, { mergePages: true })).text as string).replace(/\s+/g, " ");
    expect(text).toContain("Решение педсовета");
    expect(text).toContain("протокол № 9 от 27.05.2026");
    expect(text).toContain("выбыл 16.03.2026");
    const model = await buildModel(org, { report: "summary", format: "pdf", classId: c6a }, NOW);
    expect(model?.rows.filter((r) => String(r.at(-1)).startsWith("переведён в 7 класс")).length).toBeGreaterThan(20);
    // PRN-5: every subject has a column per period and the year's mark (exam and итоговая only where set).
    const leaves = (model?.header ?? []).map((h) => (h.children ?? []).map((c) => c.label));
    const subjects = leaves.filter((l) => l.includes("год"));
    expect(subjects.length).toBeGreaterThan(3);
    for (const l of subjects) expect(l.slice(0, l.indexOf("год")).length).toBeGreaterThanOrEqual(2);
    // the register has a row per document with its digest and retention end
    const register = await registerRows(org, { yearId: pastYear });
    expect(register).toHaveLength(stored.manifest.files.length);
    expect(register.find((r) => r.name === year.name)).toMatchObject({ sha256: year.sha256, className: "6А" });
  }, 300_000);

  it("lists retention ends in the register and its XLSX", async () => {
    await signInAs(org, users.get("zavuch")!);
    const res = await registerRoute(new Request(`http://localhost/api/archive/register?year=${pastYear}`));
    expect(res.status).toBe(200);
    const text = await sheetText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("Реестр архивных документов");
    expect(text).toContain("31.12.2031");
    expect(text).toContain("31.12.2051");
    expect(text).toContain("6а/svodnaya-vedomost-god.pdf");
  });

  it("destroys by ADMIN's act only what is past retention (moved clock); archive:verify passes for the rest", async () => {
    const admin = { ...userOf("admin"), fullName: "Морозов Андрей Игоревич" };
    const journals = (await registerRows(org, { yearId: pastYear })).filter((r) => r.kind === "journal");
    // in the year of the archive nothing is past retention
    expect(
      await disposeDocuments(admin, { documentIds: journals.map((j) => j.id), basis: null }, d("2026-11-23"), NOW),
    ).toMatchObject({ ok: false });

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2032-01-12T08:00:00Z"));
    const page = await loadRegisterPage(admin);
    // the printed journals (5 years) are past retention; the exports (7 years) and summary sheets (25) are not
    expect(page.expired.map((r) => `${r.kind} ${r.className}`).sort()).toEqual(["journal 2Б", "journal 6А"]);
    // DIRECTOR reads no archive and confirms no act (signed in only now: a session of the moved clock)
    await signInAs(org, users.get("director")!);
    const pick = form({ confirm: "1" });
    for (const j of journals) pick.append("documentId", String(j.id));
    expect(await disposeAction(null, pick)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // ADMIN's session of the real clock would have ended by 2032
    await db.userSession.updateMany({ where: { organisationId: org }, data: { expiresAt: new Date("2040-01-01") } });
    await signInAs(org, users.get("admin")!);
    const unconfirmed = form({});
    for (const j of journals) unconfirmed.append("documentId", String(j.id));
    expect(await disposeAction(null, unconfirmed)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await disposeAction(null, pick)).toEqual({
      ok: true,
      data: { message: "Акт № 1 от 12.01.2032 утверждён: уничтожено документов 2" },
    });
    for (const j of journals) expect(await getFile(j.storageKey)).toBeNull();
    const after = await registerRows(org, { yearId: pastYear });
    for (const j of journals)
      expect(after.find((r) => r.id === j.id)).toMatchObject({ sha256: j.sha256, act: { number: 1 } });
    const act = await db.archiveDisposalAct.findFirstOrThrow({ where: { organisationId: org } });
    // The act is audited (AUTH-5): its number, how many documents, the act file's digest.
    expect(await lastAudit(org, "archive.dispose")).toMatchObject({
      userId: users.get("admin"),
      entity: "ArchiveDisposalAct",
      entityId: String(act.id),
      details: { number: 1, documents: 2, actSha256: act.sha256 },
    });
    const actPdf = await getDocumentProxy(new Uint8Array((await getFile(act.storageKey))!));
    const actText = ((await extractText(actPdf, { mergePages: true })).text as string).replace(/\s+/g, " ");
    expect(actText).toContain("Акт о выделении к уничтожению");
    expect(actText).toContain("6а/zhurnal.pdf");
    expect(actText).toContain(journals[0].sha256.slice(0, 20));
    // a destroyed document says so instead of downloading
    const index = (await archiveSet(org, setId))!.manifest.files.findIndex((f) => f.name === "6а/zhurnal.pdf");
    const gone = await fileRoute(new Request(`http://localhost/api/archive/file?set=${setId}&file=${index}`));
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { message: string }).message).toBe("Документ уничтожен по акту № 1 от 12.01.2032");
    // the rest verifies, the destroyed files counted apart
    expect(await verifyArchive(org, setId)).toMatchObject({ problems: [], destroyed: 2 });
    vi.useRealTimers();
    const cli = await run("node_modules/.bin/tsx", ["prisma/tools/archive-verify.ts"], {
      env: { ...process.env, FILES_DIR: filesDir },
      timeout: 120_000,
    });
    expect(cli.stdout).toContain(`архив № ${setId} (2025/2026) цел`);
    expect(cli.stdout).toContain("уничтожено по акту 2");
    expect(cli.stdout).toContain("акты о выделении к уничтожению целы (1)");
  }, 180_000);
});
