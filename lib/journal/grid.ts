// The journal grid as a view model (JRN-1…JRN-4, JRN-9): plain JSON that the server page hands
// to the client grid. `buildGridView` is pure — it turns the rows of the grid's fixed set of
// queries (lib/journal/data.ts) into rows × columns, cell states, locks and averages.
import { type MarkKindName } from "@/lib/journal/marks";
import { isoDate } from "@/lib/org/time";
import { compareRu } from "@/lib/org/collation";
import { averageOf, forecast, type AveragingMethod, type AverageInput, type MarkScale } from "./averages";
import { journalLock, lockFactsOf, periodClosedReason, YEAR_CLOSED_REASON, type Lock, type LockContext } from "./lock";
import {
  cellState,
  homeworkNotProvidedAllowed,
  marksAllowed,
  type HOMEWORK_MARKER_LABELS,
  type AttendanceCodeName,
  type EducationFormName,
} from "./rules";

type HomeworkMarkerName = keyof typeof HOMEWORK_MARKER_LABELS;

export type GridAssignment = {
  id: number;
  typeId: number;
  typeShort: string;
  typeName: string;
  weight: number;
  description: string | null;
  dueDate: string | null;
  isControl: boolean;
  hasSpecification: boolean;
};

export type GridLesson = {
  id: number;
  date: string;
  bell: number;
  hours: number;
  topic: string | null;
  content: string | null;
  version: number;
  planTopicId: number | null;
  homework: {
    id: number;
    text: string;
    dueDate: string | null;
    version: number;
    files: { id: number; name: string; size: number }[];
  } | null;
  /** DUT-6: «не задано» / «не предусмотрено» instead of homework. */
  homeworkMarker: HomeworkMarkerName | null;
  assignments: GridAssignment[];
  /** Marks and attendance of the lesson (the student's own final is GridStudent.finalSet). */
  lock: Lock;
  /** Topic, content and homework (lib/journal/lock.ts, kind «lesson»). */
  lessonLock: Lock;
  /** Assignments: type, weight, due date, specification, protocol (kind «assignment»). */
  assignmentLock: Lock;
  attendanceTaken: boolean;
  substituted: boolean;
};

export type GridMark = {
  kind: MarkKindName;
  value: number | null;
  isHospital: boolean;
  comment: string | null;
  version: number;
};
export type GridAttendance = { code: AttendanceCodeName; missedHours: number | null; version: number };

export type GridStudent = {
  id: number;
  name: string;
  /** One char per lesson: "o" open, "x" outside the class / subgroup that day, "f" home or family education. */
  cells: string;
  /** The period's final mark is set: current marks of the period are closed (JRN-6). */
  finalSet: boolean;
  /** Not in the class at the end of the shown range (left / transferred). */
  left: boolean;
  /** Admitted after the start of the shown range. */
  joinedLate: boolean;
};

export type GridType = { id: number; name: string; shortName: string; weight: number; isControl: boolean };

export type GridView = {
  classId: number;
  className: string;
  subjectId: number;
  subjectName: string;
  subgroupId: number | null;
  orgKind: "SCHOOL" | "COLLEGE";
  marksAllowed: boolean;
  /** DUT-6: «не предусмотрено» may be chosen (a school's first grade). */
  homeworkNotProvided: boolean;
  passFail: boolean;
  method: AveragingMethod;
  scale: MarkScale;
  lockDays: number;
  today: string;
  /** ORG-2 homework settings (DAY-8); absent — both allowed. */
  homework?: { forToday: boolean; forPast: boolean };
  /** «Учебный год закрыт» / «Период закрыт 28.12.2026 (приказ № …)» for the shown period, else null (REC-1, REC-2). */
  closed: { code: "year" | "period"; reason: string } | null;
  types: GridType[];
  lessons: GridLesson[];
  students: GridStudent[];
  /** By assignment id, then student id (GridCells: no string key per cell). */
  marks: GridCells<GridMark>;
  /** By lesson id, then student id. */
  attendance: GridCells<GridAttendance>;
  planTopics: { id: number; title: string }[];
  /** DUT-4: absences recorded ahead by the class teacher and parents' notices still waiting, by student. */
  expected: ExpectedCell[];
  /** Issue 22 item 4: the period's lessons not loaded (lib/journal/grid-window.ts); absent — all are. */
  hidden?: GridHidden;
};
/**
 * One student's marks and absences over the lessons not loaded: [marks, absences, missedHours]. The
 * marks as the averages take them, alike ones counted once: «5*2x3» three 5s of weight 2, «4b» a 4
 * from the hospital (weight 1), «D», «Px2», «G*0.5» (a grade without a value) — comma-separated.
 */
