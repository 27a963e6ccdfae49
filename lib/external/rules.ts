// REG-3: results of external assessments (ОГЭ, ЕГЭ, ВПР) — the pure parts: reading the regional
// file's header and rows with Russian per-row errors, and the comparison with the year marks that
// deputies use to show marking is objective (the share of students whose exam mark differs from
// the year mark by one or more; per-task success rates).
import { IMPORT_HEADERS, missingColumns, NAME_ALIASES, normal } from "@/lib/people/import/rules";

export type Exam = "OGE" | "EGE" | "VPR";
export const EXAM_LABELS: Record<Exam, string> = { OGE: "ОГЭ", EGE: "ЕГЭ", VPR: "ВПР" };
const EXAM_BY_TEXT: Record<string, Exam> = { огэ: "OGE", егэ: "EGE", впр: "VPR" };

export const RESULT_COLUMNS = [
  "lastName",
  "firstName",
  "middleName",
  "className",
  "subject",
  "exam",
  "primaryScore",
  "mark",
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

export const RESULT_HEADERS: Record<ResultColumn, string> = {
  lastName: IMPORT_HEADERS.lastName,
  firstName: IMPORT_HEADERS.firstName,
  middleName: IMPORT_HEADERS.middleName,
  className: "Класс",
  subject: "Предмет",
  exam: "Форма",
  primaryScore: "Первичный балл",
  mark: "Отметка",
};

const ALIASES: Record<string, ResultColumn> = {
  ...NAME_ALIASES,
  класс: "className",
  предмет: "subject",
  форма: "exam",
  "форма гиа": "exam",
  "первичный балл": "primaryScore",
  балл: "primaryScore",
  отметка: "mark",
  оценка: "mark",
};

const REQUIRED: readonly ResultColumn[] = ["lastName", "firstName", "className", "subject", "exam", "primaryScore"];

/** A task column: «З1», «Задание 1», «1» — with its maximum in brackets, «З1 (2)»; 1 when not given. */
const TASK = /^(?:з|задание)?\s*(\d{1,3})\s*(?:\((\d{1,3})\))?$/;

export type ResultHeader = { map: Partial<Record<ResultColumn, number>>; tasks: { column: number; max: number }[] };

export function mapResultHeader(
  header: readonly string[],
): { ok: true; header: ResultHeader } | { ok: false; message: string } {
  const map: Partial<Record<ResultColumn, number>> = {};
  const tasks: { column: number; number: number; max: number }[] = [];
  header.forEach((h, i) => {
    const text = normal(h);
    const col = ALIASES[text];
    if (col && map[col] === undefined) map[col] = i;
    const task = col ? null : TASK.exec(text);
    if (task) tasks.push({ column: i, number: Number(task[1]), max: task[2] ? Number(task[2]) : 1 });
  });
  const missing = missingColumns(map, REQUIRED, RESULT_HEADERS);
  if (missing) return { ok: false, message: missing };
  if (tasks.some((t) => t.max < 1)) return { ok: false, message: "Максимальный балл задания должен быть не меньше 1" };
  tasks.sort((a, b) => a.number - b.number);
  return { ok: true, header: { map, tasks: tasks.map(({ column, max }) => ({ column, max })) } };
}

/** Who and what the rows may name: the organisation's current classes with their students, its subjects. */
export type ResultLookup = {
  classes: Map<
    string,
    { id: number; students: { id: number; lastName: string; firstName: string; middleName: string | null }[] }
  >;
  subjects: Map<string, number>;
};

export type ResultRowData = {
  studentId: number;
  classId: number;
  subjectId: number;
  exam: Exam;
  primaryScore: number;
  mark: number | null;
  taskScores: number[];
  taskMax: number[];
};

export type ResultPreviewRow = {
  line: number;
  values: Record<ResultColumn, string>;
  errors: string[];
  data: ResultRowData | null;
};

const whole = (s: string) => (/^\d{1,4}$/.test(s.trim()) ? Number(s.trim()) : null);

export function validateResultRow(
  line: number,
  values: Record<ResultColumn, string>,
  tasks: string[],
  header: ResultHeader,
  lookup: ResultLookup,
): ResultPreviewRow {
  const errors: string[] = [];
  const exam = EXAM_BY_TEXT[normal(values.exam)];
  if (!exam) errors.push("Форма: ОГЭ, ЕГЭ или ВПР");
  const cls = lookup.classes.get(normal(values.className));
  let studentId: number | null = null;
  if (!values.lastName.trim() || !values.firstName.trim()) errors.push("Укажите фамилию и имя");
  else if (!cls) errors.push(`Класс «${values.className}» не найден в текущем учебном году`);
  else {
    const same = cls.students.filter(
      (s) =>
        normal(s.lastName) === normal(values.lastName) &&
        normal(s.firstName) === normal(values.firstName) &&
        (!values.middleName.trim() || normal(s.middleName ?? "") === normal(values.middleName)),
    );
    if (same.length === 0) errors.push(`Ученик не найден в классе ${values.className}`);
    else if (same.length > 1) errors.push("В классе несколько учеников с таким именем — укажите отчество");
    else studentId = same[0].id;
  }
  const subjectId = lookup.subjects.get(normal(values.subject)) ?? null;
  if (subjectId === null) errors.push(`Предмет «${values.subject}» не найден`);
  const primaryScore = whole(values.primaryScore);
  if (primaryScore === null) errors.push("Первичный балл — целое число");
  const markText = values.mark.trim();
  const mark = markText === "" ? null : whole(markText);
  if (markText !== "" && (mark === null || mark < 2 || mark > 5)) errors.push("Отметка — от 2 до 5");
  if (markText === "" && exam && exam !== "EGE") errors.push("Укажите отметку");
  const taskScores: number[] = [];
  tasks.forEach((t, i) => {
    const score = t.trim() === "" ? 0 : whole(t);
    const max = header.tasks[i].max;
    if (score === null || score > max) errors.push(`Задание ${i + 1}: балл от 0 до ${max}`);
    else taskScores.push(score);
  });
  if (errors.length === 0 && header.tasks.length > 0 && taskScores.reduce((a, b) => a + b, 0) !== primaryScore)
    errors.push("Первичный балл не равен сумме баллов за задания");
  const data =
    errors.length === 0
      ? {
          studentId: studentId!,
          classId: cls!.id,
          subjectId: subjectId!,
          exam: exam!,
          primaryScore: primaryScore!,
          mark: mark === null || (mark >= 2 && mark <= 5) ? mark : null,
          taskScores,
          taskMax: header.tasks.map((t) => t.max),
        }
      : null;
  return { line, values, errors, data };
}

/** Every row of the table after the header; a student's second result of one exam and subject is refused. */
export function previewResultRows(
  table: string[][],
  lookup: ResultLookup,
): { ok: true; rows: ResultPreviewRow[] } | { ok: false; message: string } {
  const [first, ...rest] = table;
  if (!first) return { ok: false, message: "Файл пуст" };
  const mapped = mapResultHeader(first);
  if (!mapped.ok) return mapped;
  const { map, tasks } = mapped.header;
  const seen = new Set<string>();
  const rows: ResultPreviewRow[] = [];
  rest.forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    const values = Object.fromEntries(
      RESULT_COLUMNS.map((c) => [c, map[c] === undefined ? "" : (cells[map[c]!] ?? "").trim()]),
    ) as Record<ResultColumn, string>;
    const row = validateResultRow(
      i + 2,
      values,
      tasks.map((t) => cells[t.column] ?? ""),
      mapped.header,
      lookup,
    );
    if (row.data) {
      const key = `${row.data.studentId}:${row.data.subjectId}:${row.data.exam}`;
      if (seen.has(key)) {
        row.errors.push("Результат этого ученика по предмету уже есть выше в файле");
        row.data = null;
      } else seen.add(key);
    }
    rows.push(row);
  });
  if (rows.length === 0) return { ok: false, message: "В файле нет строк с результатами" };
  return { ok: true, rows };
}

