// The journal's hot paths use a fixed number of SQL queries whatever the number of students and
// lessons, and every one of them can be served by an index (ARCHITECTURE "Data", issue 6 item 10).
// Queries are counted at the PostgreSQL driver (pg.Client#query), so BEGIN/COMMIT count too.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { saveCell } from "@/lib/journal/commands";
import { headWithPicker, loadGridPage, loadJournalPicker } from "@/lib/journal/loaders";
import { stepRead, windowRead } from "@/lib/journal/grid-load";
import { gridHead, journalChoices } from "@/lib/journal/data";
import { journalPicker } from "@/lib/journal/grid-reads/data";
import { todayIn } from "@/lib/org/time";
import { listYears } from "@/lib/org/year/data";
import { db } from "@/lib/db";
import { counted } from "../support/pg-queries";
import { sessionUser } from "../support/session-user";
import { addAssignment, createJournalFixture, day, NOW, type JournalFixture } from "./journal-fixture";

function userOf(f: JournalFixture): CurrentUser {
  return sessionUser(f.users.teacher, f.organisationId, {
    login: "teacher",
    fullName: "Соколова Тест",
    shortName: "Соколова Т.",
    roles: ["TEACHER"],
  });
}

/** Two assignments per past lesson and marks for most students, so every table has rows. */
async function fill(f: JournalFixture): Promise<void> {
  const lessons = [...f.lessons.entries()].filter(([iso]) => iso <= "2026-11-20");
  const marks: {
    organisationId: number;
    lessonId: number;
    assignmentId: number;
    studentId: number;
    value: number;
    createdById: number;
    updatedById: number;
  }[] = [];
  const attendance: { organisationId: number; lessonId: number; studentId: number; code: "N"; updatedById: number }[] =
    [];
  for (const [, lessonId] of lessons) {
    for (const typeId of [f.types.answer, f.types.test]) {
      const a = await addAssignment(f, lessonId, typeId);
      f.students.forEach((studentId, i) => {
        if ((i + lessonId) % 3 !== 0)
          marks.push({
            organisationId: f.organisationId,
            lessonId,
            assignmentId: a,
            studentId,
            value: 2 + ((i + a) % 4),
            createdById: f.users.teacher,
            updatedById: f.users.teacher,
          });
      });
    }
    attendance.push({
      organisationId: f.organisationId,
      lessonId,
      studentId: f.students[lessonId % f.students.length],
      code: "N",
      updatedById: f.users.teacher,
    });
  }
  await db.mark.createMany({ data: marks });
  await db.attendance.createMany({ data: attendance, skipDuplicates: true });
  await db.homework.create({
    data: { organisationId: f.organisationId, lessonId: lessons[0][1], text: "№ 1–3", createdById: f.users.teacher },
  });
}

let small: JournalFixture;
let large: JournalFixture;

beforeAll(async () => {
  small = await createJournalFixture({ students: 10, lessons: 17 });
  large = await createJournalFixture({ students: 40, lessons: 30 });
  await fill(small);
  await fill(large);
  const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  await sql.query("ANALYZE");
  await sql.end();
});

const grid = (f: JournalFixture) =>
  loadGridPage(userOf(f), { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 }, NOW);
/** The large grid's page as the journal page reads it: a window of lessons, the rest summed (issue 22 item 4). */
const windowPage = () =>
  loadGridPage(
    userOf(large),
    { classId: large.classId, subjectId: large.subjectId, periodId: large.q2 },
    NOW,
    windowRead(),
  );

describe("a fixed number of queries (issue 6, item 10)", () => {
  it("builds the grid of 10 and of 40 students with the same number of queries", async () => {
    await grid(small);
    await grid(large);
    const a = await counted(() => grid(small));
    const b = await counted(() => grid(large));
    expect(a.result.kind).toBe("grid");
    if (a.result.kind !== "grid" || b.result.kind !== "grid") return;
    expect(a.result.view.students.length).toBeGreaterThanOrEqual(10);
    expect(b.result.view.students.length).toBeGreaterThanOrEqual(40);
    expect(b.result.view.lessons.length).toBeGreaterThan(a.result.view.lessons.length);
    expect(b.queries.length).toBe(a.queries.length);
    // 11 of them are the access gate's facts about the user (lib/access/data.ts).
    expect(a.queries.length).toBeLessThanOrEqual(36);
  });

  it("saves a cell with the same number of queries in both classes", async () => {
    // The lesson already has assignments: address the first one.
    const first = async (f: JournalFixture) =>
      (
        await db.assignment.findFirstOrThrow({
          where: { organisationId: f.organisationId, lessonId: f.lesson("2026-11-19") },
          orderBy: { id: "asc" },
        })
      ).id;
    const put = async (f: JournalFixture, input: string) => {
      const assignmentId = await first(f);
      const m = await db.mark.findUnique({
        where: {
          organisationId_assignmentId_studentId: {
            organisationId: f.organisationId,
            assignmentId,
            studentId: f.students[1],
          },
        },
      });
      return counted(() =>
        saveCell(
          { organisationId: f.organisationId, id: f.users.teacher },
          {
            kind: "mark",
            lessonId: f.lesson("2026-11-19"),
            assignmentId,
            studentId: f.students[1],
            input,
            version: m?.version ?? 0,
          },
          NOW,
        ),
      );
    };
    await put(small, "3");
    await put(large, "3");
    const a = await put(small, "4");
    const b = await put(large, "4");
    expect(a.result.status).toBe(200);
    expect(b.result.status).toBe(200);
    expect(b.queries.length).toBe(a.queries.length);
    expect(a.queries.length).toBeLessThanOrEqual(22);
  });
});

