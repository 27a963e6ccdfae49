// GET /api/journal/grid (issue 22 item 4, JRN-1, ACL-3): the grid's earlier / later lessons come
// through the journal page's gate — a journal permission, then the class × subject scope — and
// carry exactly the cells of the asked lessons; bad parameters get a 4xx with a Russian message.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { GET } from "@/app/api/journal/grid/route";
import { headWithPicker, loadGridPage } from "@/lib/journal/loaders";
import { firstRange, firstView, mergeWindow, sliceView, type PackedWindow } from "@/lib/journal/grid-window";
import { windowRead } from "@/lib/journal/grid-load";
import { unpackGridView, packGridView } from "@/lib/journal/grid-pack";
import { studentAbsences, studentSummary, type GridView } from "@/lib/journal/grid";
import { counted } from "../support/pg-queries";
import { signInAs } from "../support/session-harness";
import { addAssignment, createJournalFixture, currentUser, NOW, type JournalFixture } from "./journal-fixture";
import { keyedCells } from "../support/grid-cells";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));
vi.mock("next/headers", async (orig) => (await import("../support/session-harness")).nextHeadersMock(orig));

let f: JournalFixture;
let other: JournalFixture;
let ids: number[];

async function ask(
  query: string,
): Promise<{ status: number; body: { ok: boolean; data?: PackedWindow; message?: string } }> {
  const res = await GET(new Request(`http://localhost/api/journal/grid?${query}`));
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: PackedWindow; message?: string } };
}
const q = (fx: JournalFixture, from: number, to: number, dir: string) =>
  `class=${fx.classId}&subject=${fx.subjectId}&period=${fx.q2}&from=${from}&to=${to}&dir=${dir}`;

beforeAll(async () => {
  f = await createJournalFixture({ lessons: 36 });
  other = await createJournalFixture({ lessons: 3 });
  ids = [...f.lessons.values()];
  // A mark in every third lesson for every student; an absence now and then.
  for (const [i, lessonId] of ids.entries()) {
    if (i % 3 !== 0) continue;
    const assignmentId = await addAssignment(f, lessonId);
    await db.mark.createMany({
      data: f.students.map((studentId, r) => ({
        organisationId: f.organisationId,
        lessonId,
        assignmentId,
        studentId,
        value: 2 + ((i + r) % 4),
        createdById: f.users.teacher,
        updatedById: f.users.teacher,
      })),
    });
    await db.attendance.create({
      data: {
        organisationId: f.organisationId,
        lessonId,
        studentId: f.students[i % f.students.length],
        code: "N",
        updatedById: f.users.teacher,
        updatedAt: NOW,
      },
    });
  }
}, 120_000);

describe("GET /api/journal/grid — the grid's lessons on scroll (issue 22 item 4)", () => {
  it("returns exactly the cells of the lessons before the loaded ones, and the rest summed", async () => {
    await signInAs(f.organisationId, f.users.teacher);
    const { status, body } = await ask(q(f, ids[30], ids[35], "before"));
    expect(status).toBe(200);
    const step = body.data!;
    expect(step.lessons.map((l) => l[0])).toEqual(ids.slice(5, 30));
    expect(step.hidden).toMatchObject({ before: 5, after: 0 });

    // Laid over the loaded lessons, the step gives the period's view of those lessons exactly.
    const page = await loadGridPage(currentUser(f, f.users.teacher, ["TEACHER"]), {
      classId: f.classId,
      subjectId: f.subjectId,
      periodId: f.q2,
    });
    if (page.kind !== "grid") throw new Error("no grid");
    const full = page.view;
    const merged = mergeWindow(sliceView(full, 30, 36), step, "before");
    const expected = sliceView(full, 5, 36);
    expect(merged.lessons.map((l) => l.id)).toEqual(ids.slice(5));
    expect(merged.marks).toEqual(expected.marks);
    expect(merged.attendance).toEqual(expected.attendance);
    expect(merged.students.map((s) => s.cells)).toEqual(expected.students.map((s) => s.cells));

    // …and those are the database's marks of lessons 6–30, none of the lessons outside.
    const stored = await db.mark.findMany({
      where: { organisationId: f.organisationId, lessonId: { in: ids.slice(5, 30) } },
      select: { assignmentId: true, studentId: true, value: true },
    });
    const inStep = Object.keys(
      keyedCells(mergeWindow({ ...full, lessons: [], marks: new Map(), attendance: new Map() }, step, "before").marks),
    );
    expect(inStep.sort()).toEqual(stored.map((m) => `${m.assignmentId}:${m.studentId}`).sort());
    expect(stored.length).toBeGreaterThan(0);

    const after = await ask(q(f, ids[0], ids[10], "after"));
    expect(after.status).toBe(200);
    expect(after.body.data!.lessons.map((l) => l[0])).toEqual(ids.slice(11, 36));
    expect(after.body.data!.hidden).toMatchObject({ before: 0, after: 0 });
  });

  it("refuses another teacher's class and another organisation's journal (403, Russian)", async () => {
    await signInAs(f.organisationId, f.users.other);
    const foreign = await ask(q(f, ids[30], ids[35], "before"));
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toMatch(/[а-яё]/i);
    expect(foreign.body.data).toBeUndefined();

    // The other organisation's teacher, with this organisation's ids; this teacher, with the other's.
    await signInAs(other.organisationId, other.users.teacher);
    expect((await ask(q(f, ids[30], ids[35], "before"))).status).toBe(403);
    await signInAs(f.organisationId, f.users.teacher);
    const theirs = [...other.lessons.values()];
    const cross = await ask(q(other, theirs[1], theirs[2], "before"));
    expect(cross.status).toBe(403);
    expect(cross.body.data).toBeUndefined();
  });

  it("answers bad parameters with a 4xx and a Russian message", async () => {
    await signInAs(f.organisationId, f.users.teacher);
    for (const query of [
      q(f, ids[30], ids[35], "sideways"),
      `subject=${f.subjectId}&from=${ids[1]}&to=${ids[2]}&dir=before`,
      q(f, ids[30], ids[35], "before").replace(`from=${ids[30]}`, "from=x'--"),
      q(f, ids[30], ids[35], "before").replace(`to=${ids[35]}`, "to=1e309"),
    ]) {
      const { status, body } = await ask(query);
      expect(status, query).toBe(400);
      expect(body.message).toMatch(/[а-яё]/i);
    }
    // A lesson the period does not hold (another organisation's, or the loaded range reversed): 404.
    const theirs = [...other.lessons.values()];
    for (const query of [q(f, theirs[0], ids[35], "before"), q(f, ids[35], ids[30], "after")]) {
      const { status, body } = await ask(query);
      expect(status, query).toBe(404);
      expect(body.message).toMatch(/обновите страницу/);
    }
  });
});

