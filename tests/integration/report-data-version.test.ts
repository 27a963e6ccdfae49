// SEC-5 (issue 22, round 20): a heavy report's kept file is given again only while its organisation's
// report data version (lib/reports/data.ts reportDataVersion, raised by the triggers of migration
// report_data_version) is unchanged. A write of another organisation leaves the file current (under the
// server-wide pg_current_snapshot() it staled every kept file); every kind of write that changes what the
// organisation's heavy reports print — through Prisma or raw SQL — makes the next request build anew.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as reportRoute } from "@/app/api/reports/[report]/route";
import { db } from "@/lib/db";
import { writeAttendance, writeMark } from "@/lib/journal/mutations";
import { reportDataVersion } from "@/lib/reports/data";
import { heavyFile, reusedFiles } from "@/lib/reports/single-flight";
import { createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";
import { signInAs, signOut } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let a: JournalFixture;
let b: JournalFixture;

beforeAll(async () => {
  // The kept file's day and age are measured by this clock: frozen at the fixture's NOW.
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  a = await createJournalFixture({ students: 3, lessons: 6 });
  b = await createJournalFixture({ students: 3, lessons: 6 });
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
});

afterEach(() => {
  signOut();
});

/** A lesson topic of `f` set to a new text: one committed write of a lesson (Prisma). */
let topics = 0;
const setTopic = (f: JournalFixture) =>
  db.lesson.update({
    where: { organisationId_id: { organisationId: f.organisationId, id: f.lesson("2026-11-05") } },
    data: { topic: `Тема ${++topics}` },
  });

describe("the report data version (SEC-5, issue 22)", () => {
  const t0 = NOW.getTime();
  let builds = 0;
  const build = (name: string) => async () => {
    builds++;
    return { bytes: new Uint8Array(4), fileName: name };
  };
  /** Builds `key`'s file of organisation `f`, then asks again after `write`: whether it was built anew. */
  async function rebuiltAfter(key: string, f: JournalFixture, write: () => Promise<unknown>): Promise<boolean> {
    const readVersion = () => reportDataVersion([f.organisationId]);
    const first = await heavyFile(key, build(key), t0, readVersion);
    // Nothing written since: the kept file, no build.
    const before = builds;
    expect(await heavyFile(key, build(key), t0 + 1, readVersion)).toBe(first);
    expect(builds).toBe(before);
    await write();
    const again = await heavyFile(key, build(key), t0 + 2, readVersion);
    return builds > before && again !== first;
  }

  it("a write of another organisation leaves an organisation's kept file current", async () => {
    expect(await rebuiltAfter("other-org", a, () => setTopic(b))).toBe(false);
    // The other organisation's raw SQL write and its organisation row alike.
    expect(
      await rebuiltAfter(
        "other-org-raw",
        a,
        () => db.$executeRaw`UPDATE "Lesson" SET content = 'Другая школа' WHERE "organisationId" = ${b.organisationId}`,
      ),
    ).toBe(false);
    expect(
      await rebuiltAfter(
        "other-org-row",
        a,
        () => db.$executeRaw`UPDATE "Organisation" SET name = name WHERE id = ${b.organisationId}`,
      ),
    ).toBe(false);
  });

  it("a mark saved by the journal's save (raw SQL) makes the organisation's file stale", async () => {
    const assignment = await db.assignment.findFirst({
      where: { organisationId: a.organisationId, lessonId: a.lesson("2026-11-06") },
    });
    expect(
      await rebuiltAfter("mark", a, async () => {
        const saved = await writeMark({
          organisationId: a.organisationId,
          userId: a.users.teacher,
          lessonId: a.lesson("2026-11-06"),
          studentId: a.students[0],
          assignmentId: assignment?.id ?? null,
          typeId: assignment ? null : a.types.answer,
          mark: { kind: "GRADE", value: 4, isHospital: false },
          comment: undefined,
          expectedVersion: 0,
          reason: null,
          now: NOW,
        });
        expect(saved.ok).toBe(true);
      }),
    ).toBe(true);
  });

  it("attendance saved by the journal's save (raw SQL) makes it stale", async () => {
    expect(
      await rebuiltAfter("attendance", a, async () => {
        const saved = await writeAttendance({
          organisationId: a.organisationId,
          userId: a.users.teacher,
          lessonId: a.lesson("2026-11-09"),
          studentId: a.students[1],
          next: { code: "N", missedHours: null },
          expectedVersion: 0,
          asReason: false,
          allow: () => "write",
          reason: null,
          now: NOW,
        });
        expect(saved.ok).toBe(true);
      }),
    ).toBe(true);
  });

  it("a lesson's topic (Prisma) makes it stale", async () => {
    expect(await rebuiltAfter("topic", a, () => setTopic(a))).toBe(true);
  });

  it("a final grade, set and then changed (Prisma), makes it stale each time", async () => {
    const data = {
      organisationId: a.organisationId,
      studentId: a.students[2],
      classId: a.classId,
      subjectId: a.subjectId,
      kind: "PERIOD" as const,
      periodId: a.q1,
      form: "NONE" as const,
      value: 5,
      setById: a.users.teacher,
      setAt: NOW,
    };
    let id = 0;
    expect(
      await rebuiltAfter("final", a, async () => {
        id = (await db.finalMark.create({ data })).id;
      }),
    ).toBe(true);
    expect(
      await rebuiltAfter("final-change", a, () =>
        db.finalMark.update({
          where: { organisationId_id: { organisationId: a.organisationId, id } },
          data: { value: 4 },
        }),
      ),
    ).toBe(true);
  });

  it("a student's class change (raw SQL, as an operator's psql) makes it stale", async () => {
    expect(
      await rebuiltAfter(
        "class-change",
        a,
        () => db.$executeRaw`UPDATE "ClassMembership" SET "classId" = ${a.firstClassId}
          WHERE "organisationId" = ${a.organisationId} AND "studentId" = ${a.students[0]}`,
      ),
    ).toBe(true);
  });

  it("a rolled-back write and a sign-in's counters leave it current", async () => {
    const version = await reportDataVersion([a.organisationId]);
    await expect(
      db.$transaction(async (tx) => {
        await tx.lesson.update({
          where: { organisationId_id: { organisationId: a.organisationId, id: a.lesson("2026-11-05") } },
          data: { topic: "Откат" },
        });
        throw new Error("откат");
      }),
    ).rejects.toThrow("откат");
    await db.user.update({
      where: { organisationId_id: { organisationId: a.organisationId, id: a.users.deputy } },
      data: { lastSignInAt: NOW, failedSignIns: 0 },
    });
    expect(await reportDataVersion([a.organisationId])).toBe(version);
  });

  it("a territory's version moves with any member's write, not with an outsider's", async () => {
    const members = [a.organisationId, b.organisationId];
    const before = await reportDataVersion(members);
    const outsider = await createJournalFixture({ students: 1, lessons: 1 });
    await setTopic(outsider);
    expect(await reportDataVersion(members)).toBe(before);
    await setTopic(b);
    expect(await reportDataVersion(members)).not.toBe(before);
    // The list itself is part of it: an organisation joining changes it even before it writes.
    expect(await reportDataVersion([...members, outsider.organisationId])).not.toBe(await reportDataVersion(members));
  }, 120_000);
});

describe("the report route's kept file (SEC-5, issue 22)", () => {
  const get = (query: string) =>
    reportRoute(new Request(`http://localhost/api/reports/progress?${query}`), {
      params: Promise.resolve({ report: "progress" }),
    });

  it("is given after another organisation's write, built anew after its own organisation's", async () => {
    await signInAs(a.organisationId, a.users.deputy);
    const query = `format=xlsx&periodId=${a.q1}`;
    const first = await get(query);
    expect(first.status).toBe(200);
    const bytes = Buffer.from(await first.arrayBuffer());
    const reused = reusedFiles();
    // Another school's mark-like write (its lesson's topic) and its organisation row.
    await setTopic(b);
    await db.$executeRaw`UPDATE "Organisation" SET name = name WHERE id = ${b.organisationId}`;
    const kept = await get(query);
    expect(kept.status).toBe(200);
    expect(Buffer.from(await kept.arrayBuffer()).equals(bytes)).toBe(true);
    expect(reusedFiles()).toBe(reused + 1);
    // The organisation's own write: built anew.
    await setTopic(a);
    const fresh = await get(query);
    expect(fresh.status).toBe(200);
    expect(reusedFiles()).toBe(reused + 1);
  }, 120_000);
});
