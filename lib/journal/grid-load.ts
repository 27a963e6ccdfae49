// The journal grid reads only what it sends (issue 22 items 4 and 5): after the head and the gate,
// the page reads in ONE statement (grid-reads/data.ts GRID_PAGE_ROWS) the window-independent parts of
// the period (GRID_PERIOD: the lesson index — ids and dates, no cells —, types, class list, finals,
// plan topics, expected absences), the window's lessons and cells in full (the window picked from the
// index in SQL by firstRange's rule) and, for the rest of the period, each student's marks and
// absences aggregated (GRID_WINDOW's columns) — what the averages, the forecast and the absence counts
// need. A scroll step (GET /api/journal/grid) reads GRID_PERIOD and GRID_WINDOW for its own lessons,
// without plan topics, expected absences or sums: the client
// holds the period's sums and takes the step's marks out of them (lib/journal/grid-window.ts
// mergeWindow). The window's choice is grid-window.ts's.
import { isoDate } from "@/lib/org/time";
import type { GridHead } from "./data";
import type { ExpectedAbsence } from "./expected/data";
import type { GridHidden, GridRows } from "./grid";
import { firstRange, stepRange } from "./grid-window";
import {
  expectedOf,
  pageRows,
  periodFacts,
  rowsOf,
  windowRows,
  type LessonArgs,
  type PageRowsRead,
} from "./grid-reads/data";

type Range = { start: Date; end: Date; periodId: number | null };

/**
 * How the grid page reads its rows (lib/journal/loaders.ts): `rows` in place of the whole period's,
 * with what is not loaded (`hidden`) and the expected absences of the class (`ahead`, DUT-4; none
 * for a scroll step).
 */
export type GridRead = {
  rows: (
    organisationId: number,
    head: GridHead,
    subgroupId: number | null,
    range: Range,
    today: Date,
  ) => Promise<GridRows & { hidden?: GridHidden; ahead: { absences: ExpectedAbsence[]; notices: ExpectedAbsence[] } }>;
};

function argsOf(organisationId: number, head: GridHead, subgroupId: number | null, range: Range): LessonArgs {
  return [organisationId, head.cls.id, head.subject.id, subgroupId, isoDate(range.start), isoDate(range.end)];
}

/** The rows `read` brought for exactly this range, focus and today (GRID_PAGE's range is SQL's pick). */
function sameRead(
  read: PageRowsRead,
  args: LessonArgs,
  periodId: number | null,
  today: string,
  lessonId: number | null,
): boolean {
  return (
    read.args.every((v, i) => v === args[i]) &&
    read.periodId === periodId &&
    read.today === today &&
    read.lessonId === lessonId
  );
}

/**
 * The page's read: the window around today's lesson (or the asked one) in full, the rest summed.
 * `ready`: the rows the head's statement already brought (GRID_PAGE, lib/journal/loaders.ts
 * headWithPicker) — taken when they are of this very range, else read here.
 */
export function windowRead(lessonId?: number, ready?: () => PageRowsRead | null): GridRead {
  return {
    rows: async (organisationId, head, subgroupId, range, today) => {
      const args = argsOf(organisationId, head, subgroupId, range);
      const given = ready?.() ?? null;
      // ONE statement: the period's facts and the window firstRange picks, chosen in SQL by the same rule.
      const page =
        given && sameRead(given, args, range.periodId, isoDate(today), lessonId ?? null)
          ? given
          : await pageRows(
              args,
              { periodId: range.periodId, planTopics: true, expected: true },
              isoDate(today),
              lessonId ?? null,
            );
      const window = firstRange(page.lessons, isoDate(today), lessonId);
      // A short period is sent whole (no window, nothing hidden).
      const { sums, ...rows } = rowsOf(args, head, range, page.row, page.row, window !== null);
      const ahead = expectedOf(page.row);
      return window
        ? { ...rows, ahead, hidden: { before: window[0], after: page.lessons.length - window[1], sums } }
        : { ...rows, ahead };
    },
  };
}

/** The loaded range's ends are no longer lessons of the period in order: the client reloads. */
export class GridChangedError extends Error {}

/**
 * A scroll step's read: the lessons before `fromId` or after `toId` — their rows only, and how many
 * stay hidden (`hidden` without sums: the client holds them). GridChangedError when the ids are not
 * lessons of the period.
 */
export function stepRead(fromId: number, toId: number, dir: "before" | "after"): GridRead {
  return {
    rows: async (organisationId, head, subgroupId, range) => {
      const args = argsOf(organisationId, head, subgroupId, range);
      const period = await periodFacts(args, { periodId: range.periodId, planTopics: false, expected: false });
      const step = stepRange(
        period.lessons.map((l) => l.id),
        fromId,
        toId,
        dir,
      );
      if (!step) throw new GridChangedError("Уроки журнала изменились — обновите страницу");
      const ids = period.lessons.slice(step.from, step.to).map((l) => l.id);
      const { sums: _none, ...rows } = await windowRows(args, head, range, period.row, ids, false);
      void _none;
      return {
        ...rows,
        ahead: { absences: [], notices: [] },
        hidden: { before: step.before, after: step.after, sums: {} },
      };
    },
  };
}
