// CTL-1 / DUT-1 (issue 22 item 7): the background worker's writes of `/control`'s stored past days
// (lib/control/store/data.ts says what is stored and when a stored class-day is read). Called once per
// organisation and closed day from REG-2's daily step (lib/region/fill-store.ts runFillStore).
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { fillHeldSql } from "../data";
import { filledSql } from "../deadline/data";
import { CONTROL_DAYS_TO_STORE, CONTROL_WATERMARK, STORE_MARGIN_MS, STORE_WINDOW_DAYS } from "./data";

const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Stores one organisation's `/control` class-days at `now`, up to `last` (the last day whose deadline
 * has passed, fill-store.ts lastClosedDay), over STORE_WINDOW_DAYS: every class-day of the window that
 * the current watermark does not hold valid (not stored yet, or changed since: CONTROL_VALID's checks) is
 * recomputed and replaced, the rows outside the window dropped, and the watermark (journal change id,
 * `storedAt`, the settings) moved — in one REPEATABLE READ transaction, so the checks, the figures and the
 * watermark read one snapshot. Returns the class-days stored.
 */
export async function storeControlDays(o: { organisationId: number }, last: Date, now: Date): Promise<number> {
  const { organisationId } = o;
  const from = new Date(last.getTime() - (STORE_WINDOW_DAYS - 1) * DAY_MS);
  const mark = new Date(now.getTime() - STORE_MARGIN_MS);
  return db.$transaction(
    async (tx) => {
      const settings = await tx.organisation.findUniqueOrThrow({
        where: { id: organisationId },
        select: { timeZone: true, settings: { select: { lockDays: true, fillDeadlineMinutes: true } } },
      });
      const [top] = await CONTROL_WATERMARK.run(tx, organisationId, mark);
      const todo = await CONTROL_DAYS_TO_STORE.run(tx, organisationId, from, last, now);
      await tx.$executeRaw`
        DELETE FROM "ControlDay" WHERE "organisationId" = ${organisationId}
           AND (date < ${iso(from)}::date OR date > ${iso(last)}::date)`;
      if (todo.length > 0) {
        const dates = todo.map((t) => t.date);
        const classes = todo.map((t) => t.classId);
        const pairs = Prisma.sql`(SELECT t.date, t."classId" FROM unnest(${dates}::date[], ${classes}::int[]) AS t(date, "classId"))`;
        const inTodo = (alias: string) => {
          const a = Prisma.raw(alias);
          return Prisma.sql`AND (${a}.date, ${a}."classId") IN ${pairs}`;
        };
        await tx.$executeRaw`
          DELETE FROM "ControlDay" d USING ${pairs} t
           WHERE d."organisationId" = ${organisationId} AND d.date = t.date AND d."classId" = t."classId"`;
        await tx.$executeRaw`
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
           GROUP BY h.date, h."classId", h."teacherId", h."subjectId"`;
      }
      const data = {
        changeId: top?.id ?? BigInt(0),
        throughDate: last,
        storedAt: mark,
        lockDays: settings.settings?.lockDays ?? ORG_SETTINGS_DEFAULTS.lockDays,
        minutes: settings.settings?.fillDeadlineMinutes ?? ORG_SETTINGS_DEFAULTS.fillDeadlineMinutes,
        timeZone: settings.timeZone,
      };
      await tx.controlStore.upsert({ where: { organisationId }, create: { organisationId, ...data }, update: data });
      return todo.length;
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 10_000, timeout: 600_000 },
  );
}
