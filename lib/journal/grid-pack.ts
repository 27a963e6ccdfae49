// The grid's view model in a compact form for the trip from the server page to the client grid
// (issue 10, issue 22 item 4): the RSC payload would otherwise repeat the keys of every mark and
// attendance object (`{"kind":…,"value":…,"isHospital":…}`) and the ids of every cell. The cells
// travel as one string per student, aligned with the period's columns the client builds anyway:
// `markRows[i]` holds student i's marks in the order of the lessons' assignments, `attendanceRows[i]`
// the attendance of each lesson, entries separated by commas, an empty entry for an empty cell.
//   mark entry: [kind letter unless a grade with a value][value]["b" hospital]["v"version ≠ 1]
//               — «5», «3bv4», «D», «Pv2»; a comment goes to `markComments` (free text has commas)
//   attendance entry: code["h"missed hours]["v"version ≠ 1] — «N», «OPh1.5v3»
// A cell outside the layout (none in a built view) stays a tuple in `marks` / `attendance`. The
// client grid unpacks once and works on the ordinary GridView. Pure.
import { type MarkKindName } from "@/lib/journal/marks";
import {
  cellOf,
  putCell,
  type GridAssignment,
  type GridAttendance,
  type GridCells,
  type GridLesson,
  type GridMark,
  type GridStudent,
  type GridType,
  type GridView,
} from "./grid";
import type { Lock } from "./lock";
import type { AttendanceCodeName } from "./rules";

/** [assignmentId, studentId, kind, value, isHospital (1/0), comment, version] */
export type PackedMark = [number, number, MarkKindName, number | null, 0 | 1, string | null, number];
/** [lessonId, studentId, code, missedHours, version] */
export type PackedAttendance = [number, number, AttendanceCodeName, number | null, number];

/** [id, typeId, weight, description, dueDate, hasSpecification (1/0)]: the type's names come from view.types. */
export type PackedAssignment = [number, number, number, string | null, string | null, 0 | 1];
/** The lesson fields that travel as they are, in their tuple order (the one list pack and unpack share). */
const PLAIN_LESSON_FIELDS = [
  "id",
  "date",
  "bell",
  "hours",
  "topic",
  "content",
  "version",
  "planTopicId",
  "homework",
  "homeworkMarker",
] as const satisfies readonly (keyof GridLesson)[];
type PlainLessonField = (typeof PLAIN_LESSON_FIELDS)[number];
/** A lesson's homework: [id, text, dueDate, version, [[fileId, name, size]]]. */
export type PackedHomework = [number, string, string | null, number, [number, string, number][]];
/** The value types of the fields F, as a tuple, the homework packed. */
type FieldValues<F extends readonly (keyof GridLesson)[]> = {
  -readonly [I in keyof F]: F[I] extends "homework"
    ? PackedHomework | null
    : F[I] extends keyof GridLesson
      ? GridLesson[F[I]]
      : never;
};
type PlainLesson = FieldValues<typeof PLAIN_LESSON_FIELDS>;
/**
 * [id, name, cells — 0 when every lesson is open ("o" each), finalSet, left, joinedLate (1/0)]: a class
 * of 35 wrote six keys and a row of «o» per student (issue 22 item 4).
 */
export type PackedStudent = [number, string, string | 0, 0 | 1, 0 | 1, 0 | 1];

/**
 * [id, date, bell, hours, topic, content, version, planTopicId, homework, homeworkMarker, assignments,
 *  lock, lessonLock, assignmentLock (indexes into `locks`), attendanceTaken, substituted (1/0)];
 * an assignment whose type is not among view.types stays a whole object.
 */
export type PackedLesson = [...PlainLesson, ...PackedLessonTail];
type PackedLessonTail = [(PackedAssignment | GridAssignment)[], number, number, number, 0 | 1, 0 | 1];