describe("the grid window's statements (issue 22 items 4 and 5)", () => {
  /** The head of the large grid and its 2nd quarter's range (what loadGridPage hands the read). */
  async function setUp() {
    const head = (await gridHead(large.organisationId, large.classId, large.subjectId, NOW))!;
    const q2 = head.periods.find((p) => p.id === large.q2)!;
    const range = { start: q2.start, end: q2.end, periodId: q2.id };
    const today = todayIn(head.timeZone, NOW);
    return { head, range, today };
  }

  it("reads the page's rows — index, class list, types, finals, plan topics, expected absences, the window, the sums — in ONE statement", async () => {
    const { head, range, today } = await setUp();
    const { result, queries } = await counted(() => windowRead().rows(large.organisationId, head, null, range, today));
    expect(result.hidden).toBeDefined();
    expect(result.lessons.length).toBeGreaterThan(0);
    expect(result.memberships.length).toBeGreaterThanOrEqual(40);
    // Round 13: the window is chosen in SQL (GRID_PAGE_ROWS), not from GRID_PERIOD's index in a second round.
    expect(queries.length).toBe(1);
    // The whole page: the gate's facts, the head and that one.
    const page = await counted(windowPage);
    expect(page.queries.length).toBeLessThanOrEqual(5);
  });

  it('reads the range\'s lessons from "Lesson" once: the index, the window and the rest from the same rows (round 16)', async () => {
    const { head, range, today } = await setUp();
    const { queries } = await counted(() => windowRead().rows(large.organisationId, head, null, range, today));
    const [page] = queries;
    const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await sql.connect();
    try {
      const res = await sql.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${page.text}`, page.values);
      // Round 15 read them four times: the index (idx), GRID_PERIOD's index again, and each window and rest lesson by id.
      expect(scansOf(res.rows[0]["QUERY PLAN"], "Lesson")).toBe(1);
    } finally {
      await sql.end();
    }
  });

  it("sends the window's cells and the sums column by column, and reads them back as Prisma reads the same rows (round 18)", async () => {
    const { head, range, today } = await setUp();
    const { result, queries } = await counted(() => windowRead().rows(large.organisationId, head, null, range, today));
    const [page] = queries;
    const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await sql.connect();
    let raw: Record<string, string>;
    try {
      // The json columns as PostgreSQL writes them (not parsed by the driver).
      const res = await sql.query({
        text: page.text,
        values: page.values,
        types: { getTypeParser: () => (v: string) => v },
      });
      raw = res.rows[0] as Record<string, string>;
    } finally {
      await sql.end();
    }
    const lessonIds = result.lessons.map((l) => l.id);
    const marks = await db.mark.findMany({
      where: { organisationId: large.organisationId, lessonId: { in: lessonIds } },
      select: {
        assignmentId: true,
        studentId: true,
        kind: true,
        value: true,
        isHospital: true,
        comment: true,
        version: true,
      },
    });
    const attendance = await db.attendance.findMany({
      where: { organisationId: large.organisationId, lessonId: { in: lessonIds } },
      select: { lessonId: true, studentId: true, code: true, missedHours: true, version: true },
    });
    expect(marks.length).toBeGreaterThan(40);
    // One array per column (7 for a mark), each as long as the rows — not one tuple per mark.
    const columns = JSON.parse(raw.marks) as unknown[][];
    expect(columns.map((c) => c.length)).toEqual(Array(7).fill(marks.length));
    expect((JSON.parse(raw.attendance) as unknown[][]).map((c) => c.length)).toEqual(Array(5).fill(attendance.length));
    expect(JSON.parse(raw.hiddenMarks) as unknown[][]).toHaveLength(6);
    expect(JSON.parse(raw.hiddenAbsences) as unknown[][]).toHaveLength(3);
    const byCell = <T extends { studentId: number }>(xs: T[], col: (x: T) => number) =>
      [...xs].sort((a, b) => col(a) - col(b) || a.studentId - b.studentId);
    expect(byCell(result.marks, (m) => m.assignmentId)).toEqual(byCell(marks, (m) => m.assignmentId));
    expect(byCell(result.attendance, (a) => a.lessonId)).toEqual(
      byCell(
        attendance.map((a) => ({ ...a, missedHours: a.missedHours === null ? null : Number(a.missedHours) })),
        (a) => a.lessonId,
      ),
    );
  });

  it("reads a scroll step in TWO statements", async () => {
    const { head, range, today } = await setUp();
    const first = await windowRead().rows(large.organisationId, head, null, range, today);
    const ids = first.lessons.map((l) => l.id);
    const { result, queries } = await counted(() =>
      stepRead(ids[0], ids[ids.length - 1], "before").rows(large.organisationId, head, null, range, today),
    );
    expect(result.hidden?.before).toBe(0);
    expect(queries.length).toBe(2);
  });
});

describe("the journal page's picker (issue 22)", () => {
  it("is read in the grid head's statement with the grid's rows: the page with its picker takes one statement fewer than the grid alone (items 2 and 4)", async () => {
    const user = userOf(large);
    const alone = await counted(windowPage);
    const beside = headWithPicker(user);
    const together = await counted(async () => {
      const page = await loadGridPage(
        user,
        { classId: large.classId, subjectId: large.subjectId, periodId: large.q2 },
        NOW,
        beside.read,
        beside.head,
      );
      return { page, picker: await beside.picker() };
    });
    // The access version is read once per request in a page (lib/auth/version requestAccessVersion,
    // React's cache); outside a render each gate's call reads it: not counted here.
    const ours = (q: { text: string }[]) => q.filter((x) => !x.text.includes('"AccessVersion"')).length;
    // Round 15 (GRID_PAGE): the head, the picker AND the rows in one statement — one fewer than the grid alone.
    // The whole page besides the access version: that one statement (the gate's targets are kept in the process).
    expect(ours(together.queries)).toBe(ours(alone.queries) - 1);
    expect(ours(together.queries)).toBe(1);
    expect(together.result.page).toEqual(alone.result);
    expect(together.result.picker).toEqual(await loadJournalPicker(user));
    expect(together.result.picker.choices.length).toBeGreaterThan(0);
    // The year tabs' years come in the same statement (issue 22 round 13: listYears' read is gone from the page).
    expect(together.result.picker.years).toEqual(await listYears(large.organisationId));
    expect(together.result.picker.years.length).toBeGreaterThan(0);
    // No journal asked (or none found): no head read, the picker in a statement of its own.
    const none = headWithPicker(user);
    expect((await loadGridPage(user, {}, NOW, windowRead(), none.head)).kind).toBe("none");
    const own = await counted(() => none.picker());
    expect(ours(own.queries)).toBe(1);
    expect(own.result).toEqual(together.result.picker);
    const missing = headWithPicker(user);
    const gone = await loadGridPage(user, { classId: large.classId, subjectId: 999_999 }, NOW, undefined, missing.head);
    expect(gone.kind).toBe("forbidden");
    expect(await missing.picker()).toEqual(together.result.picker);
  });

  it("reads the journals, the substitutions around today and the led clubs in ONE statement, as the reads before it", async () => {
    const f = small;
    const organisationId = f.organisationId;
    const substituted = f.lesson("2026-11-19");
    await db.lesson.update({
      where: { organisationId_id: { organisationId, id: substituted } },
      data: { substituteId: f.users.substitute },
    });
    const club = await db.club.create({
      data: { organisationId, yearId: f.yearId, name: "Шахматы", leaderId: f.users.teacher },
    });
    const own = { all: false, classIds: [], teacherId: f.users.teacher };
    const [from, to] = [day("2026-11-06"), day("2026-11-27")];
    const { result, queries } = await counted(() => journalPicker(organisationId, f.users.teacher, own, from, to));
    expect(queries.length).toBe(1);
    expect(result.choices.length).toBeGreaterThan(0);
    expect(result.choices).toEqual(await journalChoices(organisationId, own));
    const all = { all: true, classIds: [], teacherId: null };
    expect((await journalPicker(organisationId, f.users.deputy, all, from, to)).choices).toEqual(
      await journalChoices(organisationId, all),
    );
    expect(result.clubs).toEqual([{ id: club.id, name: "Шахматы" }]);
    expect(result.substitutions).toEqual([]);
    // REC-3's year tabs: every year of the organisation, newest first, with its status — as listYears.
    await db.academicYear.createMany({
      data: [
        {
          organisationId,
          name: "2024/2025",
          startDate: day("2024-09-01"),
          endDate: day("2025-08-31"),
          status: "CLOSED",
        },
        {
          organisationId,
          name: "2027/2028",
          startDate: day("2027-09-01"),
          endDate: day("2028-08-31"),
          status: "PLANNED",
        },
      ],
    });
    const years = (await journalPicker(organisationId, f.users.teacher, own, from, to)).years;
    expect(years).toEqual(await listYears(organisationId));
    expect(years.map((y) => [y.name, y.status, y.isCurrent])).toEqual([
      ["2027/2028", "PLANNED", false],
      ["2026/2027", "OPEN", true],
      ["2024/2025", "CLOSED", false],
    ]);
    // The substitute (SCH-3): no journals of their own, the lesson they fill within the days asked.
    const none = { all: false, classIds: [], teacherId: null };
    const sub = await journalPicker(organisationId, f.users.substitute, none, from, to);
    expect(sub.choices).toEqual([]);
    expect(sub.clubs).toEqual([]);
    expect(sub.substitutions).toMatchObject([{ id: substituted, date: day("2026-11-19"), bellNumber: 2 }]);
    expect(sub.substitutions[0]?.className).toBeTruthy();
    expect(
      (await journalPicker(organisationId, f.users.substitute, none, day("2026-11-20"), to)).substitutions,
    ).toEqual([]);
  });
});

const TENANT_TABLES = [
  "Lesson",
  "Mark",
  "Attendance",
  "Assignment",
  "Homework",
  "ClassMembership",
  "JournalChange",
  "FinalMark",
  "UnlockRequest",
  "SubgroupMember",
  "Student",
  "PlanTopic",
  "LessonPlan",
  "Period",
  "Subgroup",
  "AssignmentType",
];

/** How many scan nodes of a plan read `table`. */
function scansOf(plan: unknown, table: string): number {
  if (Array.isArray(plan)) return plan.reduce((n: number, p) => n + scansOf(p, table), 0);
  if (!plan || typeof plan !== "object") return 0;
  const node = plan as Record<string, unknown>;
  const own = node["Relation Name"] === table ? 1 : 0;
  return own + Object.values(node).reduce((n: number, v) => n + (typeof v === "object" ? scansOf(v, table) : 0), 0);
}

function seqScans(plan: unknown, out: string[] = []): string[] {
  if (Array.isArray(plan)) plan.forEach((p) => seqScans(p, out));
  else if (plan && typeof plan === "object") {
    const node = plan as Record<string, unknown>;
    if (node["Node Type"] === "Seq Scan" && TENANT_TABLES.includes(String(node["Relation Name"])))
      out.push(String(node["Relation Name"]));
    for (const v of Object.values(node)) if (typeof v === "object") seqScans(v, out);
  }
  return out;
}

describe("indexes (EXPLAIN)", () => {
  it("serves every query of the grid and of a cell save from an index on the journal's tables", async () => {
    const g = await counted(() => grid(large));
    // The grid's window (issue 22 item 4): the lesson index, the window's rows, the rest aggregated.
    const w = await counted(windowPage);
    expect(w.queries.some((q) => q.text.includes('"Mark"') && q.text.includes("GROUP BY"))).toBe(true);
    const assignmentId = (
      await db.assignment.findFirstOrThrow({
        where: { organisationId: large.organisationId, lessonId: large.lesson("2026-11-18") },
      })
    ).id;
    const s = await counted(() =>
      saveCell(
        { organisationId: large.organisationId, id: large.users.teacher },
        {
          kind: "mark",
          lessonId: large.lesson("2026-11-18"),
          assignmentId,
          studentId: large.students[5],
          input: "5",
          version: 999,
        },
        NOW,
      ),
    );
    const selects = [...g.queries, ...w.queries, ...s.queries].filter(
      (q) => /^\s*SELECT/i.test(q.text) && !/FOR (NO KEY )?UPDATE/i.test(q.text),
    );
    expect(selects.length).toBeGreaterThan(10);
    const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await sql.connect();
    try {
      await sql.query("SET enable_seqscan = off");
      const offenders: string[] = [];
      for (const q of selects) {
        const res = await sql.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${q.text}`, q.values);
        const scans = seqScans(res.rows[0]["QUERY PLAN"]);
        if (scans.length) offenders.push(`${scans.join(",")}: ${q.text.slice(0, 160)}`);
      }
      expect(offenders).toEqual([]);
    } finally {
      await sql.end();
    }
  });
});
