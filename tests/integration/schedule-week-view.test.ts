// SCH-1/SCH-2/SCH-3, issue 22 item 7: a teacher's or a room's week («Расписание») plans only the classes
// WEEK_CLASSES_OF names (the page planned the whole school's week to keep one teacher's lessons). The lessons
// must be exactly those of the whole school's plan that belong to the teacher (own, not substituted, or as the
// substitute) or to the room — for every teacher and room of the demo school, with a change or substitution
// of each kind that brings a teacher or room into a class they have no entry in: a REPLACE naming the teacher
// and the room, an ADD, a MOVE of the teacher's entry that is valid only the week before, a substitution of
// one class and one of every class of the absent teacher.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { planLessons } from "@/lib/schedule/rules";
import { loadPlanInput } from "@/lib/schedule/lessons/data";
import { weekLessons, type WeekFilter } from "@/lib/schedule/view/data";
import { addDays } from "@/lib/org/time";
import { seedDemo } from "../../prisma/seed/index";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const MONDAY = new Date("2026-11-30T00:00:00Z");
const SUNDAY = addDays(MONDAY, 6);
let orgId = 0;

/** The whole school's plan of the week, filtered as the page's filter reads it (data.ts matches). */
async function expected(filter: WeekFilter): Promise<string[]> {
  const all = planLessons(await loadPlanInput(orgId, MONDAY, SUNDAY, null));
  return all
    .filter((l) =>
      filter.kind === "teacher"
        ? (l.teacherId === filter.id && l.substituteId === null) || l.substituteId === filter.id
        : l.roomId === filter.id,
    )
    .map(
      (l) =>
        `${l.classId}|${l.date.toISOString()}|${l.bellNumber}|${l.subjectId}|${l.subgroupId ?? 0} ${l.status === "CANCELLED"} ${l.substituteId !== null} ${l.roomId}`,
    )
    .sort();
}

async function actual(filter: WeekFilter): Promise<string[]> {
  const rooms = new Map(
    (await db.room.findMany({ where: { organisationId: orgId }, select: { id: true, name: true } })).map((r) => [
      r.name,
      r.id,
    ]),
  );
  return (await weekLessons(orgId, filter, MONDAY, SUNDAY))
    .map(
      (l) =>
        `${l.key} ${l.cancelled} ${l.substituteName !== null} ${l.roomName === null ? null : rooms.get(l.roomName)}`,
    )
    .sort();
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  orgId = (await db.organisation.findFirstOrThrow({ where: { kind: "SCHOOL" } })).id;
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("a teacher's or a room's week plans only its classes (issue 22 item 7)", () => {
  it("equals the whole school's plan for every teacher and room, with changes and substitutions of each kind", async () => {
    const entries = await db.timetableEntry.findMany({
      where: { organisationId: orgId, validFrom: { lte: SUNDAY }, validTo: { gte: MONDAY } },
      orderBy: { id: "asc" },
    });
    const classesOf = (teacherId: number) =>
      new Set(entries.filter((e) => e.teacherId === teacherId).map((e) => e.classId));
    const teachers = [...new Set(entries.map((e) => e.teacherId))];
    // T gains lessons in classes T has no entry in, each class by one source only: x's classes (x substituted by
    // T in every class on Tuesday), y's class dY (substituted by T there on Thursday and Friday), a (REPLACE),
    // b (ADD), c (MOVE of T's entry) — so that a source WEEK_CLASSES_OF missed would lose lessons.
    const t = teachers[0]!;
    const mineT = classesOf(t);
    const x = teachers
      .filter((id) => id !== t && entries.some((e) => e.teacherId === id && e.weekday === 2 && !mineT.has(e.classId)))
      .sort((p, q) => classesOf(p).size - classesOf(q).size)[0]!;
    const taken = new Set([...mineT, ...classesOf(x)]);
    const yEntry = entries.find(
      (e) => e.teacherId !== t && e.teacherId !== x && e.weekday >= 4 && !taken.has(e.classId),
    )!;
    const [y, dY] = [yEntry.teacherId, yEntry.classId];
    taken.add(dY);
    const foreign = entries.filter((e) => !taken.has(e.classId));
    const [a, b, c] = [...new Set(foreign.map((e) => e.classId))];
    expect(c).toBeDefined();
    const onMonday = (classId: number) => foreign.find((e) => e.classId === classId && e.weekday === 1)!;
    const room = await db.room.create({ data: { organisationId: orgId, name: "999-тест" } });
    const replaced = onMonday(a!);
    await db.timetableChange.create({
      data: {
        organisationId: orgId,
        kind: "REPLACE",
        date: MONDAY,
        classId: a!,
        entryId: replaced.id,
        teacherId: t,
        roomId: room.id,
      },
    });
    await db.timetableChange.create({
      data: {
        organisationId: orgId,
        kind: "ADD",
        date: addDays(MONDAY, 2),
        classId: b!,
        subjectId: replaced.subjectId,
        teacherId: t,
        bellNumber: 8,
      },
    });
    // An entry of T in class c valid only the week before, moved into this week.
    const old = await db.timetableEntry.create({
      data: {
        organisationId: orgId,
        classId: c!,
        subjectId: replaced.subjectId,
        teacherId: t,
        weekday: 5,
        bellNumber: 9,
        validFrom: addDays(MONDAY, -7),
        validTo: addDays(MONDAY, -1),
      },
    });
    await db.timetableChange.create({
      data: {
        organisationId: orgId,
        kind: "MOVE",
        date: addDays(MONDAY, -3),
        toDate: addDays(MONDAY, 3),
        classId: c!,
        entryId: old.id,
        bellNumber: 9,
      },
    });
    await db.substitution.createMany({
      data: [
        {
          organisationId: orgId,
          originalId: x,
          substituteId: t,
          dateFrom: addDays(MONDAY, 1),
          dateTo: addDays(MONDAY, 1),
        },
        {
          organisationId: orgId,
          originalId: y,
          substituteId: t,
          classId: dY,
          dateFrom: addDays(MONDAY, 3),
          dateTo: addDays(MONDAY, 4),
        },
      ],
    });

    const mine = await expected({ kind: "teacher", id: t });
    expect(mine.length).toBeGreaterThan(classesOf(t).size);
    // Each kind of source brings T into a class T has no entry in this week.
    const classesSeen = new Set(mine.map((k) => Number(k.split("|")[0])));
    for (const id of [a, b, c, dY]) expect(classesSeen).toContain(id);
    expect([...classesOf(x)].some((id) => !mineT.has(id) && classesSeen.has(id))).toBe(true);
    expect(mine.filter((k) => k.includes(" true ")).length).toBeGreaterThan(0);

    for (const id of teachers)
      expect(await actual({ kind: "teacher", id })).toEqual(await expected({ kind: "teacher", id }));
    const rooms = await db.room.findMany({ where: { organisationId: orgId }, select: { id: true } });
    for (const { id } of rooms)
      expect(await actual({ kind: "room", id })).toEqual(await expected({ kind: "room", id }));
    expect(await actual({ kind: "room", id: room.id })).toHaveLength(1);
  }, 120_000);
});
