// The year transition in one transaction (ORG-3, PPL-4): close the current year, open the next
// one with periods and holidays shifted by a year, create the promoted classes (with class
// teachers and subgroups), and move every student by the movement book (promotion, conditional
// promotion, repeat year, graduation) with the order and the year decision («решение педсовета»).
import { db, rawStatement } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { MOVEMENT_OF, spanNextYear, type ClassPlan, type StudentPlan } from "./rules";
import { col } from "@/lib/sql";
import { YearStatus } from "@/prisma/generated/prisma/enums";
import { Prisma } from "@/prisma/generated/prisma/client";

export type TransitionCommit = {
  yearId: number;
  nextName: string;
  classes: readonly ClassPlan[];
  students: readonly StudentPlan[];
  orderNumber: string;
  orderDate: Date;
};

const DAY = 86_400_000;

export async function commitTransition(
  organisationId: number,
  userId: number,
  t: TransitionCommit,
  now: Date,
): Promise<{ ok: true; nextYearId: number } | { ok: false; message: string }> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "AcademicYear" WHERE "organisationId" = ${organisationId} AND "id" = ${t.yearId} FOR UPDATE`;
      const year = await tx.academicYear.findUnique({
        where: { organisationId_id: { organisationId, id: t.yearId } },
        select: { status: true, isCurrent: true, startDate: true, endDate: true, periods: true, holidays: true },
      });
      if (!year || !year.isCurrent || year.status === "CLOSED")
        return { ok: false as const, message: "Текущий год уже закрыт или изменился: обновите страницу" };
      const next = await tx.academicYear.create({
        data: {
          organisationId,
          name: t.nextName,
          ...spanNextYear(year),
          status: "OPEN",
          isCurrent: true,
        },
        select: { id: true, startDate: true },
      });
      await tx.academicYear.update({
        where: { organisationId_id: { organisationId, id: t.yearId } },
        data: { status: "CLOSED", isCurrent: false, closedAt: now },
      });
      await tx.period.createMany({
        data: year.periods.map((p) => ({
          organisationId,
          yearId: next.id,
          kind: p.kind,
          number: p.number,
          name: p.name,
          ...spanNextYear(p),
        })),
      });
      await tx.holiday.createMany({
        data: year.holidays.map((h) => ({
          organisationId,
          yearId: next.id,
          name: h.name,
          ...spanNextYear(h),
          grade: h.grade,
        })),
      });

      const newClassByName = new Map<string, number>();
      for (const c of t.classes) {
        if (!c.nextName) continue;
        const old = await tx.classGroup.findUniqueOrThrow({
          where: { organisationId_id: { organisationId, id: c.classId } },
          select: {
            letter: true,
            specialty: true,
            specialtyCode: true,
            departmentId: true,
            periodKind: true,
            shift: true,
            bellScheduleId: true,
            classTeachers: true,
            subgroups: true,
          },
        });
        const created = await tx.classGroup.create({
          data: {
            organisationId,
            yearId: next.id,
            name: c.nextName,
            grade: c.grade + 1,
            letter: old.letter,
            specialty: old.specialty,
            specialtyCode: old.specialtyCode,
            departmentId: old.departmentId,
            periodKind: old.periodKind,
            shift: old.shift,
            bellScheduleId: old.bellScheduleId,
          },
          select: { id: true },
        });
        newClassByName.set(c.nextName, created.id);
        await tx.classGroup.update({
          where: { organisationId_id: { organisationId, id: c.classId } },
          data: { nextClassId: created.id },
        });
        if (old.classTeachers.length)
          await tx.classTeacher.createMany({
            data: old.classTeachers.map((ct) => ({
              organisationId,
              classId: created.id,
              userId: ct.userId,
              kind: ct.kind,
            })),
          });
        if (old.subgroups.length)
          await tx.subgroup.createMany({
            data: old.subgroups.map((s) => ({
              organisationId,
              classId: created.id,
              subjectId: s.subjectId,
              name: s.name,
            })),
          });
      }

      const lastDay = new Date(next.startDate.getTime() - DAY);
      const grades = new Map(t.classes.map((c) => [c.classId, c.grade]));
      await tx.classMembership.updateMany({
        where: { organisationId, id: { in: t.students.map((s) => s.membershipId) }, endDate: null },
        data: { endDate: lastDay },
      });
      const memberships = await tx.classMembership.findMany({
        where: { organisationId, id: { in: t.students.map((s) => s.membershipId) } },
        select: { id: true, educationForm: true },
      });
      const formOf = new Map(memberships.map((m) => [m.id, m.educationForm]));
      const moving = t.students.filter((s) => s.toClassName);
      for (const s of moving)
        if (!newClassByName.has(s.toClassName!))
          return { ok: false as const, message: `Нет класса ${s.toClassName} в следующем году` };
      await tx.classMembership.createMany({
        data: moving.map((s) => ({
          organisationId,
          studentId: s.studentId,
          classId: newClassByName.get(s.toClassName!)!,
          startDate: next.startDate,
          educationForm: formOf.get(s.membershipId) ?? "FULL_TIME",
        })),
      });
      await tx.movement.createMany({
        data: t.students.map((s) => ({
          organisationId,
          studentId: s.studentId,
          kind: MOVEMENT_OF[s.decision],
          date: next.startDate,
          orderNumber: t.orderNumber,
          orderDate: t.orderDate,
          fromClassId: s.fromClassId,
          toClassId: s.toClassName ? newClassByName.get(s.toClassName)! : null,
          createdById: userId,
        })),
      });
      await tx.yearDecision.createMany({
        data: t.students.map((s) => ({
          organisationId,
          yearId: t.yearId,
          studentId: s.studentId,
          decision: s.decision,
          toGrade:
            s.decision === "GRADUATED"
              ? null
              : s.decision === "REPEAT"
                ? grades.get(s.fromClassId)!
                : grades.get(s.fromClassId)! + 1,
          orderNumber: t.orderNumber,
          orderDate: t.orderDate,
        })),
        skipDuplicates: true,
      });
      await auditChange(tx, { organisationId, userId }, "year.transition", ["AcademicYear", t.yearId], {
        nextYearId: next.id,
        nextName: t.nextName,
        students: t.students.length,
        graduated: t.students.filter((s) => s.decision === "GRADUATED").length,
        orderNumber: t.orderNumber,
      });
      return { ok: true as const, nextYearId: next.id };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Locks the year's row; its name and status (REC-2). */
export const YEAR_LOCK = rawStatement(
  { name: col.text, status: col.enum(YearStatus) },
  (organisationId: number, yearId: number) => Prisma.sql`
      SELECT name, status::text AS status FROM "AcademicYear"
       WHERE "organisationId" = ${organisationId} AND id = ${yearId} FOR UPDATE`,
);

/**
 * REC-2: ADMIN opens a closed year for corrections with a reason — the year's records become
 * writable again (not current); the reopening is kept and audited.
 */
export async function reopenYear(
  organisationId: number,
  userId: number,
  yearId: number,
  reason: string,
  now: Date,
): Promise<{ ok: true; name: string } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    const [year] = await YEAR_LOCK.run(tx, organisationId, yearId);
    if (!year) return { ok: false as const, message: "Учебный год не найден" };
    if (year.status !== "CLOSED") return { ok: false as const, message: "Учебный год не закрыт" };
    await tx.academicYear.update({
      where: { organisationId_id: { organisationId, id: yearId } },
      data: { status: "OPEN" },
    });
    const row = await tx.yearReopening.create({
      data: { organisationId, yearId, reason, reopenedById: userId, reopenedAt: now },
      select: { id: true },
    });
    await auditChange(tx, { organisationId, userId }, "year.reopen", ["AcademicYear", yearId], {
      reason,
      reopeningId: row.id,
    });
    return { ok: true as const, name: year.name };
  });
}

/** Locks the year's row; its name, status and whether it is current (REC-2). */
export const YEAR_LOCK_CURRENT = rawStatement(
  { name: col.text, status: col.enum(YearStatus), isCurrent: col.bool },
  (organisationId: number, yearId: number) => Prisma.sql`
      SELECT name, status::text AS status, "isCurrent" FROM "AcademicYear"
       WHERE "organisationId" = ${organisationId} AND id = ${yearId} FOR UPDATE`,
);

/**
 * REC-2: closes a reopened year again — frozen as before; the caller then writes a new archive
 * edition (its number: one more than the closings again so far) and records it here.
 */
export async function closeYearAgain(
  organisationId: number,
  userId: number,
  yearId: number,
  now: Date,
): Promise<
  { ok: true; name: string; reopeningId: number; edition: number; reason: string } | { ok: false; message: string }
> {
  return db.$transaction(async (tx) => {
    const [year] = await YEAR_LOCK_CURRENT.run(tx, organisationId, yearId);
    if (!year) return { ok: false as const, message: "Учебный год не найден" };
    const open = await tx.yearReopening.findFirst({
      where: { organisationId, yearId, closedAgainAt: null },
      orderBy: { id: "desc" },
      select: { id: true, reason: true },
    });
    if (year.status === "CLOSED" || year.isCurrent || !open)
      return { ok: false as const, message: "Год не был открыт для исправлений" };
    const closedBefore = await tx.yearReopening.count({
      where: { organisationId, yearId, closedAgainAt: { not: null } },
    });
    await tx.academicYear.update({
      where: { organisationId_id: { organisationId, id: yearId } },
      data: { status: "CLOSED", closedAt: now },
    });
    await tx.yearReopening.update({
      where: { organisationId_id: { organisationId, id: open.id } },
      data: { closedAgainAt: now },
    });
    await auditChange(tx, { organisationId, userId }, "year.close", ["AcademicYear", yearId], {
      reopeningId: open.id,
      edition: closedBefore + 2,
    });
    return { ok: true as const, name: year.name, reopeningId: open.id, edition: closedBefore + 2, reason: open.reason };
  });
}

/** The archive edition written when a year was closed again (REC-2). */
export async function recordReopeningArchive(organisationId: number, reopeningId: number, archiveSetId: number) {
  await db.yearReopening.update({
    where: { organisationId_id: { organisationId, id: reopeningId } },
    data: { archiveSetId },
  });
}
