// PRG-1: work programmes. A teacher drafts a programme (sections with hours, outcomes, control
// works), DEPUTY approves it; a КТП made from the approved programme carries its sections and
// hours (control works as their own topics); the КТП is due a week after the approval — a warning
// before, «просрочен» after 7 days (the rule's `now` moved), gone once the КТП is submitted.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  createKtpFromProgrammeAction,
  createProgrammeAction,
  programmeStepAction,
  reviewProgrammeAction,
  saveSectionsAction,
} from "@/lib/programmes/actions";
import { ktpDueWarnings, ktpDueWidget } from "@/lib/programmes/loaders";
import { programmeComparisonInputs } from "@/lib/plans/data";
import { compareWithProgramme, type ProgrammeComparison } from "@/lib/plans/rules";
import { FulfilmentTable } from "@/components/plans/fulfilment-table";
import FulfilmentPage from "@/app/(app)/plans/fulfilment/page";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { createJournalFixture, day, formData, type JournalFixture } from "./journal-fixture";
import { interruptOf, signedInAs, signInAs } from "../support/session-harness";
import { dbDigest } from "../support/db-digest";
import { lastAudit } from "../support/audit";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let programmeId = 0;
let loadId = 0;
const DAY = 86_400_000;

const as = <T>(userId: number, call: () => Promise<T>) => signedInAs(f.organisationId, userId, call);

/** Runs an action that redirects on success; the redirect's target. */
async function redirected(call: () => Promise<unknown>): Promise<string> {
  try {
    const r = await call();
    throw new Error(`no redirect: ${JSON.stringify(r)}`);
  } catch (e) {
    const i = interruptOf(e);
    if (i?.kind !== "redirect") throw e;
    return i.to;
  }
}

const SECTIONS = [
  "Дроби; 10; Складывает и вычитает дроби; Контрольная работа № 1",
  "Уравнения; 8; ; Контрольная работа № 2, Зачёт",
].join("\n");

