// The journal grid's window of lessons (issue 22 item 4): the page sends the frame (students, their
// averages and absences over the WHOLE period) and the cells of the lessons around the one a teacher
// opens the journal for — today's (or the period's last ones), or the lesson a link names; earlier
// and later lessons come as compact data (app/api/journal/grid) when the teacher scrolls to them.
// What is not loaded is summed per student on the server (`GridHidden`), so the averages, the
// forecast and the absences stay those of the whole period, and the client keeps them right while
// the teacher types into the loaded lessons. Pure.
import {
  attendanceKey,
  hiddenMarksCode,
  markKey,
  studentMarks,
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

/** The part of a whole-period view holding lessons [from, to), with what is outside summed per student. */
export function sliceView(view: GridView, from: number, to: number): GridView & { hidden: GridHidden } {
  const lessons = view.lessons.slice(from, to);
  const outside = [...view.lessons.slice(0, from), ...view.lessons.slice(to)];
  const marks: GridView["marks"] = {};
  const attendance: GridView["attendance"] = {};
  const sums: Record<number, HiddenSums> = {};
  for (const s of view.students) {
    for (const l of lessons) {
      const a = view.attendance[attendanceKey(l.id, s.id)];
      if (a) attendance[attendanceKey(l.id, s.id)] = a;
      for (const x of l.assignments) {
        const m = view.marks[markKey(x.id, s.id)];
        if (m) marks[markKey(x.id, s.id)] = m;
      }
    }
    const hidden = hiddenSums({ ...view, lessons: outside }, s.id);
    if (hidden) sums[s.id] = hidden;
  }
  return {
    ...view,
    lessons,
    students: view.students.map((s) => ({ ...s, cells: s.cells.slice(from, to) })),
    marks,
    attendance,
    hidden: { before: from, after: view.lessons.length - to, sums },
  };
}

function hiddenSums(view: Pick<GridView, "lessons" | "marks" | "attendance">, studentId: number): HiddenSums | null {
  let absences = 0;
  let hours = 0;
  for (const l of view.lessons) {
    const a = view.attendance[attendanceKey(l.id, studentId)];
    if (!a || a.code === "OP") continue;
    absences++;
    hours += a.missedHours ?? l.hours;
  }
  const marks = hiddenMarksCode(studentMarks(view, studentId));
  return marks || absences || hours ? [marks, absences, hours] : null;
}

/** The first view: the window around today's lesson (or the asked one), the rest summed. */
export function firstView(view: GridView, lessonId?: number): GridView {
  if (view.lessons.length <= WINDOW_BEFORE + WINDOW_AFTER) return view;
  const [from, to] = firstWindow(view.lessons.length, focusIndex(view.lessons, view.today, lessonId));
  return sliceView(view, from, to);
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
  /** What stays outside the loaded lessons once these are added. */
  hidden: GridHidden;
};

/**
 * The lessons before `fromId` or after `toId` (the loaded range's ends) of a whole-period view, one
 * step of them; null when either id is not a lesson of the view (the journal changed: reload).
 */
export function windowStep(view: GridView, fromId: number, toId: number, dir: "before" | "after"): PackedWindow | null {
  const i = view.lessons.findIndex((l) => l.id === fromId);
  const j = view.lessons.findIndex((l) => l.id === toId);
  if (i < 0 || j < i) return null;
  const [from, to] =
    dir === "before" ? [Math.max(0, i - WINDOW_STEP), i] : [j + 1, Math.min(view.lessons.length, j + 1 + WINDOW_STEP)];
  const part = packGridView(sliceView(view, from, to));
  const loaded = dir === "before" ? sliceView(view, from, j + 1) : sliceView(view, i, to);
  return {
    lessons: part.lessons,
    locks: part.locks,
    markRows: part.markRows,
    attendanceRows: part.attendanceRows,
    markComments: part.markComments,
    marks: part.marks,
    attendance: part.attendance,
    students: view.students.map((s) => s.id),
    cells: part.students.map((s) => s.cells),
    hidden: loaded.hidden,
  };
}

/** The client's view with a step's lessons added at its start or end (the frame's students kept). */
export function mergeWindow(view: GridView, step: PackedWindow, dir: "before" | "after"): GridView {
  const { students: ids, cells, hidden, ...cellsPart } = step;
  const part = unpackGridView({
    ...view,
    ...cellsPart,
    students: ids.map((id) => ({ id, name: "", cells: "", finalSet: false, left: false, joinedLate: false })),
  });
  const cellsOf = new Map(ids.map((id, row) => [id, cells[row] ?? ""]));
  const pad = (s: string) => s.padEnd(part.lessons.length, "o").slice(0, part.lessons.length);
  return {
    ...view,
    lessons: dir === "before" ? [...part.lessons, ...view.lessons] : [...view.lessons, ...part.lessons],
    students: view.students.map((s) => {
      const add = pad(cellsOf.get(s.id) ?? "x".repeat(part.lessons.length));
      return { ...s, cells: dir === "before" ? add + s.cells : s.cells + add };
    }),
    marks: { ...part.marks, ...view.marks },
    attendance: { ...part.attendance, ...view.attendance },
    hidden,
  };
}
