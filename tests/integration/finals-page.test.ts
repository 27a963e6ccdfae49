// Final marks against PostgreSQL (FIN-1…FIN-5, JRN-6, DRY-2, DRY-3, DRY-7, RPT-8): the journal, the
// finals page and the diary agree on the average and the recommendation; who sets a home-educated
// student's final; the lock after a final; bad input; the student period report.
import { beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { saveCell } from "@/lib/journal/commands";
import { loadGridPage } from "@/lib/journal/loaders";
import { studentSummary } from "@/lib/journal/grid";
import { loadFinalsChoices, loadFinalsPage } from "@/lib/finals/loaders";
import { saveFinal } from "@/lib/finals/commands";
import { DEPUTY_ONLY_MESSAGE, finalKey, rollOn } from "@/lib/finals/rules";
import { diaryVisitNews, studentMarksView } from "@/lib/diary/marks/loaders";
import { recordDiaryVisit } from "@/lib/diary/commands";
import { counted } from "../support/pg-queries";
import { buildReport } from "@/lib/reports/build";
import {
  addAssignment,
  addUser,
  createJournalFixture,
  currentUser,
  day,
  NOW,
  teacherMark,
  type JournalFixture,
} from "./journal-fixture";

let f: JournalFixture;
let deputy: number;
const TODAY = day("2026-11-20");

const userOf = (id: number, roles: string[]) => currentUser(f, id, roles);

async function mark(iso: string, studentId: number, input: string, typeId?: number) {
  expect((await teacherMark(f, iso, studentId, input, { typeId })).body).toMatchObject({ ok: true });
}

const finalInput = (studentId: number, text: string, version = 0, extra: Record<string, unknown> = {}) => ({
  classId: f.classId,
  subjectId: f.subjectId,
  studentId,
  kind: "PERIOD",
  periodId: f.q2,
  text,
  version,
  ...extra,
});

beforeAll(async () => {
  f = await createJournalFixture({ students: 3 });
  deputy = await addUser(f, "deputy", "DEPUTY", "Орлова");
  // Student 0: 5 (answer, weight 1), 4 (test, weight 2), 5 (answer), hospital 3 (answer) → (5+8+5+3)/5 = 4.20.
  const s0 = f.students[0];
  await mark("2026-11-16", s0, "5");
  await mark("2026-11-17", s0, "4", f.types.test);
  await mark("2026-11-18", s0, "5");
  await mark("2026-11-19", s0, "3б");
  // Student 2: 4, 5 (test ×2), debt → (4 + 10) / 3 = 4.67.
  await mark("2026-11-16", f.students[2], "4");
  await mark("2026-11-17", f.students[2], "5", f.types.test);
  await mark("2026-11-18", f.students[2], "д");
  const absent = await saveCell(
    f.actor(f.users.teacher),
    { kind: "attendance", lessonId: f.lesson("2026-11-13"), studentId: s0, input: "н", version: 0 },
    NOW,
  );
  expect(absent.body.ok).toBe(true);
});

describe("one figure everywhere (FIN-2, JRN-9, DRY-3)", () => {
  it("the journal's average, the finals page's recommendation and the diary's forecast agree", async () => {
    const grid = await loadGridPage(
      userOf(f.users.teacher, ["TEACHER"]),
      { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 },
      NOW,
    );
    const page = await loadFinalsPage(
      userOf(f.users.teacher, ["TEACHER"]),
      { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 },
      NOW,
    );
    expect(grid.kind).toBe("grid");
    expect(page.kind).toBe("sheet");
    if (grid.kind !== "grid" || page.kind !== "sheet") return;
    for (const [studentId, average, proposal] of [
      [f.students[0], 4.2, 4],
      [f.students[2], 14 / 3, 5],
    ] as const) {
      const journal = studentSummary(grid.view, studentId);
      const row = page.rows.find((r) => r.studentId === studentId)!;
      const diary = (await studentMarksView(f.organisationId, studentId, TODAY, f.q2)).subjects.find(
        (s) => s.subjectId === f.subjectId,
      )!;
      expect(journal.average).toBeCloseTo(average, 10);
      expect(row.outlook.average).toBeCloseTo(average, 10);
      expect(diary.outlook.average).toBeCloseTo(average, 10);
      expect(journal.forecast.current).toBe(proposal);
      expect(row.outlook.proposal).toEqual({ value: proposal, special: null });
      expect(diary.outlook.proposal).toEqual(row.outlook.proposal);
      expect(diary.outlook.forecast).toEqual(row.outlook.forecast);
    }
    const s0 = page.rows.find((r) => r.studentId === f.students[0])!;
    expect(s0.outlook.absences).toBe(1);
    expect(s0.proposalText).toBe("4");
  });
});

describe("who sets finals (FIN-4)", () => {
  it("refuses the subject teacher for a home-educated student and lets DEPUTY set it", async () => {
    const before = await db.finalMark.count({ where: { organisationId: f.organisationId } });
    const teacher = await saveFinal(f.actor(f.users.teacher), finalInput(f.home, "4"), NOW);
    expect(teacher).toEqual({ ok: false, code: "FORBIDDEN", message: DEPUTY_ONLY_MESSAGE });
    expect(await db.finalMark.count({ where: { organisationId: f.organisationId } })).toBe(before);
    const byDeputy = await saveFinal(f.actor(deputy), finalInput(f.home, "4"), NOW);
    expect(byDeputy).toMatchObject({ ok: true, data: { label: "4", state: { value: 4, version: 1 } } });
    const page = await loadFinalsPage(
      userOf(f.users.teacher, ["TEACHER"]),
      { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 },
      NOW,
    );
    if (page.kind !== "sheet") throw new Error("no sheet");
    expect(page.rows.find((r) => r.studentId === f.home)).toMatchObject({
      canEdit: false,
      deputyOnly: true,
      form: "на дому",
    });
  });

  it("refuses a teacher without load on the class × subject", async () => {
    expect(await saveFinal(f.actor(f.users.other), finalInput(f.students[1], "5"), NOW)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});

describe("setting a final (FIN-1, FIN-3, JRN-6, JRN-7, FIN-5)", () => {
  it("locks the period's current marks for the teacher once the final is set", async () => {
    const s = f.students[1];
    const lessonId = f.lesson("2026-11-18");
    const assignmentId = await addAssignment(f, lessonId);
    const open = await saveCell(
      f.actor(f.users.teacher),
      { kind: "mark", lessonId, assignmentId, studentId: s, input: "4", version: 0 },
      NOW,
    );
    expect(open.body.ok).toBe(true);
    const set = await saveFinal(f.actor(f.users.teacher), finalInput(s, "4"), NOW);
    expect(set.ok).toBe(true);
    const locked = await saveCell(
      f.actor(f.users.teacher),
      { kind: "mark", lessonId, assignmentId, studentId: s, input: "5", version: 1 },
      NOW,
    );
    expect(locked.body).toMatchObject({
      ok: false,
      code: "LOCKED",
      message: "Итоговая отметка за период выставлена — текущие отметки и посещаемость периода не меняются",
    });
    // The diary shows the final at once (FIN-5).
    const diary = await studentMarksView(f.organisationId, s, TODAY, f.q2);
    expect(diary.subjects.find((x) => x.subjectId === f.subjectId)?.periodFinal).toBe("4");
  });

  it("keeps every change in the history and the audit log; a stale version is a conflict", async () => {
    const s = f.students[0];
    expect(await saveFinal(f.actor(f.users.teacher), finalInput(s, "4"), NOW)).toMatchObject({
      ok: true,
      data: { state: { version: 1 } },
    });
    expect(await saveFinal(f.actor(f.users.teacher), finalInput(s, "5", 1), NOW)).toMatchObject({
      ok: true,
      data: { state: { value: 5, version: 2 } },
    });
    const stale = await saveFinal(f.actor(f.users.teacher), finalInput(s, "3", 1), NOW);
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    const key = finalKey({ studentId: s, classId: f.classId, subjectId: f.subjectId, kind: "PERIOD", periodId: f.q2 });
    const history = await db.journalChange.findMany({
      where: { organisationId: f.organisationId, entity: "FINAL", entityKey: key },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([
      [null, { value: 4, special: null }],
      [
        { value: 4, special: null },
        { value: 5, special: null },
      ],
    ]);
    expect(
      await db.auditEvent.count({ where: { organisationId: f.organisationId, action: "final.set", entityId: key } }),
    ).toBe(2);
  });

  it("stores special values and year finals (periodId null) without duplicates", async () => {
    const s = f.students[2];
    const year = { kind: "YEAR", periodId: null };
    expect(await saveFinal(f.actor(f.users.teacher), finalInput(s, "осв", 0, year), NOW)).toMatchObject({
      ok: true,
      data: { label: "осв." },
    });
    expect(await saveFinal(f.actor(f.users.teacher), finalInput(s, "н/а", 1, year), NOW)).toMatchObject({
      ok: true,
      data: { label: "н/а" },
    });
    const rows = await db.finalMark.findMany({
      where: { organisationId: f.organisationId, studentId: s, kind: "YEAR" },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: null, special: "NOT_ATTESTED", periodId: null });
    expect(await saveFinal(f.actor(f.users.teacher), finalInput(s, "", 2, year), NOW)).toMatchObject({
      ok: true,
      data: { state: null },
    });
    expect(await db.finalMark.count({ where: { organisationId: f.organisationId, studentId: s, kind: "YEAR" } })).toBe(
      0,
    );
  });

  it("refuses bad input with a Russian message and writes nothing", async () => {
    const before = await db.finalMark.count({ where: { organisationId: f.organisationId } });
    const changes = await db.journalChange.count({ where: { organisationId: f.organisationId, entity: "FINAL" } });
    const s = f.students[2];
    const cases: [unknown, string][] = [
      [finalInput(s, "7"), "Отметка должна быть от 2 до 5"],
      [finalInput(s, "отлично"), "Допустимы отметки 2–5, «н/а», «осв»"],
      [finalInput(s, "з"), "По этому предмету ставится отметка, а не «зачёт»"],
      [finalInput(s, "5", 0, { kind: "QUARTER" }), "Неизвестный вид итоговой отметки"],
      [finalInput(s, "5", 0, { periodId: f.q2 + 1000 }), "Период не относится к этому классу"],
      [finalInput(s, "5", 0, { kind: "YEAR" }), "Период не относится к этому классу"],
      [finalInput(f.firstGrader, "5"), "Обучающийся не состоит в этом классе"],
    ];
    for (const [input, message] of cases) {
      expect(await saveFinal(f.actor(f.users.teacher), input, NOW)).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        message,
      });
    }
    expect(await saveFinal(f.actor(f.users.teacher), { classId: "x" }, NOW)).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await db.finalMark.count({ where: { organisationId: f.organisationId } })).toBe(before);
    expect(await db.journalChange.count({ where: { organisationId: f.organisationId, entity: "FINAL" } })).toBe(
      changes,
    );
  });
});

describe("missing finals are warned about from three days before the period's end (FIN-4)", () => {
  it("warns on the sheet and in the teacher's list near the end, not before", async () => {
    const teacher = userOf(f.users.teacher, ["TEACHER"]);
    const req = { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 };
    const early = await loadFinalsPage(teacher, req, NOW);
    expect(early.kind === "sheet" && early.warning).toBe(null);
    const late = new Date("2026-12-26T08:00:00.000Z");
    const page = await loadFinalsPage(teacher, req, late);
    expect(page.kind === "sheet" && page.warning).toMatch(
      /^Не выставлено итоговых отметок: \d+ \(до конца периода 2 дн\.\)$/,
    );
    const choices = await loadFinalsChoices(teacher, late);
    expect(choices.find((c) => c.classId === f.classId)?.warning).toMatch(
      /^2 четверть: Не выставлено итоговых отметок/,
    );
  });
});

describe("a school's first grade has no finals to warn about (JRN-10, FIN-4)", () => {
  it("neither the list nor the 1st grade's sheet warns near the period's end, while the 7th grade's still does", async () => {
    const teacher = userOf(f.users.teacher, ["TEACHER"]);
    const late = new Date("2026-12-26T08:00:00.000Z");
    const choices = await loadFinalsChoices(teacher, late);
    expect(choices.find((c) => c.classId === f.firstClassId)).toBeDefined();
    expect(choices.find((c) => c.classId === f.firstClassId)?.warning).toBe(null);
    expect(choices.find((c) => c.classId === f.classId)?.warning).not.toBe(null);
    const sheet = await loadFinalsPage(
      teacher,
      { classId: f.firstClassId, subjectId: f.subjectId, periodId: f.q2 },
      late,
    );
    expect(sheet.kind).toBe("sheet");
    expect(sheet.kind === "sheet" && sheet.warning).toBe(null);
  });
});

describe("the teacher's list reads rolls and finals only near a period's end (FIN-4, issue 22 item 7)", () => {
  it("no roll or final count is read on a day far from every period's end; the warning near it is unchanged", async () => {
    const teacher = userOf(f.users.teacher, ["TEACHER"]);
    const rollReads = (qs: { text: string }[]) => qs.filter((q) => /"ClassMembership"|"FinalMark"/.test(q.text));
    const early = await counted(() => loadFinalsChoices(teacher, NOW));
    expect(early.result.length).toBeGreaterThan(0);
    expect(early.result.every((c) => c.warning === null)).toBe(true);
    expect(rollReads(early.queries)).toEqual([]);
    const late = await counted(() => loadFinalsChoices(teacher, new Date("2026-12-26T08:00:00.000Z")));
    expect(rollReads(late.queries)).toHaveLength(2);
    // The roll on the period's last day (the movement book's stays), as the warning counts it.
    const q2 = await db.period.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.q2 } },
    });
    const stays = await db.classMembership.findMany({
      where: { organisationId: f.organisationId, classId: f.classId },
    });
    const roll = rollOn(
      stays.map((m) => ({ studentId: m.studentId, start: m.startDate, end: m.endDate })),
      q2.endDate,
    );
    const have = await db.finalMark.count({
      where: {
        organisationId: f.organisationId,
        classId: f.classId,
        subjectId: f.subjectId,
        periodId: f.q2,
        kind: "PERIOD",
      },
    });
    expect(roll - have).toBeGreaterThan(0);
    expect(late.result.find((c) => c.classId === f.classId)?.warning).toBe(
      `2 четверть: Не выставлено итоговых отметок: ${roll - have} (до конца периода 2 дн.)`,
    );
  });
});

