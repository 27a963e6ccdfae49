// DRY-7: «new since the last visit» counts the homework created after the visit's «since» on lessons of a
// class the student is still in (a subgroup's lesson only for its members). Issue 22 item 5 (round 18):
// the count starts from the homework created since (an index-only range of Homework (organisationId,
// createdAt, lessonId)) instead of probing Homework for every lesson of the student's classes — the
// figures must stay those of the rule read plainly, through NEW_SINCE and through DIARY_WEEK_PAGE.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NEW_SINCE, newSince } from "@/lib/diary/marks/data";
import { diaryWeekPage } from "@/lib/diary/data";
import { todayIn } from "@/lib/org/time";
import { addLesson, createJournalFixture, day, NOW, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
let g: JournalFixture;
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
/** The moments «since» is tried at: before everything, between the homework's creations, after all. */
const SINCES = [-100, -30, -5, 0, 3, 12, 100].map(at);

/** The rule read plainly through Prisma (the oracle). */
async function homeworkByRule(organisationId: number, studentId: number, since: Date): Promise<number> {
  const [open, groups] = await Promise.all([
    db.classMembership.findMany({ where: { organisationId, studentId, endDate: null }, select: { classId: true } }),
    db.subgroupMember.findMany({ where: { organisationId, studentId }, select: { subgroupId: true } }),
  ]);
  return db.homework.count({
    where: {
      organisationId,
      createdAt: { gt: since },
      lesson: {
        classId: { in: open.map((m) => m.classId) },
        OR: [{ subgroupId: null }, { subgroupId: { in: groups.map((s) => s.subgroupId) } }],
      },
    },
  });
}

async function addHomework(fx: JournalFixture, lessonId: number, createdAt: Date) {
  await db.homework.create({
    data: { organisationId: fx.organisationId, lessonId, text: "Упражнение", createdById: fx.users.teacher, createdAt },
  });
}

beforeAll(async () => {
  [f, g] = await Promise.all([createJournalFixture({ students: 2 }), createJournalFixture({ students: 1 })]);
  const organisationId = f.organisationId;
  const [mine, theirs] = await Promise.all(
    ["1 группа", "2 группа"].map((name) =>
      db.subgroup.create({ data: { organisationId, classId: f.classId, subjectId: f.subjectId, name } }),
    ),
  );
  await db.subgroupMember.createMany({
    data: [
      { organisationId, subgroupId: mine.id, studentId: f.students[0] },
      { organisationId, subgroupId: theirs.id, studentId: f.students[1] },
      { organisationId, subgroupId: mine.id, studentId: f.left },
    ],
  });
  const mineLesson = await addLesson(f, "2026-11-24", mine.id);
  const theirLesson = await addLesson(f, "2026-11-25", theirs.id);
  // Homework created before, between and after the moments tried: the whole class's (past and future
  // lessons), each subgroup's, the first grade's, and another school's at the same moments.
  const made: [number, number][] = [
    [f.lesson("2026-11-06"), -200],
    [f.lesson("2026-11-10"), -20],
    [f.lesson("2026-11-19"), -1],
    [f.lesson("2026-11-20"), 1],
    [f.lesson("2026-11-26"), 5],
    [f.lesson("2026-11-27"), 50],
    [mineLesson, -10],
    [mineLesson, 4],
    [theirLesson, 2],
    [theirLesson, 60],
    [f.firstLesson, 6],
  ];
  for (const [lessonId, hours] of made) await addHomework(f, lessonId, at(hours));
  for (const hours of [-20, 1, 5, 50]) await addHomework(g, g.lesson("2026-11-20"), at(hours));
});

const whom = () => [...f.students, f.joined, f.left, f.home, f.firstGrader];

describe("DRY-7: the homework new since a visit (issue 22 item 5)", () => {
  it("NEW_SINCE counts what the rule read plainly counts, for every student and moment", async () => {
    const got: number[] = [];
    const want: number[] = [];
    for (const studentId of whom())
      for (const since of SINCES) {
        got.push((await newSince(f.organisationId, f.users.teacher, studentId, since)).homework);
        want.push(await homeworkByRule(f.organisationId, studentId, since));
      }
    expect(got).toEqual(want);
    // The cases are not all alike: the subgroups, the class left and the first grade count apart.
    expect(new Set(want).size).toBeGreaterThan(4);
    expect(await newSince(f.organisationId, f.users.teacher, f.students[0], at(-100))).toMatchObject({
      homework: 7,
    });
    expect((await newSince(f.organisationId, f.users.teacher, f.left, at(-100))).homework).toBe(0);
    expect((await newSince(f.organisationId, f.users.teacher, f.firstGrader, at(0))).homework).toBe(1);
  });

  it("DIARY_WEEK_PAGE's counts after the stored visit are the rule's too", async () => {
    const organisationId = f.organisationId;
    const userId = f.users.classTeacher;
    const now = at(200);
    const today = todayIn("Europe/Samara", now);
    const monday = day("2026-11-23");
    for (const studentId of whom())
      for (const since of SINCES) {
        await db.diarySeen.upsert({
          where: { organisationId_userId_studentId: { organisationId, userId, studentId } },
          create: { organisationId, userId, studentId, lastSeenAt: since, sinceAt: since },
          update: { lastSeenAt: since, sinceAt: since },
        });
        const { page } = await diaryWeekPage(
          organisationId,
          userId,
          studentId,
          { roles: ["PARENT"], today, now, announcements: 5 },
          { five: monday, six: monday },
        );
        expect([studentId, since, page.news?.homework]).toEqual([
          studentId,
          since,
          await homeworkByRule(organisationId, studentId, since),
        ]);
      }
  });

  it("reads the homework created since from the Homework (organisationId, createdAt, lessonId) index alone", async () => {
    const sql = NEW_SINCE.sql(f.organisationId, f.users.teacher, f.students[0], at(0));
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Homework"`);
    // The test's tables are tiny: a sequential scan would win there; the bench school's plan is the index's.
    const [, [{ "QUERY PLAN": plan }]] = await db.$transaction([
      db.$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
      db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql.text}`, ...sql.values),
    ]);
    const homework: Record<string, unknown>[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n["Relation Name"] === "Homework") homework.push(n);
      for (const v of Object.values(n)) walk(v);
    };
    walk(plan);
    expect(homework.map((n) => [n["Node Type"], n["Index Name"]])).toEqual([
      ["Index Only Scan", "Homework_organisationId_createdAt_lessonId_idx"],
    ]);
  });
});