export type HiddenSums = [string, number, number];

export type GridHidden = {
  /** Lessons of the period not loaded before the first loaded one / after the last one. */
  before: number;
  after: number;
  /** By student id; a student without marks or absences outside the window is absent. */
  sums: Record<number, HiddenSums>;
};

/** An expected absence over dates (ISO, inclusive); `pending` = a parent's notice not yet answered. */
export type ExpectedCell = {
  studentId: number;
  from: string;
  to: string;
  code: AttendanceCodeName;
  note: string;
  pending: boolean;
};

/** The expected absence shown in an empty attendance cell: a recorded one before a waiting notice. */
export function expectedOn(list: readonly ExpectedCell[], studentId: number, date: string): ExpectedCell | null {
  let found: ExpectedCell | null = null;
  for (const e of list) {
    if (e.studentId !== studentId || e.from > date || e.to < date) continue;
    if (!e.pending) return e;
    found ??= e;
  }
  return found;
}

/**
 * A grid's cells by column (an assignment's id for marks, a lesson's for attendance), then by student
 * id. Issue 22 item 2: the view keyed them by a fresh "column:student" string per cell — building,
 * hashing and internalising 500+ such keys was most of buildGridView's time on the page.
 */
export type GridCells<T> = Map<number, Map<number, T>>;

/** The cell of a column (assignment / lesson id) and a student, if any. */
export function cellOf<T>(cells: GridCells<T>, columnId: number, studentId: number): T | undefined {
  return cells.get(columnId)?.get(studentId);
}

/** Sets a cell in place (building a view). */
export function putCell<T>(cells: GridCells<T>, columnId: number, studentId: number, value: T): void {
  const column = cells.get(columnId);
  if (column) column.set(studentId, value);
  else cells.set(columnId, new Map([[studentId, value]]));
}

/** A copy with one cell set (a value) or removed (null / undefined); the given cells are untouched. */
export function withCell<T>(
  cells: GridCells<T>,
  columnId: number,
  studentId: number,
  value: T | null | undefined,
): GridCells<T> {
  const next = new Map(cells);
  const column = new Map(cells.get(columnId));
  if (value) column.set(studentId, value);
  else column.delete(studentId);
  if (column.size > 0) next.set(columnId, column);
  else next.delete(columnId);
  return next;
}

/** The cells of both; where both hold a cell, `over`'s (the cells are shared, not copied). */
export function mergeCells<T>(under: GridCells<T>, over: GridCells<T>): GridCells<T> {
  const out = new Map(under);
  for (const [columnId, column] of over) {
    const below = out.get(columnId);
    out.set(columnId, below ? new Map([...below, ...column]) : column);
  }
  return out;
}

/** How many cells are held. */
export function cellCount(cells: GridCells<unknown>): number {
  let n = 0;
  for (const column of cells.values()) n += column.size;
  return n;
}

// ───────────── the rows the data layer returns ─────────────