export type PackedGridView = Omit<GridView, "marks" | "attendance" | "lessons" | "students"> & {
  students: PackedStudent[];
  /** The lessons as tuples; their locks (three per lesson, the same few reasons) once each in `locks`. */
  lessons: PackedLesson[];
  locks: Lock[];
  /** One string per student (view.students order): the marks of the period's assignment columns. */
  markRows: string[];
  /** One string per student: the attendance of each lesson. */
  attendanceRows: string[];
  /** [assignmentId, studentId, comment] of the marks with a comment. */
  markComments: [number, number, string][];
  /** Cells outside the students × columns layout (kept lossless; empty for a built view). */
  marks: PackedMark[];
  attendance: PackedAttendance[];
};

const KIND_LETTER: Record<MarkKindName, string> = {
  GRADE: "G",
  PASS: "P",
  FAIL: "F",
  DEBT: "D",
  NOT_ATTESTED: "N",
};
const LETTER_KIND = Object.fromEntries(Object.entries(KIND_LETTER).map(([k, l]) => [l, k])) as Record<
  string,
  MarkKindName
>;
const MARK_ENTRY = /^([GPFDN]?)(-?\d+(?:\.\d+)?)?(b?)(?:v(\d+))?$/;
const ATTENDANCE_ENTRY = /^([A-Z]+)(?:h(-?\d+(?:\.\d+)?))?(?:v(\d+))?$/;

const versionPart = (version: number) => (version === 1 ? "" : `v${version}`);

function markEntry(m: GridMark): string {
  const letter = m.kind === "GRADE" && m.value !== null ? "" : KIND_LETTER[m.kind];
  return `${letter}${m.value ?? ""}${m.isHospital ? "b" : ""}${versionPart(m.version)}`;
}

function attendanceEntry(a: GridAttendance): string {
  return `${a.code}${a.missedHours !== null ? `h${a.missedHours}` : ""}${versionPart(a.version)}`;
}

/** A row's entries (holes for empty cells) joined by commas, trailing empty ones dropped (a row without a mark is ""). */
function joinRow(entries: string[]): string {
  let out = "";
  for (let i = 0; i < entries.length; i++) out += (i > 0 ? "," : "") + (entries[i] ?? "");
  return out;
}

const assignmentIds = (lessons: { assignments: unknown[] }[], id: (a: unknown) => number) =>
  lessons.flatMap((l) => l.assignments.map(id));
const idOf = (a: unknown) => (Array.isArray(a) ? (a[0] as number) : (a as GridAssignment).id);

function packAssignment(a: GridAssignment, types: Map<number, GridType>): PackedAssignment | GridAssignment {
  const t = types.get(a.typeId);
  if (!t || t.shortName !== a.typeShort || t.name !== a.typeName || t.isControl !== a.isControl) return a;
  return [a.id, a.typeId, a.weight, a.description, a.dueDate, a.hasSpecification ? 1 : 0];
}

function unpackAssignment(a: PackedAssignment | GridAssignment, types: Map<number, GridType>): GridAssignment {
  if (!Array.isArray(a)) return a;
  const [id, typeId, weight, description, dueDate, hasSpecification] = a;
  const t = types.get(typeId)!;
  return {
    id,
    typeId,
    typeShort: t.shortName,
    typeName: t.name,
    weight,
    description,
    dueDate,
    isControl: t.isControl,
    hasSpecification: hasSpecification === 1,
  };
}

const packHomework = (h: GridLesson["homework"]): PackedHomework | null =>
  h && [h.id, h.text, h.dueDate, h.version, h.files.map((f) => [f.id, f.name, f.size])];

const unpackHomework = (h: PackedHomework | null): GridLesson["homework"] =>
  h && {
    id: h[0],
    text: h[1],
    dueDate: h[2],
    version: h[3],
    files: h[4].map(([id, name, size]) => ({ id, name, size })),
  };

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

function packStudents(view: GridView): PackedStudent[] {
  const open = "o".repeat(view.lessons.length);
  return view.students.map((s) => [
    s.id,
    s.name,
    s.cells === open ? 0 : s.cells,
    bit(s.finalSet),
    bit(s.left),
    bit(s.joinedLate),
  ]);
}

