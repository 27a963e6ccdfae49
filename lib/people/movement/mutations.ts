// Writes of the movement book (PPL-3): the Movement row and the ClassMembership rows the journal
// reads change together in one transaction, serialised per student, and are audited.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { planMovement, type MovementKind, type PlanResult } from "./rules";

// The interactive-transaction client exactly as db.$transaction passes it (comparing it with
// Prisma.TransactionClient exceeds the compiler's stack depth on this schema).
type Tx = Omit<typeof db, "$connect" | "$disconnect" | "$on" | "$use" | "$extends">;

export type MovementWrite = {
  studentId: number;
  kind: MovementKind;
  date: Date;
  orderNumber: string;
  orderDate: Date;
  toClassId: number | null;
  educationForm: string | null;
  note: string | null;
};

export type MovementOutcome =
  | { ok: true; movementId: number }
  /** `locked`: refused because the year is closed (REC-2), not because the input is wrong. */
  | { ok: false; field: string; message: string; locked?: true };

/** One movement inside a caller's transaction (also used by the import and the year transition). */
export async function applyMovement(
  tx: Tx,
  organisationId: number,
  byUserId: number,
  m: MovementWrite,
): Promise<MovementOutcome> {
  await tx.$queryRaw`SELECT 1 FROM "Student" WHERE "organisationId" = ${organisationId} AND "id" = ${m.studentId} FOR UPDATE`;
  const student = await tx.student.findUnique({
    where: { organisationId_id: { organisationId, id: m.studentId } },
    select: { id: true },
  });
  if (!student) return { ok: false, field: "studentId", message: "Ученик не найден" };
  const [open, last] = await Promise.all([
    tx.classMembership.findFirst({
      where: { organisationId, studentId: m.studentId, endDate: null },
      orderBy: { startDate: "desc" },
      select: {
        id: true,
        classId: true,
        startDate: true,
        educationForm: true,
        class: { select: { year: { select: { status: true } } } },
      },
    }),
    tx.movement.findFirst({
      where: { organisationId, studentId: m.studentId },
      orderBy: { date: "desc" },
      select: { date: true },
    }),
  ]);
  const result: PlanResult = planMovement(open, last?.date ?? null, m);
  if (!result.ok) return result;
  // REC-2: the movement book of a closed year is frozen for everyone, ADMIN included.
  const closedYear = await tx.academicYear.findFirst({
    where: { organisationId, status: "CLOSED", startDate: { lte: m.date }, endDate: { gte: m.date } },
    select: { name: true },
  });
  if (closedYear)
    return {
      ok: false,
      field: "date",
      message: `Учебный год ${closedYear.name} закрыт: движение в нём не записывается`,
      locked: true,
    };
  const { plan } = result;
  if (plan.open) {
    const to = await tx.classGroup.findUnique({
      where: { organisationId_id: { organisationId, id: plan.open.classId } },
      select: { year: { select: { status: true } } },
    });
    if (!to) return { ok: false, field: "toClassId", message: "Класс не найден" };
    if (to.year.status === "CLOSED")
      return { ok: false, field: "toClassId", message: "Учебный год этого класса закрыт" };
  }
  if (
    open &&
    open.class.year.status === "CLOSED" &&
    m.kind !== "PROMOTION" &&
    m.kind !== "GRADUATION" &&
    m.kind !== "REPEAT_YEAR" &&
    m.kind !== "CONDITIONAL_PROMOTION"
  )
    return { ok: false, field: "kind", message: "Учебный год текущего класса закрыт" };
  const movement = await tx.movement.create({
    data: {
      organisationId,
      studentId: m.studentId,
      kind: m.kind,
      date: m.date,
      orderNumber: m.orderNumber,
      orderDate: m.orderDate,
      fromClassId: plan.fromClassId,
      toClassId: plan.open?.classId ?? null,
      educationForm: (plan.open?.educationForm ?? null) as never,
      note: m.note,
      createdById: byUserId,
    },
    select: { id: true },
  });
  if (plan.close) {
    const where = { organisationId_id: { organisationId, id: plan.close.id } };
    if (plan.close.remove) await tx.classMembership.delete({ where });
    else await tx.classMembership.update({ where, data: { endDate: plan.close.endDate } });
  }
  if (plan.open) {
    await tx.classMembership.create({
      data: {
        organisationId,
        studentId: m.studentId,
        classId: plan.open.classId,
        startDate: plan.open.startDate,
        educationForm: plan.open.educationForm as never,
      },
    });
    if (plan.open.educationForm !== open?.educationForm)
      await tx.student.update({
        where: { organisationId_id: { organisationId, id: m.studentId } },
        data: { educationForm: plan.open.educationForm as never },
      });
  }
  return { ok: true, movementId: movement.id };
}

export async function recordMovement(
  organisationId: number,
  byUserId: number,
  m: MovementWrite,
  ip: string | null,
): Promise<MovementOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const out = await applyMovement(tx, organisationId, byUserId, m);
      if (!out.ok) throw new MovementRefused(out);
      await auditChange(
        tx,
        { organisationId, userId: byUserId, ip },
        "movement.recorded",
        ["Movement", out.movementId],
        { kind: m.kind, studentId: m.studentId, orderNumber: m.orderNumber },
      );
      return out;
    });
  } catch (e) {
    if (e instanceof MovementRefused) return e.outcome;
    throw e;
  }
}

/** Rolls the transaction back with a user-facing reason. */
export class MovementRefused extends Error {
  constructor(readonly outcome: { ok: false; field: string; message: string; locked?: true }) {
    super(outcome.message);
  }
}
