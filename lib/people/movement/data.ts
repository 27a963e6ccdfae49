// Reads of the movement book (PPL-3).
import { db } from "@/lib/db";
import type { MovementFilter } from "./schema";
import { compareRuNumeric } from "@/lib/org/collation";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

export type MovementRow = {
  id: number;
  studentId: number;
  studentName: string;
  kind: string;
  date: Date;
  orderNumber: string;
  orderDate: Date;
  fromClass: string | null;
  toClass: string | null;
  educationForm: string | null;
  note: string | null;
};

const select = {
  id: true,
  studentId: true,
  kind: true,
  date: true,
  orderNumber: true,
  orderDate: true,
  educationForm: true,
  note: true,
  student: { select: NAME_FIELDS },
  fromClass: { select: { name: true } },
  toClass: { select: { name: true } },
} as const;

type Raw = {
  id: number;
  studentId: number;
  kind: string;
  date: Date;
  orderNumber: string;
  orderDate: Date;
  educationForm: string | null;
  note: string | null;
  student: { lastName: string; firstName: string; middleName: string | null };
  fromClass: { name: string } | null;
  toClass: { name: string } | null;
};

function toRow(r: Raw): MovementRow {
  return {
    id: r.id,
    studentId: r.studentId,
    kind: r.kind,
    date: r.date,
    orderNumber: r.orderNumber,
    orderDate: r.orderDate,
    educationForm: r.educationForm,
    note: r.note,
    studentName: fullName(r.student),
    fromClass: r.fromClass?.name ?? null,
    toClass: r.toClass?.name ?? null,
  };
}

/** The book, newest first; limited to movements touching the given classes unless "all", then filtered. */
export async function movementBook(
  organisationId: number,
  classIds: readonly number[] | "all",
  take = 300,
  filter: MovementFilter = {},
): Promise<MovementRow[]> {
  const only = filter.classId
    ? classIds === "all" || classIds.includes(filter.classId)
      ? [filter.classId]
      : []
    : classIds;
  const where = {
    organisationId,
    ...(only === "all" ? {} : { OR: [{ fromClassId: { in: [...only] } }, { toClassId: { in: [...only] } }] }),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.from || filter.to
      ? { date: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {}),
  };
  const rows = await db.movement.findMany({ where, orderBy: [{ date: "desc" }, { id: "desc" }], take, select });
  return rows.map(toRow);
}

export async function movementsOfStudent(organisationId: number, studentId: number): Promise<MovementRow[]> {
  const rows = await db.movement.findMany({
    where: { organisationId, studentId },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    select,
  });
  return rows.map(toRow);
}

/** Classes of the current (not closed) year, for the target-class picker. */
export async function openClasses(organisationId: number): Promise<{ id: number; name: string }[]> {
  const rows = await db.classGroup.findMany({
    where: { organisationId, year: { isCurrent: true, status: { not: "CLOSED" } } },
    select: { id: true, name: true, grade: true },
  });
  return rows
    .sort((a, b) => a.grade - b.grade || compareRuNumeric(a.name, b.name))
    .map(({ id, name }) => ({ id, name }));
}