export type GridRows = {
  cls: { id: number; name: string; grade: number };
  subject: { id: number; name: string; passFail: boolean };
  subgroupId: number | null;
  orgKind: "SCHOOL" | "COLLEGE";
  settings: {
    minMark: number;
    maxMark: number;
    roundingThreshold: number;
    averagingMethod: AveragingMethod;
    lockDays: number;
    /** ORG-2: whether homework may be set on today's / past lessons (DAY-8: the form says so before typing). */
    homework?: { forToday: boolean; forPast: boolean };
  };
  range: { start: Date; end: Date; periodId?: number | null };
  types: GridType[];
  lessons: {
    id: number;
    date: Date;
    bellNumber: number;
    hours: number;
    topic: string | null;
    content: string | null;
    version: number;
    planTopicId: number | null;
    subgroupId: number | null;
    substituteId: number | null;
    homeworkMarker?: HomeworkMarkerName | null;
  }[];
  memberships: {
    studentId: number;
    startDate: Date;
    endDate: Date | null;
    educationForm: EducationFormName;
    name: string;
  }[];
  subgroupMembers: { subgroupId: number; studentId: number }[];
  assignments: {
    id: number;
    lessonId: number;
    typeId: number;
    description: string | null;
    weight: number | null;
    dueDate: Date | null;
    hasSpecification: boolean;
  }[];
  marks: {
    assignmentId: number;
    studentId: number;
    kind: MarkKindName;
    value: number | null;
    isHospital: boolean;
    comment: string | null;
    version: number;
  }[];
  attendance: {
    lessonId: number;
    studentId: number;
    code: AttendanceCodeName;
    missedHours: number | null;
    version: number;
  }[];
  homework: {
    id: number;
    lessonId: number;
    text: string;
    dueDate: Date | null;
    version: number;
    files: { id: number; name: string; size: number }[];
  }[];
  attendanceTaken: number[];
  finals: number[];
  /** The lock's facts (lib/journal/lock.ts) with the shown period's finals. */
  lock: LockContext;
  planTopics: { id: number; title: string }[];
};

const CELL_CHAR = { open: "o", outside: "x", form: "f" } as const;