describe("the grid reads only its window (issue 22 item 4)", () => {
  const teacher = () => currentUser(f, f.users.teacher, ["TEACHER"]);
  const req = () => ({ classId: f.classId, subjectId: f.subjectId, periodId: f.q2 });
  const grid = async (read?: ReturnType<typeof windowRead>) => {
    const page = await loadGridPage(teacher(), req(), NOW, read);
    if (page.kind !== "grid") throw new Error("no grid");
    return page.view;
  };
  const figures = (v: GridView) =>
    v.students.map((s) => ({ ...studentSummary(v, s.id), absences: studentAbsences(v, s.id) }));

  beforeAll(async () => {
    // Every kind the figures take, on both sides of the windows below: a control work (weight 2),
    // a hospital mark, «зачёт», a debt, absences with missed hours and ОП (not an absence).
    const [a, b] = [await addAssignment(f, ids[1], f.types.test), await addAssignment(f, ids[33], f.types.test)];
    const mark = (assignmentId: number, lessonId: number, studentId: number, extra: object) => ({
      organisationId: f.organisationId,
      lessonId,
      assignmentId,
      studentId,
      createdById: f.users.teacher,
      updatedById: f.users.teacher,
      ...extra,
    });
    await db.mark.createMany({
      data: [
        mark(a, ids[1], f.students[0], { value: 5 }),
        mark(a, ids[1], f.students[1], { value: 4, isHospital: true }),
        mark(a, ids[1], f.students[2], { kind: "PASS", value: null }),
        mark(b, ids[33], f.students[0], { kind: "DEBT", value: null }),
        mark(b, ids[33], f.students[1], { value: 3, isHospital: true }),
      ],
    });
    const absence = (lessonId: number, studentId: number, code: "B" | "OP" | "UP", missedHours: number | null) => ({
      organisationId: f.organisationId,
      lessonId,
      studentId,
      code,
      missedHours,
      updatedById: f.users.teacher,
      updatedAt: NOW,
    });
    await db.attendance.createMany({
      data: [
        absence(ids[2], f.students[3], "B", 0.5),
        absence(ids[2], f.students[4], "OP", null),
        absence(ids[34], f.students[3], "UP", 1.5),
        absence(ids[34], f.students[4], "OP", 1),
      ],
      skipDuplicates: true,
    });
  });

  it("the page holds the window of the whole period's view, the rest summed exactly as the whole view sums it", async () => {
    const whole = await grid();
    expect(whole.lessons.length).toBe(36);
    for (const lessonId of [undefined, ids[30], ids[2]]) {
      const windowed = await grid(windowRead(lessonId));
      expect(windowed.hidden, String(lessonId)).toBeDefined();
      expect(windowed, String(lessonId)).toEqual(firstView(whole, lessonId));
      expect(figures(windowed)).toEqual(figures(whole));
    }
  });

  it("picks in SQL the window firstRange picks: each lesson asked, none, one of another journal, any today (round 13)", async () => {
    const whole = await grid();
    const index = whole.lessons.map((l) => ({ id: l.id, date: l.date }));
    const elsewhere = [...other.lessons.values()][0];
    for (const now of [new Date("2026-08-20T09:00:00Z"), NOW, new Date("2027-07-01T09:00:00Z")]) {
      for (const lessonId of [undefined, ...ids, elsewhere]) {
        const page = await loadGridPage(teacher(), req(), now, windowRead(lessonId));
        if (page.kind !== "grid") throw new Error("no grid");
        const window = firstRange(index, page.view.today, lessonId)!;
        const label = `${page.view.today} ${lessonId}`;
        expect(
          page.view.lessons.map((l) => l.id),
          label,
        ).toEqual(index.slice(...window).map((l) => l.id));
        expect([page.view.hidden?.before, page.view.hidden?.after], label).toEqual([
          window[0],
          index.length - window[1],
        ]);
      }
    }
  });

  it("reads the page's rows in the head's statement for the range gridPage's own rule gives: every today, period asked, closed year, no periods (round 15)", async () => {
    const user = teacher();
    const elsewhere = other.q2;
    const todays = [
      "2026-08-20",
      "2026-09-01",
      "2026-10-01",
      "2026-10-24",
      "2026-10-30",
      "2026-11-05",
      "2026-11-20",
      "2026-12-28",
      "2027-01-10",
      "2027-07-01",
    ];
    const cases: string[] = [];
    const check = async (label: string) => {
      for (const iso of todays) {
        const now = new Date(`${iso}T08:00:00.000Z`);
        for (const periodId of [undefined, f.q1, f.q2, elsewhere]) {
          for (const lessonId of [undefined, ids[20]]) {
            const ask = { classId: f.classId, subjectId: f.subjectId, periodId, lessonId };
            const name = `${label} ${iso} ${periodId} ${lessonId}`;
            // The reference: the head, then the rows of the range gridPage computes (GRID_PAGE_ROWS).
            const alone = await loadGridPage(user, ask, now, windowRead(lessonId));
            const beside = headWithPicker(user, lessonId);
            const { result, queries } = await counted(() => loadGridPage(user, ask, now, beside.read, beside.head));
            expect(result, name).toEqual(alone);
            // The rows come in GRID_PAGE alone: a pick SQL makes differently from gridPage's would read them again.
            expect(queries.filter((x) => x.text.includes("row_number() OVER")).length, name).toBe(1);
            expect(queries.filter((x) => x.text.includes('"rangeStart"')).length, name).toBe(1);
            cases.push(name);
          }
        }
      }
    };
    await check("open");
    const year = { organisationId_id: { organisationId: f.organisationId, id: f.yearId } };
    await db.academicYear.update({ where: year, data: { status: "CLOSED" } });
    try {
      await check("closed");
    } finally {
      await db.academicYear.update({ where: year, data: { status: "OPEN" } });
    }
    // A class whose period kind has no periods: today alone.
    await db.classGroup.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.classId } },
      data: { periodKind: "TRIMESTER" },
    });
    try {
      await check("none");
    } finally {
      await db.classGroup.update({
        where: { organisationId_id: { organisationId: f.organisationId, id: f.classId } },
        data: { periodKind: "QUARTER" },
      });
    }
    expect(cases.length).toBe(3 * 10 * 4 * 2);
  });

  it("a scroll step reads its own lessons' cells only — never the period's again — and the figures stay the period's", async () => {
    await signInAs(f.organisationId, f.users.teacher);
    const whole = await grid();
    let view = unpackGridView(packGridView(await grid(windowRead(ids[30]))));
    expect(view.lessons.map((l) => l.id)).toEqual(ids.slice(11));
    const { result, queries } = await counted(() => ask(q(f, ids[11], ids[35], "before")));
    expect(result.status).toBe(200);
    const stepIds = ids.slice(0, 11);
    expect(result.body.data!.lessons.map((l) => l[0])).toEqual(stepIds);
    // Marks and attendance are read by one statement, bound to the step's lessons.
    const cells = queries.filter((x) => /"(Mark|Attendance)"/.test(x.text));
    expect(cells.length).toBe(1);
    expect(cells[0].values).toContainEqual(stepIds);
    expect(cells[0].text).toMatch(/ANY\(/);

    view = mergeWindow(view, result.body.data!, "before");
    expect(view.lessons.map((l) => l.id)).toEqual(ids);
    expect(view.marks).toEqual(whole.marks);
    expect(view.attendance).toEqual(whole.attendance);
    expect(view.hidden).toEqual({ before: 0, after: 0, sums: {} });
    expect(figures(view)).toEqual(figures(whole));
  });
});
