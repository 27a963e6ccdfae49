// The journal grid reads only what it sends (issue 22 item 4): the page reads the period's lesson
// index (ids and dates, no cells), then the window's lessons and cells in full and, for the rest of
// the period, each student's marks and absences aggregated in one statement (grid-reads/data.ts
// GRID_HIDDEN) — what the averages, the forecast and the absence counts need. A scroll step (GET /api/journal/grid) reads the
// index and its own lessons' cells only: the client holds the period's sums and takes the step's
// marks out of them (lib/journal/grid-window.ts mergeWindow). The window's choice is grid-window.ts's.
import { isoDate } from "@/lib/org/time";
import { gridRows, type GridHead } from "./data";
import type { GridHidden, GridRows } from "./grid";
import { firstRange, stepRange } from "./grid-window";
import { hiddenSums, lessonIndex, type LessonArgs } from "./grid-reads/data";

type Range = { start: Date; end: Date; periodId: number | null };

/**
 * How the grid page reads its rows (lib/journal/loaders.ts): `rows` in place of the whole period's,
 * with what is not loaded (`hidden`); `expected` — whether the page needs the expected absences.
 */
export type GridRead = {
  rows: (
    organisationId: number,
    head: GridHead,
    subgroupId: number | null,
    range: Range,
    today: Date,
  ) => Promise<GridRows & { hidden?: GridHidden }>;
  expected: boolean;
};

function argsOf(organisationId: number, head: GridHead, subgroupId: number | null, range: Range): LessonArgs {
  return [organisationId, head.cls.id, head.subject.id, subgroupId, isoDate(range.start), isoDate(range.end)];
}

/** The page's read: the window around today's lesson (or the asked one) in full, the rest summed. */
export function windowRead(lessonId?: number): GridRead {
  return {
    expected: true,
    rows: async (organisationId, head, subgroupId, range, today) => {
      const args = argsOf(organisationId, head, subgroupId, range);
      const lessons = await lessonIndex(args);
      const window = firstRange(lessons, isoDate(today), lessonId);
      if (!window) return gridRows(organisationId, head, subgroupId, range);
      const ids = lessons.slice(...window).map((l) => l.id);
      const [rows, sums] = await Promise.all([
        gridRows(organisationId, head, subgroupId, range, { lessonIds: ids, planTopics: true }),
        hiddenSums(args, ids),
      ]);
      return { ...rows, hidden: { before: window[0], after: lessons.length - window[1], sums } };
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
    expected: false,
    rows: async (organisationId, head, subgroupId, range) => {
      const lessons = await lessonIndex(argsOf(organisationId, head, subgroupId, range));
      const step = stepRange(
        lessons.map((l) => l.id),
        fromId,
        toId,
        dir,
      );
      if (!step) throw new GridChangedError("Уроки журнала изменились — обновите страницу");
      const ids = lessons.slice(step.from, step.to).map((l) => l.id);
      const rows = await gridRows(organisationId, head, subgroupId, range, { lessonIds: ids, planTopics: false });
      return { ...rows, hidden: { before: step.before, after: step.after, sums: {} } };
    },
  };
}
