// Portfolios (LRN-5) through the real actions, pages and the PDF route: a parent's entry waits for
// the class teacher («не подтверждено» on the page and in the PDF) until confirmed; staff entries are
// confirmed at once; a teacher sees only what they added; a teacher's own portfolio prints too.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { addAchievementAction, addStaffAchievementAction, decideAchievementAction } from "@/lib/portfolio/actions";
import { studentPortfolioRights } from "@/lib/portfolio/access";
import { loadStudentPortfolio } from "@/lib/portfolio/loaders";
import * as studentPdf from "@/app/(app)/portfolio/[studentId]/pdf/route";
import * as staffPdf from "@/app/(app)/portfolio/staff/[userId]/pdf/route";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { signInAs } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: AccessFixture;

const form = (fields: Record<string, string>, file?: File) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append("file", file);
  return fd;
};

async function pdfText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const doc = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
  return (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, " ");
}

const studentPdfOf = (studentId: number) =>
  studentPdf.GET(new Request("http://localhost/x"), { params: Promise.resolve({ studentId: String(studentId) }) });

async function entries(column: keyof AccessFixture["users"]) {
  await signInAs(f.organisationId, f.users[column]);
  const user = (await getCurrentUser())!;
  const view = await loadStudentPortfolio(user, f.studentA, await studentPortfolioRights(user, f.studentA));
  return view!.entries.map((e) => [e.title, e.statusLabel]);
}

beforeAll(async () => {
  process.env.FILES_DIR = await mkdtemp(path.join(tmpdir(), "ej-portfolio-"));
  f = await createAccessFixture();
});

describe("a student's portfolio (LRN-5)", () => {
  it("a parent's entry is shown as unconfirmed — on the page and in the PDF — until the class teacher confirms it", async () => {
    await signInAs(f.organisationId, f.users.PARENT);
    const added = await addAchievementAction(
      null,
      form(
        {
          studentId: String(f.studentA),
          kind: "OLYMPIAD",
          level: "MUNICIPAL",
          title: "Олимпиада по математике",
          result: "призёр",
          subject: "математика",
          date: "2026-11-12",
        },
        new File(["jpeg"], "диплом.jpg", { type: "image/jpeg" }),
      ),
    );
    expect(added).toEqual({
      ok: true,
      data: { message: "Достижение добавлено и ждёт подтверждения классного руководителя" },
    });
    expect(await entries("PARENT")).toEqual([["Олимпиада по математике", "не подтверждено"]]);
    let text = await pdfText(await studentPdfOf(f.studentA));
    expect(text).toContain("Портфолио обучающегося");
    expect(text).toContain("Олимпиада по математике");
    expect(text).toContain("призёр");
    expect(text).toMatch(/не\s*подтверждено/);

    // Only the class teacher (or the administration) confirms; the parent cannot.
    const entry = await db.achievement.findFirstOrThrow({
      where: { organisationId: f.organisationId, studentId: f.studentA },
    });
    await signInAs(f.organisationId, f.users.PARENT);
    expect(
      await decideAchievementAction(null, form({ achievementId: String(entry.id), intent: "confirm" })),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    await signInAs(f.organisationId, f.users.CLASS_TEACHER);
    expect(await decideAchievementAction(null, form({ achievementId: String(entry.id), intent: "confirm" }))).toEqual({
      ok: true,
      data: { message: "Достижение подтверждено" },
    });
    expect(
      await decideAchievementAction(null, form({ achievementId: String(entry.id), intent: "reject" })),
    ).toMatchObject({
      code: "CONFLICT",
    });
    expect(await entries("PARENT")).toEqual([["Олимпиада по математике", "подтверждено"]]);
    await signInAs(f.organisationId, f.users.STUDENT);
    text = await pdfText(await studentPdfOf(f.studentA));
    expect(text).toMatch(/подтверждено \(CLASS_TEACHER Т\.,/);
    expect(text).not.toMatch(/не\s*подтверждено/);
    // A confirmed entry is no longer the family's to remove.
    await signInAs(f.organisationId, f.users.PARENT);
    expect(
      await decideAchievementAction(null, form({ achievementId: String(entry.id), intent: "delete" })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a teacher's entry for a pupil they teach is confirmed at once and is the only one they see", async () => {
    await signInAs(f.organisationId, f.users.TEACHER);
    expect(
      await addAchievementAction(
        null,
        form({
          studentId: String(f.studentA),
          kind: "COMPETITION",
          level: "SCHOOL",
          title: "Конкурс чтецов",
          date: "2026-10-01",
        }),
      ),
    ).toEqual({ ok: true, data: { message: "Достижение добавлено" } });
    expect(await entries("TEACHER")).toEqual([["Конкурс чтецов", "подтверждено"]]);
    // Not a pupil of theirs: class B.
    expect(
      await addAchievementAction(
        null,
        form({ studentId: String(f.studentB), kind: "SPORT", level: "SCHOOL", title: "Кросс", date: "2026-10-01" }),
      ),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // The teacher holds no portfolio.view: the PDF of the whole portfolio is not theirs.
    expect((await studentPdfOf(f.studentA)).status).toBe(403);
    // Another family cannot add or print.
    await signInAs(f.organisationId, f.users.PARENT);
    expect((await studentPdfOf(f.studentB)).status).toBe(403);
  });
});

describe("a teacher's portfolio (LRN-5)", () => {
  it("the teacher keeps it, the administration reads and prints it, a colleague cannot", async () => {
    await signInAs(f.organisationId, f.users.TEACHER);
    expect(
      await addStaffAchievementAction(
        null,
        form({
          userId: String(f.users.TEACHER),
          kind: "QUALIFICATION",
          title: "Высшая квалификационная категория",
          issuer: "Министерство образования Самарской области",
          date: "2025-04-15",
        }),
      ),
    ).toEqual({ ok: true, data: { message: "Запись добавлена" } });
    expect(
      await addStaffAchievementAction(
        null,
        form({
          userId: String(f.users.TEACHER),
          kind: "COURSE",
          title: "Функциональная грамотность",
          hours: "72",
          date: "2026-03-10",
        }),
      ),
    ).toMatchObject({ ok: true });
    const print = (userId: number) =>
      staffPdf.GET(new Request("http://localhost/x"), { params: Promise.resolve({ userId: String(userId) }) });
    const text = await pdfText(await print(f.users.TEACHER));
    expect(text).toContain("Портфолио педагога");
    expect(text).toContain("Высшая квалификационная категория");
    expect(text).toContain("Функциональная грамотность");
    await signInAs(f.organisationId, f.users.DIRECTOR);
    expect((await print(f.users.TEACHER)).status).toBe(200);
    await signInAs(f.organisationId, f.users.CLASS_TEACHER);
    expect((await print(f.users.TEACHER)).status).toBe(403);
    expect(
      await addStaffAchievementAction(
        null,
        form({ userId: String(f.users.TEACHER), kind: "AWARD", title: "Грамота", date: "2026-01-01" }),
      ),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
