// The journal grid's window of lessons (issue 22 item 4): the page sends the frame (students, their
// averages and absences over the WHOLE period) and the cells of the lessons around the one a teacher
// opens the journal for — today's (or the period's last ones), or the lesson a link names; earlier
// and later lessons come as compact data (app/api/journal/grid) when the teacher scrolls to them.
// What is not loaded is summed per student on the server (`GridHidden`), so the averages, the
// forecast and the absences stay those of the whole period, and the client keeps them right while
// the teacher types into the loaded lessons. Pure.
import {
  hiddenMarksCode,
  mergeCells,
  studentAbsences,
  studentMarks,
  withoutLoaded,
  type GridHidden,
  type GridView,
  type HiddenSums,
} from "./grid";
import { packGridView, unpackGridView, type PackedGridView } from "./grid-pack";

/** Lessons loaded up to the focused one, and after it (a teacher's usual reach: the last few weeks). */
export const WINDOW_BEFORE = 20;
export const WINDOW_AFTER = 5;
/** Lessons fetched per scroll step. */
export const WINDOW_STEP = 25;

/** The index of the lesson the journal opens at: the asked one, else the last one up to today. */
export function focusIndex(lessons: readonly { id: number; date: string }[], today: string, lessonId?: number): number {
  if (lessonId !== undefined) {
    const i = lessons.findIndex((l) => l.id === lessonId);
    if (i >= 0) return i;
  }
  for (let i = lessons.length - 1; i >= 0; i--) if (lessons[i].date <= today) return i;
  return 0;
}

/** The first view's window [from, to) of `count` lessons around `focus`. */
export function firstWindow(count: number, focus: number): [number, number] {
  const from = Math.max(0, focus - WINDOW_BEFORE + 1);
  const to = Math.min(count, focus + WINDOW_AFTER + 1);
  return [from, to];
}

/** The first view's [from, to) over the period's lessons in order; null — a short period, sent whole. */
export function firstRange(
  lessons: readonly { id: number; date: string }[],
  today: string,
  lessonId?: number,
): [number, number] | null {
  if (lessons.length <= WINDOW_BEFORE + WINDOW_AFTER) return null;
  return firstWindow(lessons.length, focusIndex(lessons, today, lessonId));
}

/** Lessons [from, to) of a view with their cells only (nothing summed). */
function cellsOf(view: GridView, from: number, to: number): GridView {
  const { hidden: _hidden, ...rest } = view;
  void _hidden;
  const lessons = view.lessons.slice(from, to);
  // The cells of the students shown (a column's other students' cells stay out, as they always did).
  const ofStudents = <T>(column: Map<number, T> | undefined) => {
    const out = new Map<number, T>();
    if (!column) return out;
    for (const s of view.students) {
      const cell = column.get(s.id);
      if (cell !== undefined) out.set(s.id, cell);
    }
    return out;
  };
  const marks: GridView["marks"] = new Map();
  const attendance: GridView["attendance"] = new Map();
  for (const l of lessons) {
    const a = ofStudents(view.attendance.get(l.id));
    if (a.size > 0) attendance.set(l.id, a);
    for (const x of l.assignments) {
      const m = ofStudents(view.marks.get(x.id));
      if (m.size > 0) marks.set(x.id, m);
    }
  }
  return {
    ...rest,
    lessons,
    students: view.students.map((s) => ({ ...s, cells: s.cells.slice(from, to) })),
    marks,
    attendance,
  };
}

/** The part of a whole-period view holding lessons [from, to), with what is outside summed per student. */
export function sliceView(view: GridView, from: number, to: number): GridView & { hidden: GridHidden } {
  const outside = [...view.lessons.slice(0, from), ...view.lessons.slice(to)];
  const sums: Record<number, HiddenSums> = {};
  for (const s of view.students) {
    const hidden = hiddenSums({ ...view, lessons: outside }, s.id);
    if (hidden) sums[s.id] = hidden;
  }
  return { ...cellsOf(view, from, to), hidden: { before: from, after: view.lessons.length - to, sums } };
}

function hiddenSums(view: Pick<GridView, "lessons" | "marks" | "attendance">, studentId: number): HiddenSums | null {
  const { count, hours } = studentAbsences({ lessons: view.lessons, attendance: view.attendance }, studentId);
  const marks = hiddenMarksCode(studentMarks(view, studentId));
  return marks || count || hours ? [marks, count, hours] : null;
}