export function buildGridView(r: GridRows, now: Date, today: Date, lessonOnly: number | null = null): GridView {
  const types = new Map(r.types.map((t) => [t.id, t]));
  const lessons = lessonOnly === null ? r.lessons : r.lessons.filter((l) => l.id === lessonOnly);
  const lessonIds = new Set(lessons.map((l) => l.id));
  const byLesson = new Map<number, GridAssignment[]>();
  for (const a of r.assignments) {
    if (!lessonIds.has(a.lessonId)) continue;
    const t = types.get(a.typeId);
    const list = byLesson.get(a.lessonId) ?? [];
    list.push({
      id: a.id,
      typeId: a.typeId,
      typeShort: t?.shortName ?? "?",
      typeName: t?.name ?? "Задание",
      weight: a.weight ?? t?.weight ?? 1,
      description: a.description,
      dueDate: a.dueDate ? isoDate(a.dueDate) : null,
      isControl: t?.isControl ?? false,
      hasSpecification: a.hasSpecification,
    });
    byLesson.set(a.lessonId, list);
  }
  const homework = new Map(r.homework.map((h) => [h.lessonId, h]));
  const taken = new Set(r.attendanceTaken);
  const gridLessons: GridLesson[] = lessons.map((l) => {
    const h = homework.get(l.id);
    const iso = isoDate(l.date);
    const facts = lockFactsOf(r.lock, l.date, { today, now });
    return {
      id: l.id,
      date: iso,
      bell: l.bellNumber,
      hours: l.hours,
      topic: l.topic,
      content: l.content,
      version: l.version,
      planTopicId: l.planTopicId,
      homework: h
        ? { id: h.id, text: h.text, dueDate: h.dueDate ? isoDate(h.dueDate) : null, version: h.version, files: h.files }
        : null,
      homeworkMarker: l.homeworkMarker ?? null,
      assignments: byLesson.get(l.id) ?? [],
      lock: journalLock("mark", facts),
      lessonLock: journalLock("lesson", facts),
      assignmentLock: journalLock("assignment", lockFactsOf(r.lock, l.date, { today, now, anyFinal: true })),
      attendanceTaken: taken.has(l.id),
      substituted: l.substituteId !== null,
    };
  });

  const spans = new Map<number, GridRows["memberships"]>();
  for (const m of r.memberships) {
    const list = spans.get(m.studentId);
    if (list) list.push(m);
    else spans.set(m.studentId, [m]);
  }
  const subgroupsOf = new Map<number, Set<number>>();
  for (const m of r.subgroupMembers) {
    const set = subgroupsOf.get(m.studentId) ?? new Set<number>();
    set.add(m.subgroupId);
    subgroupsOf.set(m.studentId, set);
  }
  const finals = new Set(r.finals);
  const students: GridStudent[] = [];
  for (const [studentId, list] of spans) {
    const own = subgroupsOf.get(studentId) ?? new Set<number>();
    if (r.subgroupId !== null && !own.has(r.subgroupId)) continue;
    let cells = "";
    for (const l of lessons) cells += CELL_CHAR[cellState(list, l.date, l.subgroupId, own)];
    if (lessonOnly !== null && !cells.includes("o")) continue;
    const lastEnd = list.some((s) => s.endDate === null) ? null : Math.max(...list.map((s) => s.endDate!.getTime()));
    const firstStart = Math.min(...list.map((s) => s.startDate.getTime()));
    students.push({
      id: studentId,
      name: list[0].name,
      cells,
      finalSet: finals.has(studentId),
      left: lastEnd !== null && lastEnd < r.range.end.getTime(),
      joinedLate: firstStart > r.range.start.getTime(),
    });
  }
  students.sort((a, b) => compareRu(a.name, b.name));

  const marks: GridCells<GridMark> = new Map();
  for (const m of r.marks) {
    putCell(marks, m.assignmentId, m.studentId, {
      kind: m.kind,
      value: m.value,
      isHospital: m.isHospital,
      comment: m.comment,
      version: m.version,
    });
  }
  const attendance: GridCells<GridAttendance> = new Map();
  for (const a of r.attendance)
    putCell(attendance, a.lessonId, a.studentId, {
      code: a.code,
      missedHours: a.missedHours,
      version: a.version,
    });

  return {
    classId: r.cls.id,
    className: r.cls.name,
    subjectId: r.subject.id,
    subjectName: r.subject.name,
    subgroupId: r.subgroupId,
    orgKind: r.orgKind,
    marksAllowed: marksAllowed(r.orgKind, r.cls.grade),
    homeworkNotProvided: homeworkNotProvidedAllowed(r.orgKind, r.cls.grade),
    passFail: r.subject.passFail,
    method: r.settings.averagingMethod,
    scale: {
      minMark: r.settings.minMark,
      maxMark: r.settings.maxMark,
      roundingThreshold: r.settings.roundingThreshold,
    },
    lockDays: r.settings.lockDays,
    today: isoDate(today),
    homework: r.settings.homework ?? { forToday: true, forPast: true },
    closed: r.lock.yearClosed
      ? { code: "year", reason: YEAR_CLOSED_REASON }
      : (() => {
          const c = r.lock.closed.find((p) => p.periodId === r.range.periodId);
          return c ? { code: "period" as const, reason: periodClosedReason(c) } : null;
        })(),
    types: r.types,
    lessons: gridLessons,
    students,
    marks,
    attendance,
    planTopics: r.planTopics,
    expected: [],
  };
}

/** The marks of one student over the grid's lessons, as the averages need them. */
export function studentMarks(view: Pick<GridView, "lessons" | "marks">, studentId: number): AverageInput[] {
  const out: AverageInput[] = [];
  for (const l of view.lessons) {
    for (const a of l.assignments) {
      const m = view.marks.get(a.id)?.get(studentId);
      if (m) out.push({ kind: m.kind, value: m.value, weight: a.weight, isHospital: m.isHospital });
    }
  }
  return out;
}

