// SCH-2/SCH-3: a few date-specific timetable changes in the recent past — a colleague
// substituting for an ill teacher for two days, a cancelled lesson and a room change.
import type { PrismaClient } from "../generated/prisma/client";
import type { Calendar } from "./calendar";
import { isoWeekday } from "./dates";
import type { Changes, EntryRow } from "./lessons";

export interface ChangeArgs {
  organisationId: number;
  cal: Calendar;
  today: Date;
  entries: EntryRow[];
  schedulerId: number;
  roomId: (name: string) => number;
}

export async function insertChanges(db: PrismaClient, a: ChangeArgs): Promise<Changes> {
  const past = a.cal.schoolDays(5).filter((d) => d.getTime() < a.today.getTime());
  const changes: Changes = {};
  if (past.length < 15) return changes;
  const organisationId = a.organisationId;
  const onDay = (d: Date, pred: (e: EntryRow) => boolean): EntryRow[] =>
    a.entries
      .filter((e) => e.weekday === isoWeekday(d) && a.cal.isSchoolDay(d, e.grade) && pred(e))
      .sort((x, y) => x.bell - y.bell);

  // A two-day substitution: the substitute must be free at every bell of the absent colleague;
  // a colleague of the same subject is preferred (the demo teacher first), else anyone free.
  const busy = new Map<string, Set<string>>();
  for (const e of a.entries)
    busy.set(e.teacherKey, (busy.get(e.teacherKey) ?? new Set()).add(`${e.weekday}|${e.bell}`));
  const keys = [...busy.keys()].sort();
  const pool = (k: string): string => k.replace(/\d+$/, "");
  const pairs = keys.flatMap((x) => keys.filter((y) => y !== x).map((y): [string, string] => [x, y]));
  const ranked = [
    ...pairs.filter(([x, y]) => y === "math1" && pool(x) === "math"),
    ...pairs.filter(([x, y]) => pool(x) === pool(y) && y !== "math1"),
    ...pairs.filter(([x, y]) => pool(x) !== pool(y) && !x.startsWith("prim")),
  ];
  search: for (let i = 0; i < 10 && past.length - 12 - i >= 0; i++) {
    const dates = [past[past.length - 12 - i], past[past.length - 11 - i]];
    for (const [orig, subst] of ranked) {
      const away = dates.flatMap((d) => onDay(d, (e) => e.teacherKey === orig).map((e) => ({ d, e })));
      if (away.length < 4 || away.some(({ e }) => busy.get(subst)!.has(`${e.weekday}|${e.bell}`))) continue;
      const originalId = away[0].e.teacherId;
      const substituteId = a.entries.find((e) => e.teacherKey === subst)!.teacherId;
      const s = await db.substitution.create({
        data: {
          organisationId,
          originalId,
          substituteId,
          dateFrom: dates[0],
          dateTo: dates[1],
          note: "Больничный лист основного учителя",
        },
      });
      changes.substitution = { originalId, substituteId, dates, id: s.id };
      await db.timetableChange.createMany({
        data: away.map(({ d, e }) => ({
          organisationId,
          kind: "REPLACE" as const,
          date: d,
          classId: e.classId,
          entryId: e.id,
          subjectId: e.subjectId,
          teacherId: substituteId,
          roomId: e.roomId,
          bellNumber: e.bell,
          note: "Замена учителя (больничный)",
          createdById: a.schedulerId,
        })),
      });
      break search;
    }
  }

  const cancelDay = past[past.length - 8];
  const cancel = onDay(cancelDay, (e) => e.className === "5А" && e.subgroupId === null).pop();
  if (cancel) {
    changes.cancel = { entryId: cancel.id, date: cancelDay };
    await db.timetableChange.create({
      data: {
        organisationId,
        kind: "CANCEL",
        date: cancelDay,
        classId: cancel.classId,
        entryId: cancel.id,
        subjectId: cancel.subjectId,
        bellNumber: cancel.bell,
        note: "Урок отменён: класс на экскурсии в краеведческом музее",
        createdById: a.schedulerId,
      },
    });
  }
  const roomDay = past[past.length - 6];
  const moved = onDay(roomDay, (e) => e.className === "9А" && e.subgroupId === null).pop();
  if (moved) {
    const roomId = a.roomId("Актовый зал");
    changes.room = { entryId: moved.id, date: roomDay, roomId };
    await db.timetableChange.create({
      data: {
        organisationId,
        kind: "REPLACE",
        date: roomDay,
        classId: moved.classId,
        entryId: moved.id,
        subjectId: moved.subjectId,
        teacherId: moved.teacherId,
        roomId,
        bellNumber: moved.bell,
        note: "Урок проводится в актовом зале",
        createdById: a.schedulerId,
      },
    });
  }
  return changes;
}