function unpackStudents(packed: PackedGridView): GridStudent[] {
  const open = "o".repeat(packed.lessons.length);
  return packed.students.map(([id, name, cells, finalSet, left, joinedLate]) => ({
    id,
    name,
    cells: cells === 0 ? open : cells,
    finalSet: finalSet === 1,
    left: left === 1,
    joinedLate: joinedLate === 1,
  }));
}

function packLessons(view: GridView): { lessons: PackedLesson[]; locks: Lock[] } {
  const locks: Lock[] = [];
  const index = new Map<string, number>();
  const lockIdx = (lock: Lock) => {
    // The lock's fields as its key (a JSON text per lock was a third of the packing's time).
    const key = lock.open ? (lock.byUnlock ? "u" : "o") : `${lock.code}\n${lock.reason}`;
    let i = index.get(key);
    if (i === undefined) {
      i = locks.push(lock) - 1;
      index.set(key, i);
    }
    return i;
  };
  const types = new Map(view.types.map((t) => [t.id, t]));
  const lessons = view.lessons.map((l): PackedLesson => [
    ...(PLAIN_LESSON_FIELDS.map((k) => (k === "homework" ? packHomework(l.homework) : l[k])) as unknown as PlainLesson),
    l.assignments.map((a) => packAssignment(a, types)),
    lockIdx(l.lock),
    lockIdx(l.lessonLock),
    lockIdx(l.assignmentLock),
    l.attendanceTaken ? 1 : 0,
    l.substituted ? 1 : 0,
  ]);
  return { lessons, locks };
}

function unpackLessons(packed: PackedGridView): GridLesson[] {
  const types = new Map(packed.types.map((t) => [t.id, t]));
  const n = PLAIN_LESSON_FIELDS.length;
  return packed.lessons.map((tuple): GridLesson => {
    const [assignments, lock, lessonLock, assignmentLock, attendanceTaken, substituted] = tuple.slice(
      n,
    ) as PackedLessonTail;
    const plain = Object.fromEntries(
      PLAIN_LESSON_FIELDS.map((k, i) => [
        k,
        k === "homework" ? unpackHomework(tuple[i] as PackedHomework | null) : tuple[i],
      ]),
    ) as Pick<GridLesson, PlainLessonField>;
    return {
      ...plain,
      assignments: assignments.map((a) => unpackAssignment(a, types)),
      lock: packed.locks[lock],
      lessonLock: packed.locks[lessonLock],
      assignmentLock: packed.locks[assignmentLock],
      attendanceTaken: attendanceTaken === 1,
      substituted: substituted === 1,
    };
  });
}

export function packGridView(view: GridView): PackedGridView {
  const { marks: allMarks, attendance: allAttendance, lessons: _lessons, students: _students, ...rest } = view;
  void _lessons;
  void _students;
  const marks: PackedMark[] = [];
  const attendance: PackedAttendance[] = [];
  const markComments: [number, number, string][] = [];
  // Issue 22 item 2: one pass over the cells held (numeric indexes), not a string key built and
  // looked up for every student × column of the layout (most of them empty).
  const rowOf = new Map(view.students.map((s, i) => [s.id, i]));
  const markCol = new Map(assignmentIds(view.lessons, idOf).map((id, i) => [id, i]));
  const lessonCol = new Map(view.lessons.map((l, i) => [l.id, i]));
  const markCells: string[][] = view.students.map(() => []);
  const attendanceCells: string[][] = view.students.map(() => []);
  const commented: [number, number, [number, number, string]][] = [];
  for (const [assignmentId, held] of allMarks) {
    const col = markCol.get(assignmentId);
    for (const [studentId, m] of held) {
      const row = rowOf.get(studentId);
      if (row === undefined || col === undefined) {
        marks.push([assignmentId, studentId, m.kind, m.value, m.isHospital ? 1 : 0, m.comment, m.version]);
        continue;
      }
      markCells[row][col] = markEntry(m);
      if (m.comment !== null) commented.push([row, col, [assignmentId, studentId, m.comment]]);
    }
  }
  // The comments in the layout's order (student by student, column by column).
  commented.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [, , c] of commented) markComments.push(c);
  for (const [lessonId, held] of allAttendance) {
    const col = lessonCol.get(lessonId);
    for (const [studentId, a] of held) {
      const row = rowOf.get(studentId);
      if (row === undefined || col === undefined) {
        attendance.push([lessonId, studentId, a.code, a.missedHours, a.version]);
        continue;
      }
      attendanceCells[row][col] = attendanceEntry(a);
    }
  }
  return {
    ...rest,
    ...packLessons(view),
    students: packStudents(view),
    markRows: markCells.map(joinRow),
    attendanceRows: attendanceCells.map(joinRow),
    markComments,
    marks,
    attendance,
  };
}