/**
 * Every student's marks as studentMarks gives them (the same order: lesson by lesson, assignment by
 * assignment), in one pass over the marks held — for the whole class at once on the server (issue 22
 * item 2: a string key per student × column was most of the frame's cost). By student id.
 */
export function marksByStudent(view: Pick<GridView, "lessons" | "marks">): Map<number, AverageInput[]> {
  const columns = new Map<number, [number, number]>();
  for (const l of view.lessons) for (const a of l.assignments) columns.set(a.id, [columns.size, a.weight]);
  const cells = new Map<number, AverageInput[]>();
  for (const [assignmentId, held] of view.marks) {
    const column = columns.get(assignmentId);
    if (!column) continue;
    for (const [studentId, m] of held) {
      let row = cells.get(studentId);
      if (!row) cells.set(studentId, (row = []));
      row[column[0]] = { kind: m.kind, value: m.value, weight: column[1], isHospital: m.isHospital };
    }
  }
  // filter drops the holes and keeps the columns' order.
  return new Map([...cells].map(([id, row]) => [id, row.filter(() => true)]));
}

/** The average and the forecast of a student's marks over the grid's lessons and the hidden ones. */
export function summaryOf(
  view: Pick<GridView, "method" | "scale" | "hidden">,
  studentId: number,
  shown: readonly AverageInput[],
) {
  const marks = [...shown, ...hiddenInputs(view.hidden?.sums[studentId])];
  const summary = averageOf(marks, view.method);
  return { ...summary, forecast: forecast(marks, view.method, view.scale, 1, summary) };
}

export function studentSummary(
  view: Pick<GridView, "lessons" | "marks" | "method" | "scale" | "hidden">,
  studentId: number,
) {
  return summaryOf(view, studentId, studentMarks(view, studentId));
}

/**
 * Every student's studentAbsences in one pass over the attendance held (the hours added in the
 * lessons' order, as studentAbsences adds them). By student id; a student without any is absent.
 */
export function absencesByStudent(
  view: Pick<GridView, "lessons" | "attendance" | "hidden">,
): Map<number, { count: number; hours: number }> {
  const index = new Map(view.lessons.map((l, i) => [l.id, i]));
  const missed = new Map<number, number[]>();
  for (const [lessonId, held] of view.attendance) {
    const at = index.get(lessonId);
    if (at === undefined) continue;
    for (const [studentId, a] of held) {
      if (a.code === "OP") continue;
      let row = missed.get(studentId);
      if (!row) missed.set(studentId, (row = []));
      row[at] = a.missedHours ?? view.lessons[at].hours;
    }
  }
  const out = new Map<number, { count: number; hours: number }>();
  const ids = new Set([...missed.keys(), ...Object.keys(view.hidden?.sums ?? {}).map(Number)]);
  for (const id of ids) {
    let count = view.hidden?.sums[id]?.[1] ?? 0;
    let hours = view.hidden?.sums[id]?.[2] ?? 0;
    for (const h of missed.get(id) ?? []) {
      if (h === undefined) continue;
      count++;
      hours += h;
    }
    out.set(id, { count, hours: Math.round(hours * 10) / 10 });
  }
  return out;
}

/** Absences and missed hours of a student over the grid's lessons (ОП is not an absence). */
export function studentAbsences(
  view: Pick<GridView, "lessons" | "attendance" | "hidden">,
  studentId: number,
): { count: number; hours: number } {
  // The lessons not loaded (issue 22 item 4) are summed on the server.
  let count = view.hidden?.sums[studentId]?.[1] ?? 0;
  let hours = view.hidden?.sums[studentId]?.[2] ?? 0;
  for (const l of view.lessons) {
    const a = view.attendance.get(l.id)?.get(studentId);
    if (!a || a.code === "OP") continue;
    count++;
    hours += a.missedHours ?? l.hours;
  }
  // Missed hours are stored in tenths (Decimal(3,1)); a float sum of tenths shows 0.30000000000000004.
  return { count, hours: Math.round(hours * 10) / 10 };
}