/** The first view: the window around today's lesson (or the asked one), the rest summed. */
export function firstView(view: GridView, lessonId?: number): GridView {
  const range = firstRange(view.lessons, view.today, lessonId);
  return range ? sliceView(view, ...range) : view;
}

/** A scroll step's lessons as they travel (GET /api/journal/grid): the cells packed like the page's. */
export type PackedWindow = Pick<
  PackedGridView,
  "lessons" | "locks" | "markRows" | "attendanceRows" | "markComments" | "marks" | "attendance"
> & {
  /** The rows of markRows / attendanceRows / cells. */
  students: number[];
  /** GridStudent.cells of the new lessons, by row. */
  cells: string[];
  /**
   * How many lessons stay outside the loaded ones once these are added. The per-student sums are not
   * sent again: the client takes the step's marks and absences out of the ones it holds (mergeWindow).
   */
  hidden: Omit<GridHidden, "sums">;
};

/** A scroll step over the period's lessons `ids` (in order): its [from, to) and what stays hidden after it. */
export type StepRange = { from: number; to: number; before: number; after: number };

/**
 * The step of lessons before `fromId` or after `toId` (the loaded range's ends); null when either id
 * is not a lesson of the period, or they are out of order (the journal changed: reload).
 */
export function stepRange(
  ids: readonly number[],
  fromId: number,
  toId: number,
  dir: "before" | "after",
): StepRange | null {
  const i = ids.indexOf(fromId);
  const j = ids.indexOf(toId);
  if (i < 0 || j < i) return null;
  return dir === "before"
    ? { from: Math.max(0, i - WINDOW_STEP), to: i, before: Math.max(0, i - WINDOW_STEP), after: ids.length - j - 1 }
    : {
        from: j + 1,
        to: Math.min(ids.length, j + 1 + WINDOW_STEP),
        before: i,
        after: Math.max(0, ids.length - j - 1 - WINDOW_STEP),
      };
}

/** A step from a view that holds exactly the step's lessons (the server reads only those). */
export function packStep(part: GridView, range: Pick<StepRange, "before" | "after">): PackedWindow {
  const packed = packGridView(part);
  return {
    lessons: packed.lessons,
    locks: packed.locks,
    markRows: packed.markRows,
    attendanceRows: packed.attendanceRows,
    markComments: packed.markComments,
    marks: packed.marks,
    attendance: packed.attendance,
    students: part.students.map((s) => s.id),
    cells: part.students.map((s) => s.cells),
    hidden: { before: range.before, after: range.after },
  };
}

/** The step from a whole-period view (what the server's step read gives, for the pure tests). */
export function windowStep(view: GridView, fromId: number, toId: number, dir: "before" | "after"): PackedWindow | null {
  const range = stepRange(
    view.lessons.map((l) => l.id),
    fromId,
    toId,
    dir,
  );
  return range ? packStep(cellsOf(view, range.from, range.to), range) : null;
}

/**
 * The client's view with a step's lessons added at its start or end (the frame's students kept); the
 * step's marks and absences leave the students' hidden sums, so the averages stay the period's.
 */
export function mergeWindow(view: GridView, step: PackedWindow, dir: "before" | "after"): GridView {
  const { students: ids, cells, hidden, ...cellsPart } = step;
  const { hidden: held, ...frame } = view;
  const part = unpackGridView({
    ...frame,
    ...cellsPart,
    students: ids.map((id) => [id, "", "", 0, 0, 0]),
  });
  const cellsOf = new Map(ids.map((id, row) => [id, cells[row] ?? ""]));
  const pad = (s: string) => s.padEnd(part.lessons.length, "o").slice(0, part.lessons.length);
  const sums: Record<number, HiddenSums> = {};
  for (const [id, sum] of Object.entries(held?.sums ?? {})) {
    const left = withoutLoaded(sum, studentMarks(part, Number(id)), studentAbsences(part, Number(id)));
    if (left) sums[Number(id)] = left;
  }
  return {
    ...frame,
    lessons: dir === "before" ? [...part.lessons, ...view.lessons] : [...view.lessons, ...part.lessons],
    students: view.students.map((s) => {
      const add = pad(cellsOf.get(s.id) ?? "x".repeat(part.lessons.length));
      return { ...s, cells: dir === "before" ? add + s.cells : s.cells + add };
    }),
    marks: mergeCells(part.marks, view.marks),
    attendance: mergeCells(part.attendance, view.attendance),
    hidden: { ...hidden, sums },
  };
}
