// PRG-4: the assessment schedule of a fixture class — 7А with two subjects, each with an approved
// КТП holding control works — lists them on their lessons' dates, flags the two on one day and the
// subject over 10 % of its hours; a draft КТП adds nothing. DEPUTY publishes it (a teacher cannot);
// a parent's diary shows nothing before and the published schedule after; a КТП change moves a
// date and the family's view shows the change without a re-publication; PDF and XLSX through the
// report model.
import ExcelJS from "exceljs";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { publishAssessmentsAction } from "@/lib/assessments/actions";
import { classSchedule, loadFamilySchedule } from "@/lib/assessments/loaders";
import { AssessmentCalendar } from "@/components/assessments/assessment-calendar";
import { GET as fileRoute } from "@/app/api/assessments/route";
import DiaryAssessmentsPage from "@/app/(app)/diary/[studentId]/assessments/page";
import { createJournalFixture, day, formData, type JournalFixture } from "./journal-fixture";
import { signedInAs, signInAs } from "../support/session-harness";
import { addParentLogin } from "../support/push-fixture";
import { dbDigest } from "../support/db-digest";
import { lastAudit } from "../support/audit";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let parent = 0;
let algebraPlan = 0;
const TODAY = day("2026-11-20");

const as = <T>(userId: number, call: () => Promise<T>) => signedInAs(f.organisationId, userId, call);

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function plan(
  subjectId: number,
  teacherId: number,
  status: "APPROVED" | "DRAFT",
  topics: { title: string; hours: number; controlKind?: string }[],
) {
  const p = await db.lessonPlan.create({
    data: { organisationId: f.organisationId, yearId: f.yearId, teacherId, subjectId, classId: f.classId, status },
  });
  await db.planTopic.createMany({
    data: topics.map((t, i) => ({
      organisationId: f.organisationId,
      planId: p.id,
      position: i + 1,
      title: t.title,
      hours: t.hours,
      controlKind: t.controlKind ?? null,
    })),
  });
  return p.id;
}