beforeAll(async () => {
  f = await createJournalFixture();
  loadId = (await db.teacherLoad.findFirstOrThrow({ where: { organisationId: f.organisationId, classId: f.classId } }))
    .id;
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("work programmes (PRG-1)", () => {
  it("a teacher drafts a programme and its sections; bad sections are refused by row, nothing written", async () => {
    const to = await redirected(() =>
      as(f.users.teacher, () =>
        createProgrammeAction(
          null,
          formData({ subjectId: f.subjectId, grade: 7, title: "Рабочая программа по алгебре, 7 класс" }),
        ),
      ),
    );
    programmeId = Number(to.split("/").pop());
    expect(programmeId).toBeGreaterThan(0);
    // Every write of a programme is audited on it (AUTH-5): the draft with its fields.
    const programme = { entity: "WorkProgramme", entityId: String(programmeId) };
    expect(await lastAudit(f.organisationId, "programme.create")).toMatchObject({
      ...programme,
      userId: f.users.teacher,
      details: { subjectId: f.subjectId, grade: 7, title: "Рабочая программа по алгебре, 7 класс" },
    });
    const before = await dbDigest();
    expect(
      await saveSectionsAction(null, formData({ programmeId, sections: "Дроби; десять\nУравнения; 8" })),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT", message: "Строка 1: часы — положительное число, кратное 0,5" });
    expect(await saveSectionsAction(null, formData({ programmeId, sections: "Дроби; 1; ; КР1, КР2" }))).toMatchObject({
      ok: false,
      message: "Строка 1: контрольных работ больше, чем часов раздела",
    });
    expect(await dbDigest()).toEqual(before);
    // Another teacher (own scope) cannot touch it.
    expect(
      await as(f.users.other, () => saveSectionsAction(null, formData({ programmeId, sections: SECTIONS }))),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await as(f.users.teacher, () => saveSectionsAction(null, formData({ programmeId, sections: SECTIONS }))),
    ).toMatchObject({ ok: true });
    const sections = await db.programmeSection.findMany({
      where: { organisationId: f.organisationId, programmeId },
      orderBy: { position: "asc" },
    });
    expect(sections.map((s) => [s.title, Number(s.hours), s.outcomes, s.controlWorks])).toEqual([
      ["Дроби", 10, "Складывает и вычитает дроби", ["Контрольная работа № 1"]],
      ["Уравнения", 8, null, ["Контрольная работа № 2", "Зачёт"]],
    ]);
    expect(await lastAudit(f.organisationId, "programme.sections")).toMatchObject({
      ...programme,
      userId: f.users.teacher,
      details: { sections: 2, hours: 18 },
    });
  });

  it("no КТП from an unapproved programme; the teacher submits, only DEPUTY approves", async () => {
    expect(
      await as(f.users.teacher, () => createKtpFromProgrammeAction(null, formData({ programmeId, loadId }))),
    ).toMatchObject({ ok: false, code: "CONFLICT", message: "КТП создаётся только по утверждённой рабочей программе" });
    expect(await programmeStepAction(null, formData({ programmeId, step: "submit" }))).toMatchObject({ ok: true });
    expect(await reviewProgrammeAction(null, formData({ programmeId, decision: "approve" }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(
      await as(f.users.deputy, () => reviewProgrammeAction(null, formData({ programmeId, decision: "return" }))),
    ).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { comment: ["При возврате на доработку укажите комментарий"] },
    });
    expect(await reviewProgrammeAction(null, formData({ programmeId, decision: "approve" }))).toMatchObject({
      ok: true,
      data: { message: "Программа утверждена" },
    });
    const p = await db.workProgramme.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: programmeId } },
    });
    expect(p).toMatchObject({ status: "APPROVED", reviewerId: f.users.deputy });
    expect(p.approvedAt).not.toBeNull();
    const step = { entity: "WorkProgramme", entityId: String(programmeId) };
    expect(await lastAudit(f.organisationId, "programme.submit")).toMatchObject({ ...step, userId: f.users.teacher });
    expect(await lastAudit(f.organisationId, "programme.approve")).toMatchObject({ ...step, userId: f.users.deputy });
  });

  it("the КТП is due a week after approval: a warning within the week, «просрочен» after 7 days (moved clock)", async () => {
    const { approvedAt } = await db.workProgramme.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: programmeId } },
    });
    const soon = await ktpDueWarnings(f.organisationId, f.users.teacher, new Date(approvedAt!.getTime() + DAY));
    // the 7А load only: the teacher's 1А algebra is another grade
    expect(soon.map((w) => [w.className, w.overdue, w.daysLeft])).toEqual([["7А", false, 6]]);
    const late = new Date(approvedAt!.getTime() + 8 * DAY);
    const overdue = await ktpDueWarnings(f.organisationId, f.users.teacher, late);
    expect(overdue.map((w) => [w.className, w.overdue])).toEqual([["7А", true]]);
    // the deputy's home widget lists everyone's, the teacher's their own
    const deputyWidget = await ktpDueWidget(f.organisationId, null, late);
    expect(deputyWidget.tasks).toHaveLength(1);
    expect(deputyWidget.tasks[0].text).toMatch(
      /^Соколова Т\.: КТП по программе «Рабочая программа по алгебре, 7 класс» \(7А\) просрочен/,
    );
    expect(deputyWidget.tasks[0].note).toBe("просрочено");
    expect(await ktpDueWidget(f.organisationId, f.users.other, late)).toMatchObject({ tasks: [] });
  });

  it("a КТП made from the approved programme carries its sections and hours; once submitted, no warning", async () => {
    const to = await redirected(() =>
      as(f.users.teacher, () => createKtpFromProgrammeAction(null, formData({ programmeId, loadId }))),
    );
    const planId = Number(to.split("/").pop());
    const plan = await db.lessonPlan.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: planId } },
      include: { topics: { orderBy: { position: "asc" } } },
    });
    expect(plan).toMatchObject({ programmeId, classId: f.classId, teacherId: f.users.teacher, status: "DRAFT" });
    expect(plan.topics.map((t) => [t.title, Number(t.hours), t.controlKind])).toEqual([
      ["Дроби", 9, null],
      ["Контрольная работа № 1 (Дроби)", 1, "Контрольная работа"],
      ["Уравнения", 6, null],
      ["Контрольная работа № 2 (Уравнения)", 1, "Контрольная работа"],
      ["Зачёт (Уравнения)", 1, "Контрольная работа"],
    ]);
    expect(plan.topics.reduce((s, t) => s + Number(t.hours), 0)).toBe(18);
    // a second КТП for the same class and subject is refused
    expect(await createKtpFromProgrammeAction(null, formData({ programmeId, loadId }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    const late = new Date(Date.now() + 30 * DAY);
    expect(await ktpDueWarnings(f.organisationId, null, late)).toHaveLength(1); // a draft is not delivered
    await db.lessonPlan.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: planId } },
      data: { status: "SUBMITTED" },
    });
    expect(await ktpDueWarnings(f.organisationId, null, late)).toEqual([]);
  });

  it("plans' fulfilment compares with the programme's hours: per section the programme's, the КТП's and the given", async () => {
    const o = f.organisationId;
    const plan = await db.lessonPlan.findFirstOrThrow({
      where: { organisationId: o, programmeId },
      include: { topics: { orderBy: { position: "asc" } } },
    });
    // The teacher adds a revision hour after «Дроби» (a topic of their own, counted to that section).
    await db.planTopic.create({
      data: { organisationId: o, planId: plan.id, position: 100, title: "Повторение дробей", hours: 1 },
    });
    await db.planTopic.update({
      where: { organisationId_id: { organisationId: o, id: plan.topics[0].id } },
      data: { position: 0 },
    });
    await db.planTopic.updateMany({
      where: { organisationId: o, planId: plan.id, position: 100 },
      data: { position: 1 },
    });
    // Lessons 05.11 … 17.11 (9) on «Дроби», one of them cancelled; 18.11 the control work; 19.11 «Уравнения».
    const dates = [...f.lessons.keys()].sort();
    const bind = async (iso: string, topicId: number, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") =>
      db.lesson.update({
        where: { organisationId_id: { organisationId: o, id: f.lesson(iso) } },
        data: { planTopicId: topicId, status },
      });
    for (const iso of dates.slice(0, 9))
      await bind(iso, plan.topics[0].id, iso === "2026-11-06" ? "CANCELLED" : "SCHEDULED");
    await bind(dates[9], plan.topics[1].id);
    await bind(dates[10], plan.topics[2].id);
    await bind(dates[11], plan.topics[2].id); // 20.11 — after «today» below: not given yet

    const inputs = await programmeComparisonInputs(o, f.yearId, day("2026-11-19"), null);
    const p = inputs.get(`${f.classId}:${f.subjectId}`)!;
    const c = compareWithProgramme(p.programme, p.topics, p.given);
    expect(c).toMatchObject({ programmeId, programmeHours: 18, ktpHours: 19, mismatch: true });
    expect(c.sections).toEqual([
      { title: "Дроби", programme: 10, ktp: 11, given: 9 },
      { title: "Уравнения", programme: 8, ktp: 8, given: 1 },
    ]);
    // 1А (same teacher, grade 1) has no programme: no comparison line.
    expect(inputs.has(`${f.firstClassId}:${f.subjectId}`)).toBe(false);

    // The deputy's fulfilment page hands the comparison to its table.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-19T08:00:00Z"));
    await signInAs(o, f.users.deputy);
    const tree = (await FulfilmentPage({ searchParams: Promise.resolve({}) }).finally(() =>
      vi.useRealTimers(),
    )) as ReactElement<{ children: ReactNode }>;
    const table = elements(tree).find((e) => e.type === FulfilmentTable)!;
    const shown = (table.props.comparisons as Map<string, ProgrammeComparison>).get(`${f.classId}:${f.subjectId}`);
    expect(shown?.sections.map((s) => [s.title, s.programme, s.ktp, s.given])).toEqual([
      ["Дроби", 10, 11, 9],
      ["Уравнения", 8, 8, 1],
    ]);
  });
});

/** The elements of a page tree (function components not called: their props are what the page passed). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}
