// The daily deadline (DUT-1) against PostgreSQL with a moved clock and two time zones: a Samara
// school (UTC+4) and one at UTC+10 (Asia/Vladivostok). A lesson counts as filled when its topic,
// the register, homework (or «не задано», DUT-6) and the marks of the assignments due that day are
// in; filled at 15:59 local it is on time, at 16:01 late. The reminder goes at 15:00 local — not at
// 14:59 — to exactly the teachers with unfilled lessons of the day, once: not again a minute later,
// not again after a restart (a fresh step finds the day taken), not twice from two worker processes.
// Absences entered by the class teacher (DUT-3) do not take the register for the teacher.
import { spawn } from "node:child_process";
import { createECDH, randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import { writeHomework, writeHomeworkMarker, writeLessonTopic } from "@/lib/journal/lesson/mutations";
import { recordAbsence } from "@/lib/absences/commands";
import { lessonFills } from "@/lib/control/deadline/data";
import {
  deadlineAt,
  deadlineText,
  fillStatus,
  missingParts,
  sharesFrom,
  teacherShares,
} from "@/lib/control/deadline/rules";
import { remindOrganisation, runDeadlineReminders } from "@/lib/control/deadline/commands";
import { allDeadlines, deadlineSettings, fillNames, LESSON_FILLS } from "@/lib/control/deadline/data";
import { saveSubscription } from "@/lib/push/mutations";
import { runJobStep } from "@/lib/reports/jobs/worker";
import { loadMyDeadline } from "@/lib/control/deadline/loaders";
import { deadlineFigures, figuresOf } from "@/lib/control/deadline/report";
import { counted } from "../support/pg-queries";
import type { CurrentUser } from "@/lib/auth/session";
import { addAssignment, createJournalFixture, day, type JournalFixture } from "./journal-fixture";
import { startPushEndpoint, type PushEndpoint } from "../support/push-fixture";

const ROOT = path.resolve(__dirname, "../..");
const D = day("2026-11-20");
/** An instant at a local wall time of D in a zone with a whole-hour offset. */
const local = (offsetHours: number, hh: number, mm: number) => new Date(Date.UTC(2026, 10, 20, hh - offsetHours, mm));
const samara = (hh: number, mm = 0) => local(4, hh, mm);
const vlad = (hh: number, mm = 0) => local(10, hh, mm);

type World = { f: JournalFixture; lessons: Record<"teacher" | "other" | "substitute" | "classTeacher", number> };

/** Four teachers with a lesson each on D in 7А (bells 2–5). */
async function world(timeZone: string, lessons?: number): Promise<World> {
  const f = await createJournalFixture({ students: 3, lessons });
  await db.organisation.update({ where: { id: f.organisationId }, data: { timeZone } });
  const mk = async (teacherId: number, bell: number) =>
    (
      await db.lesson.create({
        data: {
          organisationId: f.organisationId,
          classId: f.classId,
          subjectId: f.subjectId,
          teacherId,
          date: D,
          bellNumber: bell,
        },
      })
    ).id;
  return {
    f,
    lessons: {
      teacher: f.lesson("2026-11-20"),
      other: await mk(f.users.other, 3),
      substitute: await mk(f.users.substitute, 4),
      classTeacher: await mk(f.users.classTeacher, 5),
    },
  };
}

/** Everything a lesson needs, saved at `at`: topic, the register, homework (or the marker) and a mark. */
async function fill(
  w: World,
  lessonId: number,
  userId: number,
  at: Date,
  opts: { marker?: boolean; noMark?: boolean } = {},
) {
  const organisationId = w.f.organisationId;
  const lesson = await db.lesson.findUniqueOrThrow({
    where: { organisationId_id: { organisationId, id: lessonId } },
    select: { version: true },
  });
  const who = { organisationId, userId, now: at };
  expect(
    await writeLessonTopic({
      ...who,
      lessonId,
      version: lesson.version,
      topic: "Уравнения",
      content: null,
      planTopicId: null,
      hours: null,
    }),
  ).toBe("ok");
  const actor = { organisationId, id: userId };
  expect((await saveCell(actor, { kind: "allPresent", lessonId }, at)).body.ok).toBe(true);
  if (opts.marker) expect(await writeHomeworkMarker({ ...who, lessonId, marker: "NOT_GIVEN" })).toBe("ok");
  else
    expect(
      await writeHomework({ ...who, lessonId, version: 0, text: "№ 1–3", dueDate: null, files: [], removeFileIds: [] }),
    ).toBe("ok");
  if (opts.noMark) return;
  const assignmentId = await addAssignment(w.f, lessonId);
  const mark = await saveCell(
    actor,
    { kind: "mark", lessonId, assignmentId, studentId: w.f.students[0], input: "5", version: 0 },
    at,
  );
  expect(mark.body.ok).toBe(true);
}

let sam: World;
let vla: World;
let push: PushEndpoint;
let pushOrigin = "";

beforeAll(async () => {
  // The lesson saves read the server's clock only through `now`; Date itself is the school's afternoon.
  vi.useFakeTimers({ toFake: ["Date"], now: samara(12) });
  process.env.VAPID_FILE = path.join(await mkdtemp(path.join(tmpdir(), "ej-vapid-")), "vapid.json");
  push = await startPushEndpoint();
  pushOrigin = push.origin;
  sam = await world("Europe/Samara");
  vla = await world("Asia/Vladivostok");
});

afterAll(async () => {
  vi.useRealTimers();
  await push.close();
});

describe("filled by the deadline (DUT-1)", () => {
  it("a lesson filled at 15:59 local is on time, at 16:01 late — in Samara and at UTC+10", async () => {
    for (const [w, at, zone] of [
      [sam, samara, "Europe/Samara"],
      [vla, vlad, "Asia/Vladivostok"],
    ] as const) {
      await fill(w, w.lessons.teacher, w.f.users.teacher, at(15, 59));
      await fill(w, w.lessons.other, w.f.users.other, at(16, 1));
      const fills = await lessonFills(w.f.organisationId, { from: D, to: D, classIds: null });
      const deadline = deadlineAt(D, 16 * 60, zone);
      expect(deadline).toEqual(at(16, 0));
      const status = (id: number) =>
        fillStatus(
          fills.find((l) => l.lessonId === id)!,
          deadline,
          at(17, 0),
        );
      expect(status(w.lessons.teacher)).toBe("onTime");
      expect(status(w.lessons.other)).toBe("late");
      expect(status(w.lessons.substitute)).toBe("missed");
      // Before the deadline an unfilled lesson is not yet due.
      expect(
        fillStatus(
          fills.find((l) => l.lessonId === w.lessons.substitute)!,
          deadline,
          at(15, 30),
        ),
      ).toBe("open");
    }
  });

  it("counts each part: the register taken by a class teacher's absence does not count, «не задано» does (DUT-3, DUT-6)", async () => {
    const w = sam;
    // The class teacher records a pupil's absence on the substitute's lesson (register not taken).
    const absent = await recordAbsence(
      { organisationId: w.f.organisationId, id: w.f.users.classTeacher, timeZone: "Europe/Samara" },
      {
        studentId: w.f.students[2],
        dateFrom: D,
        dateTo: D,
        reason: "B",
        documentKind: "справка медицинской организации",
      },
      null,
      samara(17, 5),
    );
    expect(absent.ok).toBe(true);
    let fills = await lessonFills(w.f.organisationId, { from: D, to: D, classIds: null });
    expect(missingParts(fills.find((l) => l.lessonId === w.lessons.substitute)!)).toEqual([
      "topic",
      "attendance",
      "homework",
    ]);
    // An assignment without marks keeps a lesson unfilled; «не задано» stands for homework.
    await fill(w, w.lessons.classTeacher, w.f.users.classTeacher, samara(17, 10), { marker: true });
    await addAssignment(w.f, w.lessons.classTeacher);
    fills = await lessonFills(w.f.organisationId, { from: D, to: D, classIds: null });
    expect(missingParts(fills.find((l) => l.lessonId === w.lessons.classTeacher)!)).toEqual(["marks"]);
  });

  it("gives each teacher's share by day, week and month", async () => {
    const w = sam;
    const deadline = deadlineAt(D, 16 * 60, "Europe/Samara");
    const fills = await lessonFills(w.f.organisationId, { from: day("2026-11-01"), to: D, classIds: null });
    const shares = teacherShares(
      fills.map((l) => ({
        teacherId: l.teacherId,
        date: l.date,
        status: fillStatus(l, deadlineAt(l.date, 16 * 60, "Europe/Samara"), samara(18)),
      })),
      D,
    );
    const of = (id: number) => shares.find((s) => s.teacherId === id)!;
    expect(of(w.f.users.teacher).day).toEqual({ onTime: 1, due: 1 });
    // The teacher's earlier lessons of November were never filled: 7А on the weekdays 5.11–19.11
    // (11, of them 16.11–19.11 in the week) and 1А on 19.11.
    expect(of(w.f.users.teacher).week).toEqual({ onTime: 1, due: 6 });
    expect(of(w.f.users.teacher).month).toEqual({ onTime: 1, due: 13 });
    expect(of(w.f.users.other).day).toEqual({ onTime: 0, due: 1 });
    expect(deadline.toISOString()).toBe("2026-11-20T12:00:00.000Z");
  });

  it("reads the control page's shares in constant statements, the names of teachers only (issue 22 item 7)", async () => {
    const w = sam;
    const { result, queries } = await counted(() =>
      deadlineFigures(w.f.organisationId, { day: D, classIds: null }, samara(18)),
    );
    expect(result.rows.find((r) => r.teacherId === w.f.users.teacher)?.day.due).toBe(1);
    // the shares counted per teacher with the deadline and the names: one statement (TEACHER_SHARES; two before)
    expect(queries.length).toBe(1);
    expect(queries.some((q) => /FROM "public"\."(ClassGroup|Subject)"/.test(q.text))).toBe(false);
    // The names and the deadline are those of the model reads they replace.
    expect(result.rows.length).toBeGreaterThan(1);
    const names = await fillNames(w.f.organisationId, {
      teachers: result.rows.map((r) => r.teacherId),
      classes: [],
      subjects: [],
    });
    expect(result.rows.map((r) => r.teacher)).toEqual(result.rows.map((r) => names.teachers.get(r.teacherId)));
    expect(result.deadline).toBe(deadlineText((await deadlineSettings(w.f.organisationId)).minutes));
  });

  it("finds each due assignment's first mark as one entry of Mark (organisationId, assignmentId, createdAt) (issue 22 item 7)", async () => {
    const w = sam;
    const sql = LESSON_FILLS.sql(w.f.organisationId, { from: day("2026-11-01"), to: D, classIds: null });
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Mark"`);
    // The test's tables are tiny: a sequential scan would win there; the bench school's plan is the index's.
    const [, [{ "QUERY PLAN": plan }]] = await db.$transaction([
      db.$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
      db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql.text}`, ...sql.values),
    ]);
    const marks: Record<string, unknown>[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n["Relation Name"] === "Mark") marks.push(n);
      for (const v of Object.values(n)) walk(v);
    };
    walk(plan);
    expect(marks.map((n) => [n["Node Type"], n["Index Name"]])).toEqual([
      ["Index Only Scan", "Mark_organisationId_assignmentId_createdAt_idx"],
    ]);
  });
});

/**
 * DUT-1's shares by the JS rule — the oracle TEACHER_SHARES is held to: each held lesson's fill
 * facts (LESSON_FILLS), its status by fillStatus at the deadline of its date, counted by teacherShares,
 * named, ordered and summed as the control page shows them.
 */
async function sharesByRule(
  organisationId: number,
  q: { day: Date; classIds: ReadonlySet<number> | null; teacherId?: number },
  now: Date,
) {
  const scope = { from: sharesFrom(q.day), to: q.day, classIds: q.classIds, teacherId: q.teacherId };
  const [settings, fills] = await Promise.all([deadlineSettings(organisationId), lessonFills(organisationId, scope)]);
  const shares = teacherShares(
    fills.map((l) => ({
      teacherId: l.teacherId,
      date: l.date,
      status: fillStatus(l, deadlineAt(l.date, settings.minutes, settings.timeZone), now),
    })),
    q.day,
  );
  const names = await fillNames(organisationId, {
    teachers: shares.map((s) => s.teacherId),
    classes: [],
    subjects: [],
  });
  return figuresOf(
    q.day,
    settings.minutes,
    shares.map((s) => ({ ...s, teacher: names.teachers.get(s.teacherId) ?? "—" })),
  );
}

describe("the shares counted in PostgreSQL (TEACHER_SHARES) equal the JS rule (DUT-1, issue 22 item 7)", () => {
  it("over five weeks of mixed fills, at several days, clocks and scopes", async () => {
    // UTC+10, weekday lessons 5.11–9.12 (a month's turn inside a week), 16:00 local = 06:00 UTC.
    const w = await world("Asia/Vladivostok", 25);
    const f = w.f;
    const at = (iso: string, hh: number, mm = 0) =>
      new Date(Date.parse(`${iso}T00:00:00Z`) + ((hh - 10) * 60 + mm) * 60_000);
    const dates = [...f.lessons.keys()].sort();
    const mark = (lessonId: number, assignmentId: number, createdAt: Date) =>
      db.mark.create({
        data: {
          organisationId: f.organisationId,
          lessonId,
          assignmentId,
          studentId: f.students[0],
          value: 4,
          createdById: f.users.teacher,
          updatedById: f.users.teacher,
          createdAt,
        },
      });
    for (const [i, iso] of dates.entries()) {
      const id = f.lessons.get(iso)!;
      const kind = i % 7;
      if (kind === 0) await fill(w, id, f.users.teacher, i % 2 ? at(iso, 15, 59) : at(iso, 16)); // on time (at 16:00 too)
      if (kind === 1) await fill(w, id, f.users.teacher, at(iso, 16, 1)); // late
      if (kind === 2) {
        // «не задано» in the morning, then a second assignment never marked: not filled
        await fill(w, id, f.users.teacher, at(iso, 9), { marker: true });
        await addAssignment(f, id);
      }
      if (kind === 3) {
        // filled on time by a substitute: the lesson is the substitute's
        await fill(w, id, f.users.teacher, at(iso, 11));
        await db.lesson.update({
          where: { organisationId_id: { organisationId: f.organisationId, id } },
          data: { substituteId: f.users.substitute },
        });
      }
      if (kind === 4 && i + 1 < dates.length) {
        // on time, with an assignment due on the next lesson's date marked the day after it: the next
        // lesson (filled on time itself) is late by the carried assignment's mark
        await fill(w, id, f.users.teacher, at(iso, 12));
        const next = dates[i + 1];
        const carried = await addAssignment(f, id);
        await db.assignment.update({
          where: { organisationId_id: { organisationId: f.organisationId, id: carried } },
          data: { dueDate: day(next) },
        });
        await fill(w, f.lessons.get(next)!, f.users.teacher, at(next, 13));
        await mark(id, carried, at(next, 20));
      }
      // kind 5: the next lesson of kind 4; kind 6: nothing entered
    }
    // The first grade's lesson (19.11): an assignment without marks does not hold it (JRN-10).
    await fill(w, f.firstLesson, f.users.teacher, at("2026-11-19", 14), { noMark: true });
    await addAssignment(f, f.firstLesson);

    const days = ["2026-11-05", "2026-11-19", "2026-11-20", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-09"];
    const statuses = new Set<string>();
    for (const iso of days) {
      for (const now of [at(iso, 15), at(iso, 18), new Date("2026-12-20T00:00:00Z")]) {
        for (const q of [
          { day: day(iso), classIds: null },
          { day: day(iso), classIds: new Set([f.classId]) },
          { day: day(iso), classIds: null, teacherId: f.users.substitute },
          { day: day(iso), classIds: new Set<number>() },
        ]) {
          const bySql = await deadlineFigures(f.organisationId, q, now);
          expect(bySql, `${iso} at ${now.toISOString()}`).toEqual(await sharesByRule(f.organisationId, q, now));
          for (const r of bySql.rows)
            for (const s of [r.day, r.week, r.month])
              statuses.add(s.onTime < s.due ? "short" : s.due ? "full" : "none");
        }
      }
    }
    // The data meets every case: shares full, short and with nothing due.
    expect([...statuses].sort()).toEqual(["full", "none", "short"]);
    const late = await deadlineFigures(
      f.organisationId,
      { day: day("2026-12-09"), classIds: null },
      at("2026-12-09", 18),
    );
    const teacher = late.rows.find((r) => r.teacherId === f.users.teacher)!;
    expect(teacher.month.due).toBeGreaterThan(teacher.month.onTime);
    expect(teacher.month.onTime).toBeGreaterThan(0);
    expect(late.rows.find((r) => r.teacherId === f.users.substitute)?.month.onTime).toBeGreaterThan(0);
  });
});

describe("the reminder an hour before the deadline (DUT-1)", () => {
  it("goes at 15:00 local, not at 14:59, to exactly the teachers with unfilled lessons, once", async () => {
    const w = await world("Europe/Samara");
    // Filled before the reminder: the class teacher's lesson. The others are empty at 15:00.
    await fill(w, w.lessons.classTeacher, w.f.users.classTeacher, samara(14, 30));
    const device = createECDH("prime256v1");
    device.generateKeys();
    await saveSubscription(w.f.organisationId, w.f.users.other, {
      endpoint: `${pushOrigin}/push/other`,
      p256dh: device.getPublicKey().toString("base64url"),
      auth: randomBytes(16).toString("base64url"),
      kinds: ["deadline"],
    });
    const o = (await allDeadlines()).find((x) => x.organisationId === w.f.organisationId)!;

    expect(await remindOrganisation(o, samara(14, 59))).toBeNull();
    const pushed = push.next("/push/other");
    const run = await remindOrganisation(o, samara(15, 0));
    expect(run).not.toBeNull();
    expect([...run!.teachers.keys()].sort()).toEqual([w.f.users.teacher, w.f.users.other, w.f.users.substitute].sort());
    const rows = await db.fillReminder.findMany({
      where: { organisationId: w.f.organisationId },
      select: { teacherId: true, lessons: true, day: true },
    });
    expect(rows.map((r) => r.teacherId).sort()).toEqual(
      [w.f.users.teacher, w.f.users.other, w.f.users.substitute].sort(),
    );
    expect(rows.every((r) => r.lessons === 1 && r.day.getTime() === D.getTime())).toBe(true);
    // The reminder queued one push job per teacher (issue 19 item 6: sent like every command's);
    // the worker's loop delivers them.
    while ((await runJobStep()) !== null);
    await pushed;
    expect(push.hits.get("/push/other")).toBe(1);

    // A minute later, and after a restart (nothing is kept in memory: a fresh step reads the day's row).
    expect(await remindOrganisation(o, samara(15, 1))).toBeNull();
    expect((await runDeadlineReminders(samara(15, 30))).map((r) => r.organisationId)).not.toContain(w.f.organisationId);
    expect(await db.fillReminder.count({ where: { organisationId: w.f.organisationId } })).toBe(3);
    // After the deadline nothing is sent (the day is over for the reminder).
    expect(await remindOrganisation(o, samara(16, 0))).toBeNull();

    // The home page: the reminder and the unfilled lesson for «other», nothing for the class teacher.
    vi.useFakeTimers({ toFake: ["Date"], now: samara(15, 10) });
    try {
      const asUser = (id: number) =>
        ({ id, organisationId: w.f.organisationId, timeZone: "Europe/Samara", roles: ["TEACHER"] }) as CurrentUser;
      const mine = await loadMyDeadline(asUser(w.f.users.other));
      expect(mine.deadline).toBe("16:00");
      expect(mine.passed).toBe(false);
      expect(mine.reminder).toMatchObject({ lessons: 1 });
      expect(mine.lessons).toHaveLength(1);
      expect(mine.lessons[0].missing).toContain("topic");
      const done = await loadMyDeadline(asUser(w.f.users.classTeacher));
      expect(done.reminder).toBeNull();
      expect(done.lessons).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("follows each organisation's own zone: 15:00 in Samara is 21:00 at UTC+10", async () => {
    const runs = await runDeadlineReminders(samara(15, 0));
    expect(runs.map((r) => r.organisationId)).not.toContain(vla.f.organisationId);
    const vlRuns = await runDeadlineReminders(vlad(14, 0));
    expect(vlRuns.map((r) => r.organisationId)).not.toContain(vla.f.organisationId);
  });

  it("is sent once by two worker processes starting the same minute", async () => {
    const child = () =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(
          path.join(ROOT, "node_modules", ".bin", "tsx"),
          [path.join(ROOT, "tests/support/duty-child.ts"), vlad(15, 0).toISOString()],
          {
            cwd: ROOT,
            env: { ...process.env },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let out = "";
        let err = "";
        p.stdout.on("data", (d: Buffer) => (out += d.toString()));
        p.stderr.on("data", (d: Buffer) => (err += d.toString()));
        p.on("exit", (code) => (code === 0 ? resolve(out.trim().split("\n").at(-1) ?? "[]") : reject(new Error(err))));
      });
    const outputs = await Promise.all([child(), child()]);
    const sent = outputs
      .flatMap((o) => JSON.parse(o) as { organisationId: number; teachers: number[] }[])
      .filter((r) => r.organisationId === vla.f.organisationId);
    expect(sent).toHaveLength(1);
    // At 15:00 in Vladivostok the teacher and «other» had not filled yet (they did at 15:59 and 16:01),
    // the substitute's and the class teacher's lessons are empty: four teachers.
    expect(sent[0].teachers.sort()).toEqual(
      [vla.f.users.teacher, vla.f.users.other, vla.f.users.substitute, vla.f.users.classTeacher].sort(),
    );
    expect(await db.fillReminder.count({ where: { organisationId: vla.f.organisationId } })).toBe(4);
  }, 120_000);
});