/** The elements of a rendered page tree (function components are not called: their props are what the page passed). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}

async function diaryCalendar(userId: number) {
  await signInAs(f.organisationId, userId);
  const tree = await DiaryAssessmentsPage({
    params: Promise.resolve({ studentId: String(f.students[0]) }),
    searchParams: Promise.resolve({ period: String(f.q2) }),
  });
  return elements(tree as ReactNode).find((e) => e.type === AssessmentCalendar) ?? null;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-20T08:00:00Z"));
  f = await createJournalFixture();
  const o = f.organisationId;
  // Algebra: the fixture's 17 lessons (05.11 … 27.11). Two control works → 2 > 10 % of 17 h.
  algebraPlan = await plan(f.subjectId, f.users.teacher, "APPROVED", [
    { title: "Повторение", hours: 1 },
    { title: "Контрольная работа № 1", hours: 1, controlKind: "Контрольная работа" },
    { title: "Дроби", hours: 5 },
    { title: "Контрольная работа № 2", hours: 1, controlKind: "Контрольная работа" },
    { title: "Уравнения", hours: 9 },
  ]);
  // Russian: 20 lessons from 05.11 at bell 3, a dictation on the 8th (16.11, as algebra's second work).
  const russian = await db.subject.create({ data: { organisationId: o, name: "Русский язык", shortName: "Рус" } });
  const dates: Date[] = [];
  for (let d = day("2026-11-05"); dates.length < 20; d = new Date(d.getTime() + 86_400_000))
    if (d.getUTCDay() % 6 !== 0) dates.push(d);
  await db.lesson.createMany({
    data: dates.map((date) => ({
      organisationId: o,
      classId: f.classId,
      subjectId: russian.id,
      teacherId: f.users.other,
      date,
      bellNumber: 3,
    })),
  });
  await plan(russian.id, f.users.other, "APPROVED", [
    { title: "Орфография", hours: 7 },
    { title: "Диктант", hours: 1, controlKind: "Диктант" },
    { title: "Пунктуация", hours: 12 },
  ]);
  // A draft КТП's control work is not in the schedule.
  await plan(russian.id, f.users.other, "DRAFT", [{ title: "Тест по черновику", hours: 1, controlKind: "Тест" }]);
  parent = await addParentLogin(o, f.students[0], { login: "parent", lastName: "Родитель", firstName: "Анна" });
}, 60_000);

afterAll(async () => {
  vi.useRealTimers();
  await db.$disconnect();
});

describe("the assessment schedule (PRG-4)", () => {
  it("lists the approved КТП's control works on their dates and flags two on one day and the subject over 10 %", async () => {
    const s = (await classSchedule(f.organisationId, f.classId, f.q2, TODAY))!;
    expect(s.period.name).toBe("2 четверть");
    expect(s.schedule.items.map((i) => [iso(i.date!), i.subjectName, i.title, i.kind])).toEqual([
      ["2026-11-06", "Алгебра", "Контрольная работа № 1", "Контрольная работа"],
      ["2026-11-16", "Алгебра", "Контрольная работа № 2", "Контрольная работа"],
      ["2026-11-16", "Русский язык", "Диктант", "Диктант"],
    ]);
    expect(s.schedule.warnings.map((w) => w.text)).toEqual([
      "16.11.2026: 2 оценочные процедуры в один день (Алгебра, Русский язык) — не больше одной в день",
      "Алгебра: оценочных процедур — 2 на 17 ч в периоде, больше 10 % (допустимо 1)",
    ]);
    expect(s.schedule.subjects.map((l) => [l.subject, l.hours, l.count, l.allowed])).toEqual([
      ["Алгебра", 17, 2, 1],
      ["Русский язык", 20, 1, 2],
    ]);
    // The first quarter has no lessons of these plans: nothing listed there.
    expect((await classSchedule(f.organisationId, f.classId, f.q1, TODAY))!.schedule.items).toEqual([]);
  });

  it("families see nothing before publication; a teacher cannot publish; bad input writes nothing", async () => {
    expect((await loadFamilySchedule(f.organisationId, f.students[0], f.q2, TODAY)).data).toBeNull();
    expect(await diaryCalendar(parent)).toBeNull();
    const before = await dbDigest();
    expect(
      await as(f.users.teacher, () => publishAssessmentsAction(null, formData({ classId: f.classId, periodId: f.q2 }))),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await as(f.users.deputy, () => publishAssessmentsAction(null, formData({ classId: f.classId, periodId: "x" }))),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { periodId: ["Период: выберите из списка"] } });
    // a period of no class of this organisation's class kind / id
    expect(
      await publishAssessmentsAction(null, formData({ classId: f.classId, periodId: 2_000_000_000 })),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await dbDigest()).toEqual(before);
    // the parent's file: 404 while unpublished
    const res = await as(parent, () =>
      fileRoute(new Request(`http://x/api/assessments?studentId=${f.students[0]}&periodId=${f.q2}&format=xlsx`)),
    );
    expect(res.status).toBe(404);
  });

  it("DEPUTY publishes; the parent's diary shows the published schedule, the files hold it", async () => {
    expect(
      await as(f.users.deputy, () => publishAssessmentsAction(null, formData({ classId: f.classId, periodId: f.q2 }))),
    ).toMatchObject({ ok: true, data: { message: "График опубликован (версия 1), предупреждений: 2" } });
    // The publication is audited (AUTH-5): who, which version of which class and period, how many items.
    const publication = await db.assessmentPublication.findFirstOrThrow({
      where: { organisationId: f.organisationId, classId: f.classId, periodId: f.q2, version: 1 },
    });
    expect(await lastAudit(f.organisationId, "assessments.publish")).toMatchObject({
      userId: f.users.deputy,
      entity: "AssessmentPublication",
      entityId: String(publication.id),
      details: { classId: f.classId, periodId: f.q2, version: 1, count: (publication.items as unknown[]).length },
    });
    const calendar = await diaryCalendar(parent);
    expect(calendar).not.toBeNull();
    const html = renderToStaticMarkup(calendar!);
    expect(html).toContain("Контрольная работа № 1");
    expect(html).toContain("Диктант");
    expect(html).not.toContain("Тест по черновику");
    // The family's diary does not frame the crowded day (staff's warning).
    expect(html).not.toContain("Больше одной в день");

    const xlsx = await as(parent, () =>
      fileRoute(new Request(`http://x/api/assessments?studentId=${f.students[0]}&periodId=${f.q2}&format=xlsx`)),
    );
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const cells = book.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toContain("16.11.2026");
    expect(cells).toContain("Диктант");
    expect(cells.some((c) => c.startsWith("Внимание"))).toBe(false);

    const pdf = await as(f.users.deputy, () =>
      fileRoute(new Request(`http://x/api/assessments?classId=${f.classId}&periodId=${f.q2}&format=pdf`)),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    // Another family's child is refused.
    const other = await as(parent, () =>
      fileRoute(new Request(`http://x/api/assessments?studentId=${f.students[1]}&format=xlsx`)),
    );
    expect(other.status).toBe(403);
  });

  it("a control work moved in the КТП moves in the schedule; the family sees the change at once", async () => {
    // The teacher moves «Контрольная работа № 1» after «Дроби»: lesson 7 (13.11) instead of 2 (06.11).
    const topics = await db.planTopic.findMany({
      where: { organisationId: f.organisationId, planId: algebraPlan },
      orderBy: { position: "asc" },
    });
    await db.planTopic.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: topics[1].id } },
      data: { position: 100 },
    });
    await db.planTopic.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: topics[2].id } },
      data: { position: 2 },
    });
    await db.planTopic.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: topics[1].id } },
      data: { position: 3 },
    });
    const family = (await loadFamilySchedule(f.organisationId, f.students[0], f.q2, TODAY)).data!;
    const moved = family.shown.find((i) => i.topicId === topics[1].id)!;
    expect(iso(moved.date)).toBe("2026-11-13");
    expect(moved.change).toEqual({ kind: "moved", from: day("2026-11-06") });
    expect(family.changed).toBe(1);
    const html = renderToStaticMarkup((await diaryCalendar(parent))!);
    expect(html).toContain("перенесена с 06.11.2026");
    // Re-publishing records version 2, after which nothing is marked.
    expect(
      await as(f.users.deputy, () => publishAssessmentsAction(null, formData({ classId: f.classId, periodId: f.q2 }))),
    ).toMatchObject({ ok: true, data: { message: expect.stringContaining("версия 2") } });
    const again = (await classSchedule(f.organisationId, f.classId, f.q2, TODAY))!;
    expect(again.publication?.version).toBe(2);
    expect(again.changed).toBe(0);
  });

  it("publishing for a closed year is refused like every write to it (REC-2) and writes nothing", async () => {
    await db.academicYear.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.yearId } },
      data: { status: "CLOSED" },
    });
    try {
      const before = await dbDigest();
      const r = await as(f.users.deputy, () =>
        publishAssessmentsAction(null, formData({ classId: f.classId, periodId: f.q2 })),
      );
      expect(r).toMatchObject({ ok: false, code: "LOCKED", message: YEAR_CLOSED_REASON });
      expect(await dbDigest()).toEqual(before);
    } finally {
      await db.academicYear.update({
        where: { organisationId_id: { organisationId: f.organisationId, id: f.yearId } },
        data: { status: "OPEN" },
      });
    }
  });
});
