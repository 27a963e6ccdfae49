// Session-bound reads for the journal pages (JRN-1). The page has the user; these decide the
// scope of what may be listed from the database facts (never from the request) and build the grid
// view from a fixed number of queries.
import { cache } from "react";
import { listScope } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { serverNow } from "@/lib/org/clock";
import { isoDate, todayIn } from "@/lib/org/time";
import { authorizeJournal } from "./access";
import {
  gridHead,
  gridRows,
  journalChoices,
  lessonPlace,
  type GridHead,
  type JournalChoice,
  type PeriodOption,
} from "./data";
import { buildGridView, type GridHidden, type GridRows, type GridView } from "./grid";
import { expectedAbsences } from "./expected/data";
import { windowRead, type GridRead } from "./grid-load";
import {
  gridHeadAndPicker,
  gridPageRead,
  journalPicker,
  type JournalPicker,
  type PageRowsRead,
} from "./grid-reads/data";

const DAY = 86_400_000;

/**
 * The journals the user may open, by the scopes of journal.viewAll / journal.viewOwn, in the current
 * year or in `yearId` (REC-3: a closed year's own classes by that year's load and class-teacher relation).
 */
export const loadJournalChoices = cache(async (user: CurrentUser, yearId?: number | null): Promise<JournalChoice[]> => {
  const { all, classIds, teacherId } = await listScope(user, ["journal.viewAll", "journal.viewOwn", "journal.editAll"]);
  return journalChoices(user.organisationId, { all, classIds, teacherId, yearId });
});

/** The days around today whose substitutions the journal page lists (SCH-3). */
function substitutionDays(user: CurrentUser): [Date, Date] {
  const today = todayIn(user.timeZone);
  return [new Date(today.getTime() - 14 * DAY), new Date(today.getTime() + 7 * DAY)];
}

/**
 * The journal page's picker in one statement (issue 22): the current year's journals of the user's
 * scope (as loadJournalChoices), the lessons the user substitutes around today (SCH-3: the journal
 * opens for exactly those) and the clubs the user leads (PRG-2).
 */
export const loadJournalPicker = cache(async (user: CurrentUser) => {
  const scope = await listScope(user, ["journal.viewAll", "journal.viewOwn", "journal.editAll"]);
  return journalPicker(user.organisationId, user.id, scope, ...substitutionDays(user));
});

/** What loadGridPage will read after the head: the grid's subgroup and the period asked (null: the default). */
export type HeadAsk = { subgroupId: number | null; periodId: number | null };

/**
 * How loadGridPage reads the grid's head (lib/journal/data.ts gridHead's arguments); `ask` — given on
 * a class × subject — lets a read bring the page's rows in the same statement (headWithPicker).
 */
export type HeadRead = (
  organisationId: number,
  classId: number,
  subjectId: number,
  now?: Date,
  ask?: HeadAsk,
) => Promise<GridHead | null>;

/**
 * The journal page's head read with its picker and its rows in the same statement (issue 22 items 2
 * and 4: GRID_PAGE): `head` is loadGridPage's head read; `read` its rows' read (windowRead around
 * `lessonId`), which takes the rows the head's statement brought when they are of the range
 * loadGridPage's own rule gives; `picker` — once loadGridPage is done — gives what a head read
 * brought, or reads the picker on its own when no head was read (no journal asked) or none was found.
 */
export function headWithPicker(
  user: CurrentUser,
  lessonId?: number,
): { head: HeadRead; read: GridRead; picker: () => Promise<JournalPicker> } {
  let got: JournalPicker | null = null;
  let rows: PageRowsRead | null = null;
  return {
    head: async (organisationId, classId, subjectId, now = new Date(), ask) => {
      const scope = await listScope(user, ["journal.viewAll", "journal.viewOwn", "journal.editAll"]);
      const [from, to] = substitutionDays(user);
      const picker = { userId: user.id, scope, from, to };
      if (!ask) {
        const r = await gridHeadAndPicker(organisationId, classId, subjectId, now, picker);
        got ??= r?.picker ?? null;
        return r?.head ?? null;
      }
      // Today in the organisation's zone (the session's; gridPage's today is the head's — the rows are
      // taken only when both agree).
      const today = isoDate(todayIn(user.timeZone, now));
      const r = await gridPageRead(organisationId, classId, subjectId, now, picker, {
        ...ask,
        today,
        lessonId: lessonId ?? null,
      });
      got ??= r?.picker ?? null;
      rows = r?.rows ?? null;
      return r?.head ?? null;
    },
    read: windowRead(lessonId, () => rows),
    picker: async () => got ?? loadJournalPicker(user),
  };
}

export type GridRequest = {
  classId?: number;
  subjectId?: number;
  subgroupId?: number;
  periodId?: number;
  lessonId?: number;
};

export type GridPage =
  | { kind: "none" }
  | { kind: "forbidden" }
  | {
      kind: "grid";
      head: GridHead;
      period: PeriodOption | null;
      view: GridView;
      canEdit: boolean;
      canRequestUnlock: boolean;
      lessonOnly: number | null;
    };

function pickPeriod(periods: PeriodOption[], today: Date, wanted?: number): PeriodOption | null {
  if (wanted !== undefined) return periods.find((p) => p.id === wanted) ?? null;
  const t = today.getTime();
  return (
    periods.find((p) => p.start.getTime() <= t && p.end.getTime() >= t) ??
    [...periods].reverse().find((p) => p.start.getTime() <= t) ??
    periods[0] ??
    null
  );
}

