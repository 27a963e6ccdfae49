// The portfolio index (LRN-5, issue 22 item 7): the pupils of the reader's classes filtered by class,
// the start of the full name and «ждут подтверждения», cut to a limit with the count of all that match —
// in the order and with the figures of the whole list the page showed before (every class of the
// current year with its pupils on the day, «surname name» under compareRu, pending entries per pupil
// and per class); one statement for the pupils whatever their number; bad filter values refused in
// Russian; the reader's class scope kept.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authorize } from "@/lib/access/authorize";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { compareRu } from "@/lib/org/collation";
import { fullName } from "@/lib/people/names";
import { loadPortfolioIndex } from "@/lib/portfolio/loaders";
import { createAccessFixture, foreignClass, type AccessFixture } from "../support/access-fixture";
import { counted } from "../support/pg-queries";
import { signInAs } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const NOW = new Date("2026-11-10T09:00:00Z");
const TODAY = new Date("2026-11-10T00:00:00Z");

let f: AccessFixture;
let foreign: { classId: number };

async function userOf(column: keyof AccessFixture["users"]): Promise<CurrentUser> {
  await signInAs(f.organisationId, f.users[column]);
  return (await getCurrentUser())!;
}

/** The page's call: the reader's portfolio scopes as the page asks them. */
async function index(user: CurrentUser, raw: Record<string, string> = {}, limit?: number) {
  const [view, edit] = await Promise.all([authorize(user, "portfolio.view"), authorize(user, "portfolio.edit")]);
  return loadPortfolioIndex(
    user,
    { view: view.allowed ? view.scopes : [], edit: edit.allowed ? edit.scopes : [] },
    [],
    raw,
    limit,
  );
}

type Pupil = { classId: number; id: number; name: string; lastName: string; firstName: string; pending: number };

/** The whole list as main's index built it: classes by grade and name, pupils on the day by compareRu. */
async function wholeList(classIds: number[] | null): Promise<Pupil[]> {
  const classes = await db.classGroup.findMany({
    where: {
      organisationId: f.organisationId,
      year: { isCurrent: true },
      ...(classIds ? { id: { in: classIds } } : {}),
    },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
    select: {
      id: true,
      memberships: {
        where: { startDate: { lte: TODAY }, OR: [{ endDate: null }, { endDate: { gte: TODAY } }] },
        select: { student: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
      },
    },
  });
  const pending = await db.achievement.groupBy({
    by: ["studentId"],
    where: { organisationId: f.organisationId, status: "PENDING" },
    _count: { _all: true },
  });
  const pendingOf = new Map(pending.map((p) => [p.studentId, p._count._all]));
  return classes.flatMap((c) =>
    c.memberships
      .map((m) => ({
        classId: c.id,
        id: m.student.id,
        name: fullName(m.student),
        lastName: m.student.lastName,
        firstName: m.student.firstName,
        pending: pendingOf.get(m.student.id) ?? 0,
      }))
      .sort((a, b) => compareRu(`${a.lastName} ${a.firstName}`, `${b.lastName} ${b.firstName}`) || a.id - b.id),
  );
}

const flat = (r: Awaited<ReturnType<typeof index>>) =>
  r.classes.flatMap((c) => c.students.map((s) => ({ classId: c.id, id: s.id, name: s.name, pending: s.pending })));
const short = (p: Pupil[]) => p.map(({ classId, id, name, pending }) => ({ classId, id, name, pending }));

/** A pupil of a class from 01.09.2026 (to `end`, when given). */
async function mk(lastName: string, firstName: string, classId: number, end?: string, middleName?: string) {
  const o = f.organisationId;
  const s = await db.student.create({
    data: { organisationId: o, lastName, firstName, middleName, birthDate: new Date("2015-03-01") },
  });
  await db.classMembership.create({
    data: {
      organisationId: o,
      studentId: s.id,
      classId,
      startDate: new Date("2026-09-01"),
      endDate: end ? new Date(end) : null,
    },
  });
  return s.id;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createAccessFixture();
  foreign = await foreignClass(f);
  const ids = [
    await mk("Ёлкин", "Пётр", f.classA),
    await mk("Ежов", "Андрей", f.classA),
    await mk("иванов", "Иван", f.classA),
    await mk("Иванов", "Иван", f.classA, undefined, "Ильич"),
    await mk("Иванов", "Иван", f.classB),
    await mk("Яковлев", "Яков", f.classB),
    await mk("Абрамов", "Борис", f.classB),
    await mk("Ушедший", "Ученик", f.classB, "2026-10-01"),
  ];
  const pendingEntry = (studentId: number) =>
    db.achievement.create({
      data: {
        organisationId: f.organisationId,
        studentId,
        kind: "OLYMPIAD",
        level: "SCHOOL",
        title: "Олимпиада",
        date: new Date("2026-10-10"),
        addedById: f.users.PARENT,
      },
    });
  await pendingEntry(ids[0]);
  await pendingEntry(ids[0]);
  await pendingEntry(ids[5]);
  await pendingEntry(f.studentB);
  // A confirmed entry waits for nobody.
  await db.achievement.create({
    data: {
      organisationId: f.organisationId,
      studentId: ids[1],
      kind: "OLYMPIAD",
      level: "SCHOOL",
      title: "Конкурс",
      date: new Date("2026-10-10"),
      addedById: f.users.CLASS_TEACHER,
      status: "CONFIRMED",
    },
  });
});

afterAll(() => {
  vi.useRealTimers();
});