const HIDDEN_KIND: Record<MarkKindName, string> = { GRADE: "G", PASS: "P", FAIL: "F", DEBT: "D", NOT_ATTESTED: "N" };
const HIDDEN_LETTER = Object.fromEntries(Object.entries(HIDDEN_KIND).map(([k, l]) => [l, k])) as Record<
  string,
  MarkKindName
>;
const HIDDEN_ENTRY = /^([GPFDN]?)(-?\d+(?:\.\d+)?)?(b?)(?:\*(-?\d+(?:\.\d+)?))?(?:x(\d+))?$/;

/** The marks of the hidden lessons in HiddenSums' form (alike marks counted once). */
export function hiddenMarksCode(marks: readonly AverageInput[]): string {
  return hiddenMarksCodeOf(marks.map((m) => [m, 1] as const));
}

/**
 * hiddenMarksCode of marks given as [mark, how many alike] (GRID_WINDOW's aggregates: a student's
 * marks already grouped in SQL, not spread back into one input per mark).
 */
export function hiddenMarksCodeOf(groups: readonly (readonly [AverageInput, number])[]): string {
  const counts = new Map<string, number>();
  for (const [m, n] of groups) {
    const letter = m.kind === "GRADE" && m.value !== null ? "" : HIDDEN_KIND[m.kind];
    const key = `${letter}${m.value ?? ""}${m.isHospital ? "b" : ""}${m.weight === 1 ? "" : `*${m.weight}`}`;
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  return codeOf(counts);
}

/** A HiddenSums marks code from its counts by key (sorted: the same marks give the same code). */
function codeOf(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, n]) => (n === 1 ? key : `${key}x${n}`))
    .join(",");
}

/** A marks code's counts by key: «5*2x3» → 5*2 → 3. */
function codeCounts(code: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of code ? code.split(",") : []) {
    const m = /^(.*?)(?:x(\d+))?$/.exec(entry)!;
    counts.set(m[1], (counts.get(m[1]) ?? 0) + Number(m[2] ?? 1));
  }
  return counts;
}

/** Missed hours are stored with one decimal (Decimal(3, 1)): sums and differences stay on tenths. */
const tenths = (x: number) => Math.round(x * 10) / 10;

/**
 * A student's hidden sums without the marks and absences of lessons just loaded (issue 22 item 4: a
 * scroll step brings only its lessons' cells; what they held leaves the sums here, on the client,
 * instead of the server summing the period again). Null when nothing is left.
 */
export function withoutLoaded(
  sums: HiddenSums | undefined,
  marks: readonly AverageInput[],
  absences: { count: number; hours: number },
): HiddenSums | null {
  if (!sums) return null;
  const counts = codeCounts(sums[0]);
  for (const [key, n] of codeCounts(hiddenMarksCode(marks)))
    if (counts.has(key)) counts.set(key, Math.max(0, counts.get(key)! - n));
  const code = codeOf(counts);
  const count = Math.max(0, sums[1] - absences.count);
  const hours = Math.max(0, tenths(sums[2] - absences.hours));
  return code || count || hours ? [code, count, hours] : null;
}

/** The hidden lessons' marks back as the averages take them (the same marks, in another order). */
export function hiddenInputs(sums: HiddenSums | undefined): AverageInput[] {
  const out: AverageInput[] = [];
  for (const entry of sums?.[0] ? sums[0].split(",") : []) {
    const m = HIDDEN_ENTRY.exec(entry);
    if (!m) continue;
    const input: AverageInput = {
      kind: m[1] ? HIDDEN_LETTER[m[1]] : "GRADE",
      value: m[2] !== undefined ? Number(m[2]) : null,
      weight: m[4] !== undefined ? Number(m[4]) : 1,
      isHospital: m[3] === "b",
    };
    for (let i = 0; i < Number(m[5] ?? 1); i++) out.push(input);
  }
  return out;
}