export type ComparedResult = {
  classId: number;
  studentId: number;
  mark: number | null;
  taskScores: number[];
  taskMax: number[];
};

export type ComparisonRow = {
  classId: number | null;
  results: number;
  /** Students with both an exam mark and a year mark. */
  compared: number;
  lower: number;
  same: number;
  higher: number;
  /** Share (0…1) of the compared whose exam mark differs from the year mark by one or more; null when none. */
  differing: number | null;
  examAverage: number | null;
  yearAverage: number | null;
  /** Per task: the share (0…1) of its maximum scored on average. */
  taskSuccess: number[];
};

/**
 * How an external mark stands to the year mark (REG-3): lower, the same, or higher; null when either
 * is missing (an ЕГЭ test score without a mark, no year mark) — such a result is not compared.
 */
export function markComparison(
  exam: number | null,
  year: number | null | undefined,
): "lower" | "same" | "higher" | null {
  if (exam === null || year === null || year === undefined) return null;
  return exam < year ? "lower" : exam > year ? "higher" : "same";
}

/** The objectivity indicator: the share (0…1) of the compared whose marks differ by one or more; null when none. */
export function differingShare(c: { lower: number; same: number; higher: number }): number | null {
  const compared = c.lower + c.same + c.higher;
  return compared ? (c.lower + c.higher) / compared : null;
}

const average = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function compareGroup(
  classId: number | null,
  results: ComparedResult[],
  yearMarks: ReadonlyMap<number, number>,
): ComparisonRow {
  let lower = 0;
  let same = 0;
  let higher = 0;
  const exams: number[] = [];
  const years: number[] = [];
  for (const r of results) {
    const year = yearMarks.get(r.studentId);
    const side = markComparison(r.mark, year);
    if (side === null) continue;
    exams.push(r.mark!);
    years.push(year!);
    if (side === "lower") lower++;
    else if (side === "higher") higher++;
    else same++;
  }
  const compared = lower + same + higher;
  const tasks = Math.max(0, ...results.map((r) => r.taskScores.length));
  const taskSuccess = Array.from({ length: tasks }, (_, t) => {
    const rs = results.filter((r) => r.taskScores.length > t);
    const scored = rs.reduce((a, r) => a + r.taskScores[t], 0);
    const possible = rs.reduce((a, r) => a + r.taskMax[t], 0);
    return possible ? scored / possible : 0;
  });
  return {
    classId,
    results: results.length,
    compared,
    lower,
    same,
    higher,
    differing: differingShare({ lower, same, higher }),
    examAverage: average(exams),
    yearAverage: average(years),
    taskSuccess,
  };
}

/** Per class (in the order given) and the organisation's total as the last row (classId null). */
export function compareWithYearMarks(
  classIds: readonly number[],
  results: readonly ComparedResult[],
  yearMarks: ReadonlyMap<number, number>,
): ComparisonRow[] {
  return [
    ...classIds.map((id) =>
      compareGroup(
        id,
        results.filter((r) => r.classId === id),
        yearMarks,
      ),
    ),
    compareGroup(null, [...results], yearMarks),
  ];
}
