// Issue 22 (round 13) items 1 and 5: the reads every page pays besides the session — the gate's
// target row (lib/access/data.ts loadTargetFacts) and the header's unread count
// (lib/messages/mailbox/data.ts) — are raw statements on the pg path (named prepared statements),
// not Prisma model reads. Shown here: the same facts as the Prisma reads they replace, on every kind
// of target, on the day edges of a stay, across organisations and inside a transaction; and that
// each of them reaches pg as a named statement.
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { loadTargetFacts, type TargetRef } from "@/lib/access/data";
import { lessonTarget, type TargetFacts } from "@/lib/access/rules";
import { spanMeets } from "@/lib/org/time";
import { unreadCountOf } from "@/lib/messages/mailbox/data";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";

let f: AccessFixture;
/** A student whose stays end and start around 2026-11-23: 1 until the 22nd, 2 from the 23rd, 3 from the 24th. */
let mover: number;

beforeAll(async () => {
  f = await createAccessFixture();
  const person = { lastName: "Переходящий", firstName: "Ученик", birthDate: new Date("2015-03-01") };
  mover = (await db.student.create({ data: { organisationId: f.organisationId, ...person } })).id;
  const stay = (classId: number, start: string, end: string | null) =>
    db.classMembership.create({
      data: {
        organisationId: f.organisationId,
        studentId: mover,
        classId,
        startDate: new Date(start),
        endDate: end ? new Date(end) : null,
      },
    });
  await stay(f.classA, "2026-09-01", "2026-11-22");
  await stay(f.classB, "2026-11-23", null);
  await stay(f.classA, "2026-11-24", null);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The Prisma model reads loadTargetFacts made before (round 12's lib/access/data.ts), as the reference. */
async function prismaTarget(organisationId: number, ref: TargetRef, today: Date): Promise<TargetFacts | null> {
  switch (ref.kind) {
    case "none":
      return { kind: "none" };
    case "class": {
      const found = await db.classGroup.findUnique({
        where: { organisationId_id: { organisationId, id: ref.classId } },
      });
      return found
        ? { kind: "class", classId: ref.classId, subjectId: ref.subjectId, subgroupId: ref.subgroupId }
        : null;
    }
    case "lesson": {
      const l = await db.lesson.findUnique({
        where: { organisationId_id: { organisationId, id: ref.lessonId } },
        select: { id: true, classId: true, subjectId: true, subgroupId: true, teacherId: true, substituteId: true },
      });
      return l ? lessonTarget(l) : null;
    }
    case "student": {
      const s = await db.student.findUnique({
        where: { organisationId_id: { organisationId, id: ref.studentId } },
        select: {
          id: true,
          memberships: { where: spanMeets(today), select: { classId: true }, orderBy: { id: "asc" } },
        },
      });
      return s ? { kind: "student", studentId: s.id, classIds: s.memberships.map((m) => m.classId) } : null;
    }
    case "user": {
      const u = await db.user.findUnique({ where: { organisationId_id: { organisationId, id: ref.userId } } });
      return u ? { kind: "user", userId: u.id } : null;
    }
    case "club": {
      const c = await db.club.findUnique({ where: { organisationId_id: { organisationId, id: ref.clubId } } });
      return c ? { kind: "club", clubId: c.id, leaderId: c.leaderId } : null;
    }
  }
}

function refs(): TargetRef[] {
  return [
    { kind: "none" },
    { kind: "class", classId: f.classA, subjectId: f.subject, subgroupId: null },
    { kind: "class", classId: f.classB },
    { kind: "lesson", lessonId: f.lessonA },
    { kind: "lesson", lessonId: f.lessonB },
    { kind: "student", studentId: f.studentA },
    { kind: "student", studentId: mover },
    { kind: "user", userId: f.users.TEACHER },
    { kind: "club", clubId: f.clubLed },
    { kind: "club", clubId: f.clubOther },
    // Nothing by these ids: null.
    { kind: "class", classId: 0 },
    { kind: "lesson", lessonId: 0 },
    { kind: "student", studentId: 0 },
    { kind: "user", userId: 0 },
    { kind: "club", clubId: 0 },
  ];
}

describe("the gate's target read as raw statements (issue 22 round 13, ACL-1, ACL-5)", () => {
  // The stays' edges at the UTC calendar day (as Prisma compared the date column), the instant in
  // the evening of a zone east of UTC included.
  const DAYS = [
    "2026-11-22T00:00:00Z",
    "2026-11-22T23:59:59.999Z",
    "2026-11-23T03:00:00+10:00",
    "2026-11-23T12:00:00Z",
    "2026-11-24T00:00:00Z",
    "2027-01-10T12:00:00Z",
    "2026-08-31T12:00:00Z",
  ].map((d) => new Date(d));

  it("gives the facts the Prisma reads gave, for every kind of target and on the edges of a stay", async () => {
    for (const today of DAYS)
      for (const ref of refs()) {
        const want = await prismaTarget(f.organisationId, ref, today);
        expect(
          await loadTargetFacts(f.organisationId, ref, today),
          `${JSON.stringify(ref)} on ${today.toISOString()}`,
        ).toEqual(want);
      }
    // The mover's classes day by day: 1 → 2 → 2 and 3.
    const classes = async (iso: string) => {
      const t = await loadTargetFacts(f.organisationId, { kind: "student", studentId: mover }, new Date(iso));
      return t?.kind === "student" ? t.classIds : null;
    };
    expect(await classes("2026-11-22T12:00:00Z")).toEqual([f.classA]);
    expect(await classes("2026-11-23T12:00:00Z")).toEqual([f.classB]);
    expect(await classes("2026-11-24T12:00:00Z")).toEqual([f.classB, f.classA]);
    expect(await classes("2026-08-01T12:00:00Z")).toEqual([]);
  });

  it("finds nothing of another organisation (ACL-5)", async () => {
    for (const ref of refs().filter((r) => r.kind !== "none"))
      expect(await loadTargetFacts(f.otherOrganisationId, ref, DAYS[3]), JSON.stringify(ref)).toBeNull();
  });

  it("reads through the transaction it is given (SEC-2's stored-row check sees the transaction's own rows)", async () => {
    let seen: TargetFacts | null = null;
    await db
      .$transaction(async (tx) => {
        const club = await tx.club.create({
          data: {
            organisationId: f.organisationId,
            yearId: (
              await tx.club.findUniqueOrThrow({
                where: { organisationId_id: { organisationId: f.organisationId, id: f.clubLed } },
              })
            ).yearId,
            name: "Новый",
            leaderId: f.users.ADMIN,
          },
        });
        seen = await loadTargetFacts(f.organisationId, { kind: "club", clubId: club.id }, DAYS[3], tx);
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect(seen).toMatchObject({ kind: "club", leaderId: f.users.ADMIN });
  });
});

describe("the reads of every page on the pg path as named prepared statements (issue 22 round 13)", () => {
  it("the gate's target read and the header's unread count reach pg named, never through Prisma", async () => {
    const sent = vi.spyOn(pg.Pool.prototype, "query");
    for (const ref of refs().filter((r) => r.kind !== "none")) await loadTargetFacts(f.organisationId, ref, DAYS_TODAY);
    await unreadCountOf(f.organisationId, f.users.TEACHER);
    const queries = sent.mock.calls.map((c) => c[0] as unknown as pg.QueryConfig);
    expect(queries).toHaveLength(refs().length - 1 + 1);
    for (const q of queries) expect(q.name, q.text).toMatch(/^ej_/);
  });

  it("the unread count is the recipient's unread, undeleted messages of the organisation", async () => {
    const { organisationId } = f;
    const to = f.users.TEACHER;
    expect(await unreadCountOf(organisationId, to)).toBe(0);
    const mk = (subject: string) =>
      db.message.create({ data: { organisationId, senderId: f.users.ADMIN, subject, body: "…" } });
    const [a, b, c, d] = await Promise.all(["a", "b", "c", "d"].map(mk));
    await db.messageRecipient.createMany({
      data: [
        { organisationId, messageId: a.id, userId: to },
        { organisationId, messageId: b.id, userId: to, readAt: new Date() },
        { organisationId, messageId: c.id, userId: to, deletedAt: new Date() },
        { organisationId, messageId: d.id, userId: f.users.DEPUTY },
      ],
    });
    expect(await unreadCountOf(organisationId, to)).toBe(1);
    expect(await unreadCountOf(organisationId, f.users.DEPUTY)).toBe(1);
    expect(await unreadCountOf(f.otherOrganisationId, to)).toBe(0);
  });
});

const DAYS_TODAY = new Date("2026-11-23T12:00:00Z");
