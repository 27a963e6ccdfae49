// Fast multi-row inserts for the large journal tables: one INSERT … SELECT FROM
// unnest($1::type[], …) per chunk, one array parameter per column.
import type pg from "pg";

/** PostgreSQL type of a column: int, text, date, timestamp, numeric, bool or an enum type name. */
export type ColType = "int" | "text" | "date" | "timestamp" | "numeric" | "bool" | { enum: string };

export type Cell = number | string | boolean | Date | null;

const SQL_TYPE: Record<Exclude<ColType, { enum: string }>, string> = {
  int: "int4",
  text: "text",
  date: "date",
  timestamp: "timestamp(3)",
  numeric: "numeric",
  bool: "bool",
};

function sqlType(t: ColType): string {
  return typeof t === "string" ? SQL_TYPE[t] : `"${t.enum}"`;
}

function toParam(v: Cell, t: ColType): string | number | boolean | null {
  if (v === null) return null;
  if (v instanceof Date) return t === "date" ? v.toISOString().slice(0, 10) : v.toISOString();
  return v;
}

/** The column types of the tables the seeds bulk-insert: each written once, named by the inserts. */
const TABLES = {
  Lesson: {
    organisationId: "int",
    classId: "int",
    subgroupId: "int",
    subjectId: "int",
    teacherId: "int",
    substituteId: "int",
    substitutionId: "int",
    entryId: "int",
    roomId: "int",
    date: "date",
    bellNumber: "int",
    hours: "numeric",
    status: { enum: "LessonStatus" },
    topic: "text",
    planTopicId: "int",
    filledAt: "timestamp",
    updatedAt: "timestamp",
  },
  Homework: {
    organisationId: "int",
    lessonId: "int",
    text: "text",
    dueDate: "date",
    fromPlan: "bool",
    createdById: "int",
    createdAt: "timestamp",
    updatedAt: "timestamp",
  },
  Attendance: {
    organisationId: "int",
    lessonId: "int",
    studentId: "int",
    code: { enum: "AttendanceCode" },
    missedHours: "numeric",
    updatedById: "int",
    reasonSetById: "int",
    updatedAt: "timestamp",
  },
  Assignment: {
    organisationId: "int",
    lessonId: "int",
    typeId: "int",
    description: "text",
    createdAt: "timestamp",
  },
  Mark: {
    organisationId: "int",
    lessonId: "int",
    assignmentId: "int",
    studentId: "int",
    kind: { enum: "MarkKind" },
    value: "int",
    isHospital: "bool",
    comment: "text",
    createdById: "int",
    updatedById: "int",
    createdAt: "timestamp",
    updatedAt: "timestamp",
  },
  FinalMark: {
    organisationId: "int",
    studentId: "int",
    classId: "int",
    subjectId: "int",
    kind: { enum: "FinalKind" },
    periodId: "int",
    form: { enum: "ControlKind" },
    value: "int",
    special: { enum: "FinalSpecial" },
    setById: "int",
    setAt: "timestamp",
  },
} satisfies Record<string, Record<string, ColType>>;

export type BulkTable = keyof typeof TABLES;

/** The Mark columns the seeds write (the demo journal and the past year), for bulkInsert. */
export const MARK_COLUMNS =
  "organisationId lessonId assignmentId studentId kind value isHospital comment createdById updatedById createdAt updatedAt";

/** `names` (space-separated) with their types; an unknown name is the seed's bug and throws. */
function columnsOf(table: BulkTable, names: string): Array<readonly [string, ColType]> {
  const types: Record<string, ColType> = TABLES[table];
  return names.split(" ").map((name) => {
    const type = types[name];
    if (!type) throw new Error(`bulkInsert: no column ${table}.${name}`);
    return [name, type] as const;
  });
}

/**
 * Inserts `rows` (each in the order of `columns`) in chunks; returns the `returning`
 * columns of all inserted rows in insertion order.
 */
export async function bulkInsert(
  db: pg.ClientBase,
  table: BulkTable,
  columnNames: string,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  returning: ReadonlyArray<string> = [],
  chunk = 5000,
): Promise<Array<Record<string, unknown>>> {
  const columns = columnsOf(table, columnNames);
  const out: Array<Record<string, unknown>> = [];
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  const unnest = columns.map(([, t], i) => `$${i + 1}::${sqlType(t)}[]`).join(", ");
  const ret = returning.length ? ` RETURNING ${returning.map((r) => `"${r}"`).join(", ")}` : "";
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${unnest})${ret}`;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params = columns.map(([, t], i) => part.map((r) => toParam(r[i], t)));
    const res = await db.query(sql, params);
    if (returning.length) out.push(...(res.rows as Array<Record<string, unknown>>));
  }
  return out;
}
