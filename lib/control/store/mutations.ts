// CTL-1 / DUT-1 (issue 22 item 7): the background worker's writes of `/control`'s stored past days
// (lib/control/store/data.ts says what is stored and when a stored class-day is read). Called once per
// organisation and closed day from REG-2's daily step (lib/region/fill-store.ts runFillStore). The
// transaction that (re)stores a store's class-days (storeClassDays) is also REG-2's FillDay's
// (lib/region/mutations.ts; issue 22, round 24): one writing of the window, the snapshot and the watermark.
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { fillHeldSql } from "../data";
import { filledSql } from "../deadline/data";
import {
  classDaysSql,
  CONTROL_DAYS_TO_STORE,
  CONTROL_TABLES,
  CONTROL_WATERMARK,
  daysToStore,
  STORE_MARGIN_MS,
  STORE_WINDOW_DAYS,
  type StoreTables,
} from "./data";

const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** What a store's watermark row holds after a run (lockDays: `/control`'s only). */
export type StoreWatermark = {
  changeId: bigint;
  throughDate: Date;
  storedAt: Date;
  lockDays: number;
  minutes: number;
  timeZone: string;
};

/**
 * Stores one organisation's class-days of a store (`tables`) at `now`, up to `last` (the last day whose
 * deadline has passed, fill-store.ts lastClosedDay), over STORE_WINDOW_DAYS: every class-day of the window
 * that the current watermark does not hold valid (not stored yet, or changed since: storeValidSql's checks,
 * `toStore`) is recomputed and replaced (`insert`: the rows of the class-days `inTodo` selects), the rows
 * outside the window dropped, and the watermark (journal change id, `storedAt` STORE_MARGIN_MS before `now`,
 * the settings) moved (`save`) — in one REPEATABLE READ transaction, so the checks, the figures and the
 * watermark read one snapshot. Returns the class-days stored.
 */
export async function storeClassDays(
  tables: StoreTables,
  toStore: ReturnType<typeof daysToStore>,
  organisationId: number,
  last: Date,
  now: Date,
  write: {
    insert: (
      tx: Prisma.TransactionClient,
      q: { from: Date; inTodo: (alias: string) => Prisma.Sql },
    ) => Promise<unknown>;
    save: (tx: Prisma.TransactionClient, watermark: StoreWatermark) => Promise<unknown>;
  },
): Promise<{ date: string; classId: number }[]> {
  const from = new Date(last.getTime() - (STORE_WINDOW_DAYS - 1) * DAY_MS);
  const mark = new Date(now.getTime() - STORE_MARGIN_MS);
  return db.$transaction(
    async (tx) => {
      const settings = await tx.organisation.findUniqueOrThrow({
        where: { id: organisationId },
        select: { timeZone: true, settings: { select: { lockDays: true, fillDeadlineMinutes: true } } },
      });
      const [top] = await CONTROL_WATERMARK.run(tx, organisationId, mark);
      const todo = await toStore.run(tx, organisationId, from, last, now);
      await tx.$executeRaw`
        DELETE FROM ${tables.days} WHERE "organisationId" = ${organisationId}
           AND (date < ${iso(from)}::date OR date > ${iso(last)}::date)`;
      if (todo.length > 0) {
        const { pairs, inTodo } = classDaysSql(todo);
        await tx.$executeRaw`
          DELETE FROM ${tables.days} d USING ${pairs} t
           WHERE d."organisationId" = ${organisationId} AND d.date = t.date AND d."classId" = t."classId"`;
        await write.insert(tx, { from, inTodo });
      }
      await write.save(tx, {
        changeId: top?.id ?? BigInt(0),
        throughDate: last,
        storedAt: mark,
        lockDays: settings.settings?.lockDays ?? ORG_SETTINGS_DEFAULTS.lockDays,
        minutes: settings.settings?.fillDeadlineMinutes ?? ORG_SETTINGS_DEFAULTS.fillDeadlineMinutes,
        timeZone: settings.timeZone,
      });
      return todo;
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 10_000, timeout: 600_000 },
  );
}

/** Stores one organisation's `/control` class-days at `now`, up to `last` (storeClassDays). Returns their number. */
export async function storeControlDays(o: { organisationId: number }, last: Date, now: Date): Promise<number> {
  const { organisationId } = o;
  const todo = await storeClassDays(CONTROL_TABLES, CONTROL_DAYS_TO_STORE, organisationId, last, now, {
    insert: (tx, { from, inTodo }) => tx.$executeRaw`
          WITH ${fillHeldSql(
            organisationId,
            now,
            Prisma.sql`l.date >= ${iso(from)}::date AND l.date <= ${iso(last)}::date ${inTodo("l")}`,
          )}, ${filledSql(organisationId, { from, to: last, classIds: null }, inTodo)}
          INSERT INTO "ControlDay" ("organisationId", date, "classId", "teacherId", "subjectId", lessons, "noTopic",
                                    "noHomework", "noAttendance", marks, "lateMarks", "lastAt", "onTime", "marksRequired")
          SELECT ${organisationId}, h.date, h."classId", h."teacherId", h."subjectId", count(*)::int,
                 count(*) FILTER (WHERE NOT h."hasTopic")::int, count(*) FILTER (WHERE NOT h."hasHomework")::int,
                 count(*) FILTER (WHERE NOT h."attendanceTaken")::int, sum(h.marks)::int, sum(h.late)::int, max(h.last),
                 count(*) FILTER (WHERE f."filledAt" <= f.deadline)::int, bool_and(f."marksRequired")
            FROM held h
            JOIN filled f ON f."lessonId" = h."lessonId"
           GROUP BY h.date, h."classId", h."teacherId", h."subjectId"`,
    save: (tx, data) =>
      tx.controlStore.upsert({ where: { organisationId }, create: { organisationId, ...data }, update: data }),
  });
  return todo.length;
}
