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
import { programmeComparisonInputs, programmeTotalsInputs } from "@/lib/plans/data";
import { compareWithProgramme, programmeTotals, type ProgrammeComparison } from "@/lib/plans/rules";
import { GET as sectionsRoute } from "@/app/(app)/plans/fulfilment/sections/route";
import { FulfilmentTable } from "@/components/plans/fulfilment-table";
import { unpackFulfilment } from "@/components/plans/fulfilment-rows";
import FulfilmentPage from "@/app/(app)/plans/fulfilment/page";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { addUser, createJournalFixture, day, formData, type JournalFixture } from "./journal-fixture";
import { interruptOf, signedInAs, signInAs } from "../support/session-harness";
import { dbDigest } from "../support/db-digest";
import { counted } from "../support/pg-queries";
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

  it("the КТП due of many approved programmes: the same reads as of one, the same warnings as read one by one (issue 22)", async () => {
    const base = await db.workProgramme.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: programmeId } },
    });
    const late = new Date(base.approvedAt!.getTime() + 8 * DAY);
    const one = await counted(() => ktpDueWarnings(f.organisationId, null, late));
    // Three more approved programmes of the subject: every grade, the 1st, the 7th (none has a КТП yet).
    const extra = await Promise.all(
      [null, 1, 7].map((grade, i) =>
        db.workProgramme.create({
          data: {
            organisationId: f.organisationId,
            yearId: base.yearId,
            subjectId: base.subjectId,
            grade,
            title: `Программа ${i + 1}`,
            status: "APPROVED",
            authorId: f.users.teacher,
            approvedAt: base.approvedAt,
          },
        }),
      ),
    );
    try {
      const many = await counted(() => ktpDueWarnings(f.organisationId, null, late));
      // Was two statements per approved programme.
      expect(many.queries).toHaveLength(one.queries.length);
      // The reference: each programme's loads read on their own, as before (its grade in the class filter).
      const oneByOne = await Promise.all(
        [base, ...extra].map(async (p) => {
          const loads = await db.teacherLoad.findMany({
            where: {
              organisationId: f.organisationId,
              yearId: p.yearId,
              subjectId: p.subjectId,
              ...(p.grade !== null ? { class: { grade: p.grade } } : {}),
            },
            select: { id: true, teacherId: true, classId: true, class: { select: { name: true } } },
            orderBy: { id: "asc" },
          });
          const plans = await db.lessonPlan.findMany({
            where: { organisationId: f.organisationId, programmeId: p.id },
          });
          return loads.map((l) => ({
            programmeId: p.id,
            className: l.class.name,
            delivered: plans.some(
              (x) =>
                x.teacherId === l.teacherId &&
                x.classId === l.classId &&
                (x.status === "SUBMITTED" || x.status === "APPROVED"),
            ),
          }));
        }),
      );
      const due = oneByOne.flat().filter((l) => !l.delivered);
      const key = (w: { programmeId: number; className: string }) => `${w.programmeId}:${w.className}`;
      expect(many.result.map(key).sort()).toEqual(due.map(key).sort());
      // every grade covers both the 7А and the 1А load; the 1st grade's only the 1А one; the 7th's only 7А
      expect(due.filter((l) => l.programmeId === extra[0].id)).toHaveLength(2);
      expect(due.filter((l) => l.programmeId === extra[1].id).map((l) => l.className)).toEqual(["1А"]);
      expect(due.filter((l) => l.programmeId === extra[2].id).map((l) => l.className)).toEqual(["7А"]);
    } finally {
      await db.workProgramme.deleteMany({
        where: { organisationId: f.organisationId, id: { in: extra.map((p) => p.id) } },
      });
    }
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

    // PRG-1's figures without the sections (the fulfilment table's) equal the comparison's (issue 22 item 7).
    const key = `${f.classId}:${f.subjectId}`;
    const { sections, ...totals } = c;
    const light = (await programmeTotalsInputs(o, f.yearId, null)).get(key)!;
    expect(programmeTotals(light.programme, light.ktpHours)).toEqual(totals);
    expect((await programmeTotalsInputs(o, f.yearId, null)).has(`${f.firstClassId}:${f.subjectId}`)).toBe(false);

    // The curriculum gives the fulfilment page its lines (7А and 1А, the fixture's subject).
    await db.curriculumItem.createMany({
      data: [f.classId, f.firstClassId].map((classId) => ({
        organisationId: o,
        classId,
        subjectId: f.subjectId,
        hours: 102,
      })),
      skipDuplicates: true,
    });
    // The deputy's fulfilment page hands the line's figures to its table; the sections come from
    // /plans/fulfilment/sections when «по разделам программы» is opened.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-19T08:00:00Z"));
    try {
      await signInAs(o, f.users.deputy);
      const tree = (await FulfilmentPage({ searchParams: Promise.resolve({}) })) as ReactElement<{
        children: ReactNode;
      }>;
      const table = elements(tree).find((e) => e.type === FulfilmentTable)!;
      const row = unpackFulfilment(table.props.rows as string).find(
        (r) => r.classId === f.classId && r.subjectId === f.subjectId,
      );
      expect(row?.programme).toEqual({ hours: totals.programmeHours, ktpHours: totals.ktpHours, mismatch: true });
      const res = await getSections(`class=${f.classId}&subject=${f.subjectId}`);
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { ok: true; data: ProgrammeComparison };
      expect(answer.data).toEqual(c);
      expect(answer.data.sections.map((s) => [s.title, s.programme, s.ktp, s.given])).toEqual([
        ["Дроби", 10, 11, 9],
        ["Уравнения", 8, 8, 1],
      ]);
      expect(sections).toEqual(answer.data.sections);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the fulfilment page filters by its GET parameters and refuses a bad one in Russian (PLAN-5, issue 22 item 7)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-19T08:00:00Z"));
    try {
      await signInAs(f.organisationId, f.users.deputy);
      const open = async (searchParams: Record<string, string>) =>
        elements((await FulfilmentPage({ searchParams: Promise.resolve(searchParams) })) as ReactNode);
      const rowsOf = (tree: ReactElement<Record<string, unknown>>[]) => {
        const table = tree.find((e) => e.type === FulfilmentTable);
        return table ? unpackFulfilment(table.props.rows as string) : null;
      };
      const all = rowsOf(await open({}))!;
      expect(new Set(all.map((r) => r.classId))).toEqual(new Set([f.classId, f.firstClassId]));
      const first = rowsOf(await open({ class: String(f.firstClassId) }))!;
      expect(first.length).toBeGreaterThan(0);
      expect(first).toEqual(all.filter((r) => r.classId === f.firstClassId));
      expect(rowsOf(await open({ subject: String(f.subjectId), teacher: String(f.users.teacher) }))).toEqual(
        all.filter((r) => r.subjectId === f.subjectId),
      );
      // A teacher who teaches nothing here: no lines, the table says so.
      const none = await open({ teacher: String(f.users.deputy) });
      expect(rowsOf(none)).toEqual([]);
      const bad = await open({ class: "7А", sort: "name" });
      expect(rowsOf(bad)).toBeNull();
      const alert = bad.find((e) => e.props.role === "alert");
      expect(alert?.props.children).toBe(
        "Класс в фильтре указан неверно; Порядок строк указан неверно: по классам или по отставанию",
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it("a line's sections (GET /plans/fulfilment/sections): plans.viewAll on the line's class, bad ids refused in Russian", async () => {
    const o = f.organisationId;
    const query = `class=${f.classId}&subject=${f.subjectId}`;
    const parent = await addUser(f, "sections-parent", "PARENT");
    // Another organisation's class (a fixture of its own).
    const other = (await createJournalFixture({ students: 1, lessons: 1 })).classId;
    const before = await dbDigest();
    // A teacher (even the line's own), a class teacher and a parent are refused.
    for (const user of [f.users.teacher, f.users.classTeacher, parent]) {
      await signInAs(o, user);
      const res = await getSections(query);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { message: string }).message).toMatch(/[а-яё]/i);
    }
    await signInAs(o, f.users.deputy);
    expect((await getSections(query)).status).toBe(200);
    // Another organisation's class: refused, as an unknown one.
    for (const classId of [other, 999_999]) {
      const res = await getSections(`class=${classId}&subject=${f.subjectId}`);
      expect([403, 404]).toContain(res.status);
    }
    // No approved programme for 1А: nothing to show, said in Russian.
    const none = await getSections(`class=${f.firstClassId}&subject=${f.subjectId}`);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { message: string }).message).toContain("рабочей программы");
    for (const [bad, message] of [
      ["subject=1", "Класс указан неверно"],
      [`class=abc&subject=${f.subjectId}`, "Класс указан неверно"],
      [`class=${f.classId}&subject=-1`, "Предмет указан неверно"],
      [`class=${f.classId}&subject=1e309`, "Предмет указан неверно"],
    ]) {
      const res = await getSections(bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBe(message);
    }
    expect(await dbDigest()).toEqual(before);
  });
});

/** GET /plans/fulfilment/sections with a query string, as the signed-in user. */
function getSections(query: string): Promise<Response> {
  return sectionsRoute(new Request(`http://localhost/plans/fulfilment/sections?${query}`));
}

/** The elements of a page tree (function components not called: their props are what the page passed). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}