describe("new since the last visit (DRY-7)", () => {
  it("nothing is new on the first visit; a mark given between visits is", async () => {
    const s = f.joined; // no marks yet
    const parentUser = f.users.classTeacher; // any user row: the record is per user × student
    // The mark below is saved at NOW: the first visit is an hour before, the next 31 minutes after.
    const t0 = new Date(NOW.getTime() - 3_600_000);
    // As the page does: it reads what is new (the loader never writes), then records the view (POST /diary/<id>/seen).
    const visit = async (at: Date) => {
      const news = await diaryVisitNews(f.organisationId, parentUser, s, at);
      await recordDiaryVisit(f.organisationId, parentUser, s, at);
      return news;
    };
    expect(await diaryVisitNews(f.organisationId, parentUser, s, t0)).toEqual({
      since: null,
      marks: 0,
      homework: 0,
      messages: 0,
    });
    expect(await db.diarySeen.count({ where: { organisationId: f.organisationId, userId: parentUser } })).toBe(0);
    await visit(t0);
    await mark("2026-11-19", s, "5");
    const later = new Date(NOW.getTime() + 31 * 60_000);
    const news = await visit(later);
    expect(news.since?.getTime()).toBe(t0.getTime());
    expect(news.marks).toBe(1);
    // Within the same visit the highlights stay.
    const again = await visit(new Date(later.getTime() + 60_000));
    expect(again.since?.getTime()).toBe(t0.getTime());
  });
});

