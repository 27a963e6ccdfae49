// `/control`'s stored past days (CTL-1, DUT-1; issue 22 item 7; lib/control/store/data.ts) against a real
// PostgreSQL: the page's two statements — FILL_ROWS (CTL-1's rows) and TEACHER_SHARES (DUT-1's shares) —
// read from the store equal the all-live computation after each kind of change made AFTER the worker's
// store and before its next run: a late mark, a topic, attendance, a lesson moved out of one stored day
// into another, a lesson deleted, a substitution, an assignment carried to a stored day, the class made a
// first grade (marks no longer required), lockDays and the deadline changed; the teacher's load changed. Each change is checked to change the live figures, so a store
// that missed it would differ; and a store run right after the previous one re-stores nothing, so the
// stored days are really read.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { FILL_ROWS } from "@/lib/control/data";
import { TEACHER_SHARES } from "@/lib/control/deadline/data";
import { shareRanges, sharesFrom } from "@/lib/control/deadline/rules";
import { lastClosedDay, runFillStore } from "@/lib/region/fill-store";
import { storeControlDays } from "@/lib/control/store/mutations";
import { controlValidSql } from "@/lib/control/store/data";
import { saveCell } from "@/lib/journal/commands";
import { writeAssignment, writeLessonTopic } from "@/lib/journal/lesson/mutations";
import { addAssignment, addLesson, createJournalFixture, day, type JournalFixture } from "./journal-fixture";
import { openAndHalfFill, settleSince, withThreeChanges } from "./store-fixture";

let f: JournalFixture;
let zone = "";
let minutes = 0;
let lateColumn = 0;
let secondLesson = 0;

/**
 * The writes since the last store stamped just after its watermark (an hour ago before the first): as if
 * made before the next run's margin (lib/control/store/data.ts STORE_MARGIN_MS) yet after the last run's.
 */
async function settle() {
  const last = await db.controlStore.findUnique({ where: { organisationId: f.organisationId } });
  await settleSince(f.organisationId, last?.storedAt);
}

/** The worker's run at the clock (the last closed day from the organisation's settings). */
async function store(): Promise<number> {
  const now = new Date();
  const settings = await db.organisationSettings.findUnique({ where: { organisationId: f.organisationId } });
  const m = settings?.fillDeadlineMinutes ?? minutes;
  return storeControlDays(f, lastClosedDay(now, zone, m), now);
}

const today = () => {
  const iso = new Date().toLocaleDateString("en-CA", { timeZone: zone });
  return day(iso);
};

/** Both statements for several ranges, days and scopes, with the store or all live. */
async function figures(useStore: boolean) {
  const now = new Date();
  const ranges = [
    [day("2026-11-01"), day("2026-11-20")],
    [day("2026-11-21"), today()],
    [day("2026-11-01"), today()],
  ];
  const fill = [];
  for (const [from, to] of ranges)
    for (const q of [
      { from, to, classIds: null },
      { from, to, classIds: new Set([f.classId]), teacherId: f.users.substitute },
    ]) {
      const rows = await FILL_ROWS.run(db, f.organisationId, q, now, useStore);
      fill.push(rows.sort((a, b) => a.teacherId - b.teacherId || a.classId - b.classId || a.subjectId - b.subjectId));
    }
  const shares = [];
  for (const d of [day("2026-11-20"), day("2026-11-27"), today()]) {
    const r = shareRanges(d);
    for (const classIds of [null, new Set([f.classId])]) {
      const rows = await TEACHER_SHARES.run(
        db,
        f.organisationId,
        { from: sharesFrom(d), to: d, classIds },
        { day: d, weekFrom: r.week[0], monthFrom: r.month[0] },
        now,
        useStore,
      );
      shares.push(rows.sort((a, b) => (a.teacherId ?? 0) - (b.teacherId ?? 0)));
    }
  }
  return { fill, shares };
}

/**
 * The worker stores (a second run stores nothing: every stored class-day is read); `change` runs; the
 * live figures moved and the store's equal them.
 */
async function afterChange(label: string, change: () => Promise<unknown>) {
  await settle();
  expect(await store(), label).toBeGreaterThanOrEqual(0);
  expect(await store(), `${label}: the second run`).toBe(0);
  const before = await figures(false);
  expect(await figures(true), `${label}: before`).toEqual(before);
  const out = await change();
  if (process.env.DEBUG_STORE)
    console.log(
      label,
      JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? String(v) : v)),
    );
  const live = await figures(false);
  expect(live, `${label}: the change shows`).not.toEqual(before);
  expect(await figures(true), label).toEqual(live);
}

beforeAll(async () => {
  f = await createJournalFixture({ students: 3, lessons: 25 });
  const o = await db.organisation.findUniqueOrThrow({
    where: { id: f.organisationId },
    select: { timeZone: true, settings: { select: { fillDeadlineMinutes: true } } },
  });
  zone = o.timeZone;
  minutes = o.settings?.fillDeadlineMinutes ?? 16 * 60;
  lateColumn = await addAssignment(f, f.lesson("2026-11-10"));
  // A second lesson on 17.11: deleting it leaves the class-day with one (the stored count differs).
  secondLesson = await addLesson(f, "2026-11-17");
  await openAndHalfFill(f, zone);
}, 120_000);