/**
 * The grid page: access on the class × subject (× subgroup), or lesson mode for a substitute.
 * `read`: the rows of a window of the period instead of all of them (lib/journal/grid-reads.ts);
 * `headRead`: the head's read (the page's reads its picker beside it: headWithPicker).
 */
export async function loadGridPage(
  user: CurrentUser,
  req: GridRequest,
  now: Date = serverNow(),
  read?: GridRead,
  headRead: HeadRead = gridHead,
): Promise<GridPage> {
  const { classId, subjectId, subgroupId } = req;
  if (req.lessonId !== undefined && (classId === undefined || subjectId === undefined)) {
    const place = await lessonPlace(user.organisationId, req.lessonId);
    if (!place) return { kind: "forbidden" };
    const [onClass, head] = await Promise.all([
      authorizeJournal(user, {
        kind: "class",
        classId: place.classId,
        subjectId: place.subjectId,
        subgroupId: place.subgroupId,
      }),
      headRead(user.organisationId, place.classId, place.subjectId, now),
    ]);
    if (!head) return { kind: "forbidden" };
    if (onClass.view) {
      // A link to a lesson opens the period that holds it.
      const holding = head.periods.find((p) => p.start <= place.date && p.end >= place.date);
      return gridPage(user, head, place.subgroupId ?? undefined, req.periodId ?? holding?.id, null, onClass, now, read);
    }
    // A substitute (SCH-3): only the lesson they fill.
    const onLesson = await authorizeJournal(user, { kind: "lesson", lessonId: place.id });
    if (!onLesson.view) return { kind: "forbidden" };
    return gridPage(user, head, undefined, undefined, place.id, onLesson, now);
  }
  if (classId === undefined || subjectId === undefined) return { kind: "none" };
  // The gate and the head are read side by side; nothing is shown unless the gate allows it.
  const [rights, head] = await Promise.all([
    authorizeJournal(user, { kind: "class", classId, subjectId, subgroupId: subgroupId ?? null }),
    headRead(user.organisationId, classId, subjectId, now, {
      subgroupId: subgroupId ?? null,
      periodId: req.periodId ?? null,
    }),
  ]);
  if (!rights.view || !head) return { kind: "forbidden" };
  return gridPage(user, head, subgroupId, req.periodId, null, rights, now, read);
}

async function gridPage(
  user: CurrentUser,
  head: GridHead,
  subgroupId: number | undefined,
  periodId: number | undefined,
  lessonOnly: number | null,
  rights: { view: boolean; edit: boolean },
  now: Date,
  read?: GridRead,
): Promise<GridPage> {
  const today = todayIn(head.timeZone, now);
  let period = pickPeriod(head.periods, today, periodId);
  if (lessonOnly !== null) period = null;
  const place = lessonOnly !== null ? await lessonPlace(user.organisationId, lessonOnly) : null;
  const range = place
    ? {
        start: place.date,
        end: place.date,
        periodId: head.periods.find((p) => p.start <= place.date && p.end >= place.date)?.id ?? null,
      }
    : period
      ? {
          start: period.start,
          // Between periods (holidays) the default view runs on to today, so nothing just entered hides.
          end: periodId === undefined && period.end < today && !head.yearClosed ? today : period.end,
          periodId: period.id,
        }
      : { start: today, end: today, periodId: null };
  // DUT-4: what the class teacher recorded ahead and what parents reported, for the attendance
  // column — read for the class beside the rows (one round; a windowed read brings them in its own
  // statements), kept for the students shown.
  const windowed = lessonOnly === null ? read : undefined;
  const [rows, ahead]: [GridRows & { hidden?: GridHidden }, Awaited<ReturnType<typeof expectedAbsences>>] = windowed
    ? await windowed
        .rows(user.organisationId, head, subgroupId ?? null, range, today)
        .then((r) => [r, r.ahead] as [typeof r, typeof r.ahead])
    : await Promise.all([
        gridRows(user.organisationId, head, subgroupId ?? null, range),
        expectedAbsences(user.organisationId, { classId: head.cls.id }, range.start, range.end),
      ]);
  const view = buildGridView(rows, now, today, lessonOnly);
  const shown = new Set(view.students.map((s) => s.id));
  // Issue 22 item 4: what the window does not hold, summed for the students shown.
  if (rows.hidden) {
    const sums = Object.entries(rows.hidden.sums).filter(([id]) => shown.has(Number(id)));
    view.hidden = { ...rows.hidden, sums: Object.fromEntries(sums) };
  }
  view.expected = [
    ...ahead.absences.map((e) => ({ ...e, pending: false })),
    ...ahead.notices.map((e) => ({ ...e, pending: true })),
  ]
    .filter((e) => shown.has(e.studentId))
    .map((e) => ({ ...e, from: isoDate(e.from), to: isoDate(e.to) }));
  // A closed year is read-only for everyone (REC-2, REC-3); the server refuses its writes as well.
  const canEdit = rights.edit && !head.yearClosed;
  return { kind: "grid", head, period, view, canEdit, canRequestUnlock: canEdit, lessonOnly };
}