export function unpackGridView(packed: PackedGridView): GridView {
  const {
    markRows,
    attendanceRows,
    markComments,
    marks: extraMarks,
    attendance: extraAttendance,
    lessons: _packedLessons,
    locks: _locks,
    students: _packedStudents,
    ...rest
  } = packed;
  void _packedLessons;
  void _locks;
  void _packedStudents;
  const lessons = unpackLessons(packed);
  const students = unpackStudents(packed);
  const marks: GridCells<GridMark> = new Map();
  const attendance: GridCells<GridAttendance> = new Map();
  const columns = assignmentIds(lessons, idOf);
  students.forEach((s, row) => {
    const markCells = markRows[row] ? markRows[row].split(",") : [];
    markCells.forEach((entry, col) => {
      const m = entry ? MARK_ENTRY.exec(entry) : null;
      if (!m || columns[col] === undefined) return;
      putCell(marks, columns[col], s.id, {
        kind: m[1] ? LETTER_KIND[m[1]] : "GRADE",
        value: m[2] !== undefined ? Number(m[2]) : null,
        isHospital: m[3] === "b",
        comment: null,
        version: m[4] !== undefined ? Number(m[4]) : 1,
      });
    });
    const attendanceCells = attendanceRows[row] ? attendanceRows[row].split(",") : [];
    attendanceCells.forEach((entry, col) => {
      const a = entry ? ATTENDANCE_ENTRY.exec(entry) : null;
      const lesson = lessons[col];
      if (!a || !lesson) return;
      putCell(attendance, lesson.id, s.id, {
        code: a[1] as AttendanceCodeName,
        missedHours: a[2] !== undefined ? Number(a[2]) : null,
        version: a[3] !== undefined ? Number(a[3]) : 1,
      });
    });
  });
  for (const [assignmentId, studentId, comment] of markComments) {
    const m = cellOf(marks, assignmentId, studentId);
    if (m) m.comment = comment;
  }
  for (const [assignmentId, studentId, kind, value, isHospital, comment, version] of extraMarks) {
    putCell(marks, assignmentId, studentId, { kind, value, isHospital: isHospital === 1, comment, version });
  }
  for (const [lessonId, studentId, code, missedHours, version] of extraAttendance) {
    putCell(attendance, lessonId, studentId, { code, missedHours, version });
  }
  return { ...rest, lessons, students, marks, attendance };
}

/**
 * The packed view as it travels in the RSC payload (issue 22 item 4): ONE JSON string. Flight walks
 * every nested array and object of a prop (the lessons' tuples, the students…) and the server
 * renderer reads them back for the HTML; a long string is written and read as one text chunk. It is
 * wrapped in an object so that every server render is a new value (the grid takes a refresh's data
 * even when it is equal to the last one, as it did with the packed object).
 */
export type GridPayload = { packed: string };

export const gridPayload = (view: GridView): GridPayload => ({ packed: JSON.stringify(packGridView(view)) });

export const viewOfPayload = (payload: GridPayload): GridView =>
  unpackGridView(JSON.parse(payload.packed) as PackedGridView);