describe("the student period report (RPT-8)", () => {
  it("the PDF holds the student's name, the subject, marks and absences", async () => {
    const file = await buildReport(
      f.organisationId,
      { report: "student", format: "pdf", studentId: f.students[0], periodId: f.q2 },
      NOW,
    );
    expect(file?.contentType).toBe("application/pdf");
    const pdf = await getDocumentProxy(new Uint8Array(file!.bytes));
    const text = ((await extractText(pdf, { mergePages: true })).text as string).replace(/\s+/g, " ");
    expect(text).toContain("Отчёт об успеваемости и посещаемости ученика");
    expect(text).toContain("Ученик000 Иван");
    expect(text).toContain("Алгебра");
    expect(text).toContain("5 4 5 3");
    expect(text).toContain("4,20");
    expect(text).toMatch(/Всего .*1/);
    // PRN-2: the signature block names the role, not a generic «Подпись».
    expect(text).toContain("Классный руководитель");
  });

  it("the XLSX has the same row for the subject", async () => {
    const file = await buildReport(
      f.organisationId,
      { report: "student", format: "xlsx", studentId: f.students[0], periodId: f.q2 },
      NOW,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file!.bytes as unknown as ArrayBuffer);
    const values = book.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => v !== null && v !== undefined)
      .map(String);
    // PRN-9: the average is a number in the cell (shown «4,20» by its format), not text.
    expect(values).toEqual(expect.arrayContaining(["Алгебра", "5 4 5 3", "4.2"]));
  });

  it("an unknown period gives no report", async () => {
    expect(
      await buildReport(
        f.organisationId,
        { report: "student", format: "pdf", studentId: f.students[0], periodId: f.q2 + 999 },
        NOW,
      ),
    ).toBeNull();
  });
});