describe("/control's stored past days equal the live computation (CTL-1, DUT-1, issue 22 item 7)", () => {
  it("after each change made between two runs of the worker", async () => {
    const organisationId = f.organisationId;
    const teacher = { organisationId, userId: f.users.teacher, now: new Date() };
    const lessonOf = (iso: string) => f.lesson(iso);

    await afterChange("a mark added late", () =>
      saveCell(
        f.actor(f.users.teacher),
        {
          kind: "mark",
          lessonId: lessonOf("2026-11-10"),
          assignmentId: lateColumn,
          studentId: f.students[1],
          input: "5",
          version: 0,
        },
        new Date(),
      ),
    );
    await afterChange("a topic filled", async () => {
      const l = await db.lesson.findUniqueOrThrow({
        where: { organisationId_id: { organisationId, id: lessonOf("2026-11-06") } },
        select: { version: true },
      });
      expect(
        await writeLessonTopic({
          ...teacher,
          now: new Date(),
          lessonId: lessonOf("2026-11-06"),
          version: l.version,
          topic: "Поздняя тема",
          content: null,
          planTopicId: null,
          hours: null,
        }),
      ).toBe("ok");
    });
    await afterChange("attendance written", () =>
      saveCell(f.actor(f.users.teacher), { kind: "allPresent", lessonId: lessonOf("2026-11-12") }, new Date()),
    );
    await afterChange("a lesson moved out of a stored day into another", () =>
      db.lesson.update({
        where: { organisationId_id: { organisationId, id: lessonOf("2026-11-13") } },
        data: { date: day("2026-11-26") },
      }),
    );
    await afterChange("a lesson deleted", () =>
      db.lesson.delete({ where: { organisationId_id: { organisationId, id: secondLesson } } }),
    );
    await afterChange("a substitution", () =>
      db.lesson.updateMany({
        where: { organisationId, id: lessonOf("2026-11-19") },
        data: { substituteId: f.users.substitute },
      }),
    );
    await afterChange("an assignment carried to a stored day", async () => {
      // set on 23.11 (filled), due on 25.11 (filled on time, now missing its marks)
      expect(
        await writeAssignment({
          ...teacher,
          now: new Date(),
          lessonId: lessonOf("2026-11-23"),
          assignmentId: null,
          fields: { typeId: f.types.test, description: "К среде", weight: null, dueDate: day("2026-11-25") },
        }),
      ).toBe("ok");
    });
    await afterChange("the class's marks no longer required (made a first grade)", () =>
      db.classGroup.update({
        where: { organisationId_id: { organisationId, id: f.classId } },
        data: { grade: 1 },
      }),
    );
    // Ten years: the marks saved at the clock on November's lessons stop being late whatever day the test runs.
    await afterChange("lockDays changed", () =>
      db.organisationSettings.update({ where: { organisationId }, data: { lockDays: 3650 } }),
    );
    await afterChange("the deadline changed", () =>
      db.organisationSettings.update({ where: { organisationId }, data: { fillDeadlineMinutes: 9 * 60 } }),
    );
  }, 120_000);

  it("does not read the teachers' loads: a load changed leaves stored and live figures equal", async () => {
    await settle();
    await store();
    const load = await db.teacherLoad.findFirst({ where: { organisationId: f.organisationId } });
    if (load)
      await db.teacherLoad.update({
        where: { organisationId_id: { organisationId: f.organisationId, id: load.id } },
        data: { teacherId: f.users.other },
      });
    expect(await figures(true)).toEqual(await figures(false));
  });

  it("is filled by the worker's daily step, once per closed day (its own claim beside REG-2's FillDay)", async () => {
    const organisationId = f.organisationId;
    await db.controlStore.deleteMany({ where: { organisationId } });
    await db.controlDay.deleteMany({ where: { organisationId } });
    const now = new Date();
    await runFillStore(now);
    const first = await db.controlStore.findUniqueOrThrow({ where: { organisationId } });
    expect(await db.controlDay.count({ where: { organisationId } })).toBeGreaterThan(0);
    await runFillStore(new Date(now.getTime() + 60_000));
    expect((await db.controlStore.findUniqueOrThrow({ where: { organisationId } })).storedAt).toEqual(first.storedAt);
    expect(await figures(true)).toEqual(await figures(false));
  });

  it("more journal changes after the watermark than STORE_MAX_CHANGES: every class-day live (round 23)", async () => {
    const organisationId = f.organisationId;
    await settle();
    await store();
    const { from, to } = { from: day("2026-11-01"), to: today() };
    const validCount = async (maxChanges?: number) => {
      const [row] = await db.$queryRaw<{ n: bigint }[]>`
        WITH ${controlValidSql(organisationId, from, to, new Date(), true, maxChanges)} SELECT count(*) AS n FROM valid`;
      return Number(row.n);
    };
    const stored = await validCount();
    expect(stored).toBeGreaterThan(0);
    await withThreeChanges(f, async () => {
      expect(await validCount(3)).toBe(stored);
      expect(await validCount(2)).toBe(0);
      expect(await figures(true)).toEqual(await figures(false));
    });
  });

  it("an organisation without a store gets the live answer", async () => {
    await db.controlStore.deleteMany({ where: { organisationId: f.organisationId } });
    expect(await figures(true)).toEqual(await figures(false));
    expect(await db.controlDay.count({ where: { organisationId: f.organisationId } })).toBeGreaterThan(0);
  });
});
