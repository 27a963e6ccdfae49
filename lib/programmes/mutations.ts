// PRG-1: writes of work programmes — a draft, its sections, the workflow of lib/plans (submit,
// approve / return with a comment, reopen as the next version) and the КТП made from an approved
// programme (through lib/plans' createPlan, topics from the sections). Audited; a closed year is frozen.
import { db, rawStatement } from "@/lib/db";
import { col } from "@/lib/sql";
import { Prisma } from "@/prisma/generated/prisma/client";
import { PlanStatus as PlanStatusEnum } from "@/prisma/generated/prisma/enums";
import { auditChange } from "@/lib/audit/mutations";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";
import { createPlan, type Outcome } from "@/lib/plans/mutations";
import { canTransition, nextStatus, STATUS_LABELS, type PlanStatus } from "@/lib/plans/rules";
import { programmeSections } from "./data";
import { topicsFromSections, type Section } from "./rules";
import type { NewProgramme } from "./schema";

export const PROGRAMME_LOCK = rawStatement(
  { status: col.enum(PlanStatusEnum), yearClosed: col.bool },
  (organisationId: number, id: number) => Prisma.sql`
    SELECT p.status::text AS status, y.status = 'CLOSED' AS "yearClosed"
      FROM "WorkProgramme" p JOIN "AcademicYear" y ON y."organisationId" = p."organisationId" AND y.id = p."yearId"
     WHERE p."organisationId" = ${organisationId} AND p.id = ${id}
       FOR UPDATE OF p`,
);

async function lockProgramme(tx: Prisma.TransactionClient, organisationId: number, id: number) {
  const rows = await PROGRAMME_LOCK.run(tx, organisationId, id);
  return rows[0];
}

const refused = (status: PlanStatus | undefined, what: string): Outcome<never> =>
  status
    ? { ok: false, code: "CONFLICT", message: `${what}: программа в состоянии «${STATUS_LABELS[status]}»` }
    : { ok: false, code: "NOT_FOUND", message: "Программа не найдена" };

export async function createProgramme(
  organisationId: number,
  authorId: number,
  yearId: number,
  input: NewProgramme,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const created = await tx.workProgramme.create({
      data: { organisationId, yearId, authorId, ...input },
      select: { id: true },
    });
    await auditChange(tx, { organisationId, userId: authorId }, "programme.create", ["WorkProgramme", created.id], {
      ...input,
    });
    return created.id;
  });
}

export async function saveSections(
  organisationId: number,
  userId: number,
  programmeId: number,
  sections: readonly Section[],
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const locked = await lockProgramme(tx, organisationId, programmeId);
    if (locked?.yearClosed) return { ok: false, code: "LOCKED", message: YEAR_CLOSED_REASON };
    if (!locked || !canTransition(locked.status, "edit")) return refused(locked?.status, "Изменить нельзя");
    await tx.programmeSection.deleteMany({ where: { organisationId, programmeId } });
    await tx.programmeSection.createMany({
      data: sections.map((s, i) => ({ organisationId, programmeId, position: i + 1, ...s })),
    });
    await auditChange(tx, { organisationId, userId }, "programme.sections", ["WorkProgramme", programmeId], {
      sections: sections.length,
      hours: sections.reduce((a, s) => a + s.hours, 0),
    });
    return { ok: true, data: null };
  });
}

/** submit (author), approve / return (DEPUTY), reopen an approved programme as the next version. */
export async function moveProgramme(
  organisationId: number,
  userId: number,
  programmeId: number,
  step: "submit" | "approve" | "return" | "reopen",
  comment: string,
  now: Date,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const locked = await lockProgramme(tx, organisationId, programmeId);
    if (locked?.yearClosed) return { ok: false, code: "LOCKED", message: YEAR_CLOSED_REASON };
    if (!locked || !canTransition(locked.status, step)) return refused(locked?.status, "Шаг невозможен");
    if (step === "submit" && !(await tx.programmeSection.count({ where: { organisationId, programmeId } })))
      return { ok: false, code: "INVALID_INPUT", message: "В программе нет разделов" };
    const where = { organisationId_id: { organisationId, id: programmeId } };
    if (step === "reopen")
      await tx.workProgramme.update({ where, data: { status: "DRAFT", version: { increment: 1 } } });
    else
      await tx.workProgramme.update({
        where,
        data: {
          status: nextStatus(step),
          ...(step === "submit" ? { submittedAt: now } : { reviewerId: userId, reviewComment: comment || null }),
          ...(step === "approve" ? { approvedAt: now } : {}),
        },
      });
    await auditChange(
      tx,
      { organisationId, userId },
      `programme.${step}`,
      ["WorkProgramme", programmeId],
      comment ? { comment } : null,
    );
    return { ok: true, data: null };
  });
}

/** PRG-1: the КТП of one teacher load made from an approved programme: its sections and hours carried. */
export async function createPlanFromProgramme(
  organisationId: number,
  userId: number,
  programme: { id: number; title: string; yearId: number },
  load: {
    teacherId: number;
    subjectId: number;
    classId: number;
    className: string;
    grade: number;
    subjectName: string;
  },
): Promise<number> {
  const sections = await programmeSections(organisationId, programme.id);
  return createPlan(
    organisationId,
    userId,
    {
      yearId: programme.yearId,
      teacherId: load.teacherId,
      subjectId: load.subjectId,
      classId: load.classId,
      grade: load.grade,
      title: `КТП: ${load.subjectName}, ${load.className}`,
      programmeId: programme.id,
    },
    topicsFromSections(sections),
  );
}