describe("the portfolio index (LRN-5, issue 22 item 7)", () => {
  it("shows the administration the whole list's first pupils in its order, with the count of all", async () => {
    const admin = await userOf("ADMIN");
    const all = await wholeList(null);
    expect(all).toHaveLength(9);
    for (const limit of [200, 4, 1]) {
      const r = await index(admin, {}, limit);
      expect(r.error).toBeNull();
      expect(flat(r)).toEqual(short(all.slice(0, limit)));
      expect(r.total).toBe(9);
      expect(r.shown).toBe(Math.min(limit, 9));
      // A class's figures are the whole class's even when it is cut.
      for (const c of r.classes) {
        const whole = all.filter((p) => p.classId === c.id);
        expect(c.pupils).toBe(whole.length);
        expect(c.pending).toBe(whole.reduce((n, p) => n + p.pending, 0));
      }
    }
    const full = await index(admin);
    expect(full.classes.map((c) => [c.name, c.pending])).toEqual([
      ["5А", 2],
      ["5Б", 2],
    ]);
    expect(full.classChoices.map((c) => c.id)).toEqual([f.classA, f.classB]);
    // Teachers for the administration, narrowed by the same surname filter.
    expect(full.teachers.map((t) => t.id)).toContain(f.users.TEACHER);
  });

  it("filters by class, by the start of the full name (any case, «ё» as typed) and by waiting entries", async () => {
    const admin = await userOf("ADMIN");
    const all = await wholeList(null);
    const cases: [Record<string, string>, (p: Pupil) => boolean][] = [
      [{ classId: String(f.classB) }, (p) => p.classId === f.classB],
      [{ q: "ИВАН" }, (p) => p.name.toLowerCase().startsWith("иван")],
      [{ q: "  иванов иван ильич " }, (p) => p.name === "Иванов Иван Ильич"],
      [{ q: "ёл" }, (p) => p.name.startsWith("Ёлкин")],
      [{ q: "е" }, (p) => p.name.startsWith("Ежов")],
      [{ pending: "1" }, (p) => p.pending > 0],
      [{ classId: String(f.classA), pending: "1" }, (p) => p.classId === f.classA && p.pending > 0],
      [{ q: "нет-такого" }, () => false],
    ];
    for (const [raw, keep] of cases) {
      const r = await index(admin, raw);
      expect(r.error, JSON.stringify(raw)).toBeNull();
      expect(flat(r), JSON.stringify(raw)).toEqual(short(all.filter(keep)));
      expect(r.total).toBe(all.filter(keep).length);
    }
    const byName = await index(admin, { q: "ив" });
    expect(byName.teachers).toEqual([]);
    const teacher = await index(admin, { q: "teach" });
    expect(teacher.teachers.map((t) => t.id)).toEqual([f.users.TEACHER]);
    // A class or «waiting» filter is about pupils: no teachers' list then.
    expect((await index(admin, { pending: "1" })).teachers).toEqual([]);
  });

  it("refuses a bad filter value in Russian and lists nobody", async () => {
    const admin = await userOf("ADMIN");
    for (const [raw, message] of [
      [{ classId: "abc" }, /Класс: неверный выбор/],
      [{ classId: "-3" }, /Класс: неверный выбор/],
      [{ q: "я".repeat(61) }, /не длиннее 60 символов/],
      [{ q: "a\u202Eb" }, /недопустимые невидимые символы/],
      [{ pending: "2" }, /ждут подтверждения/],
      [{ classId: String(foreign.classId) }, /Класс не найден среди доступных вам классов/],
    ] as const) {
      const r = await index(admin, raw);
      expect(r.error, JSON.stringify(raw)).toMatch(message);
      expect(r.classes).toEqual([]);
      expect(r.total).toBe(0);
    }
  });

  it("keeps to the reader's class scope: a class teacher sees their class, another class is refused", async () => {
    const ct = await userOf("CLASS_TEACHER");
    const own = await wholeList([f.classA]);
    const r = await index(ct);
    expect(r.classChoices.map((c) => c.id)).toEqual([f.classA]);
    expect(flat(r)).toEqual(short(own));
    expect(r.teachers).toEqual([]);
    const other = await index(ct, { classId: String(f.classB) });
    expect(other.error).toMatch(/Класс не найден/);
    expect(other.classes).toEqual([]);
    // A parent has no classes: no list, no filter choices.
    const parent = await index(await userOf("PARENT"));
    expect(parent.classChoices).toEqual([]);
    expect(parent.classes).toEqual([]);
  });

  it("reads the pupils in one limited statement, the same statements for more pupils", async () => {
    const admin = await userOf("ADMIN");
    await index(admin); // the session's and the gate's caches
    const before = await counted(() => index(admin, {}, 3));
    const pupilReads = (qs: { text: string }[]) => qs.filter((q) => q.text.includes('"ClassMembership"'));
    // The gate's own reads aside (the access version; the actor's facts again after a write).
    const pageReads = (qs: { text: string }[]) => qs.filter((q) => !/"AccessVersion"|u\."isActive"/.test(q.text));
    expect(pupilReads(before.queries)).toHaveLength(1);
    expect(pupilReads(before.queries)[0].text).toMatch(/LIMIT \$\d+/);
    // the access version, then the filter's classes ∥ the pupils ∥ the teachers
    expect(before.queries.length).toBeLessThanOrEqual(4);
    expect(pageReads(before.queries)).toHaveLength(3);
    const id = await mk("Новый", "Ученик", f.classA);
    try {
      const after = await counted(() => index(admin, {}, 3));
      expect(pageReads(after.queries)).toHaveLength(3);
      expect(after.result.total).toBe(before.result.total + 1);
      expect(after.result.shown).toBe(3);
    } finally {
      await db.classMembership.deleteMany({ where: { organisationId: f.organisationId, studentId: id } });
      await db.student.delete({ where: { organisationId_id: { organisationId: f.organisationId, id } } });
    }
  });
});