describe("college attestation forms (FIN-1, FIN-3)", () => {
  it("labels the semester column with its form and takes зачёт / незачёт for a credit", async () => {
    const c = await createJournalFixture({ students: 1 });
    await db.organisation.update({ where: { id: c.organisationId }, data: { kind: "COLLEGE" } });
    await db.curriculumItem.create({
      data: {
        organisationId: c.organisationId,
        classId: c.classId,
        subjectId: c.subjectId,
        periodId: c.q2,
        hours: 36,
        controlKind: "CREDIT",
      },
    });
    await db.curriculumItem.create({
      data: {
        organisationId: c.organisationId,
        classId: c.classId,
        subjectId: c.subjectId,
        periodId: c.q1,
        hours: 36,
        controlKind: "DIFF_CREDIT",
      },
    });
    const teacher = {
      ...userOf(c.users.teacher, ["TEACHER"]),
      organisationId: c.organisationId,
      orgKind: "COLLEGE",
    } as CurrentUser;
    const page = await loadFinalsPage(teacher, { classId: c.classId, subjectId: c.subjectId, periodId: c.q2 }, NOW);
    if (page.kind !== "sheet") throw new Error("no sheet");
    expect(page.columns.map((col) => [col.label, col.form, col.passFail])).toEqual([
      ["1 четверть", "дифф. зачёт", false],
      ["2 четверть", "зачёт", true],
      ["Итоговая", null, false],
    ]);
    const input = {
      classId: c.classId,
      subjectId: c.subjectId,
      studentId: c.students[0],
      kind: "PERIOD",
      periodId: c.q2,
      version: 0,
    };
    // A credit of a subject marked on the scale proposes «зачёт» from a recommended mark above «2».
    expect((await teacherMark(c, "2026-11-19", c.students[0], "4")).body).toMatchObject({ ok: true });
    const withMark = await loadFinalsPage(teacher, { classId: c.classId, subjectId: c.subjectId, periodId: c.q2 }, NOW);
    expect(withMark.kind === "sheet" && withMark.rows.find((r) => r.studentId === c.students[0])?.proposalText).toBe(
      "з",
    );
    expect(await saveFinal(c.actor(c.users.teacher), { ...input, text: "5" }, NOW)).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await saveFinal(c.actor(c.users.teacher), { ...input, text: "з" }, NOW)).toMatchObject({
      ok: true,
      data: { label: "зачёт" },
    });
    const row = await db.finalMark.findFirstOrThrow({
      where: { organisationId: c.organisationId, studentId: c.students[0], periodId: c.q2 },
    });
    expect(row).toMatchObject({ form: "CREDIT", special: "PASS", value: null });
    expect(await saveFinal(c.actor(c.users.teacher), { ...input, periodId: c.q1, text: "4" }, NOW)).toMatchObject({
      ok: true,
      data: { label: "4" },
    });
  });
});
