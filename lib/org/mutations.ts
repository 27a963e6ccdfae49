// Writes of the organisation set-up (ORG-1…ORG-7). Every write checks that its academic year is
// not closed (a closed year is read-only, ORG-3, ARC-1), maps unique/foreign-key conflicts to
// Russian field messages, and is audited in the same transaction.
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { auditChange } from "@/lib/audit/mutations";
import type { StoredScopeCheck } from "@/lib/access/stored";
import type { Entity } from "./directory";

// The interactive-transaction client exactly as db.$transaction passes it (comparing it with
// Prisma.TransactionClient exceeds the compiler's stack depth on this schema).
type Tx = Omit<typeof db, "$connect" | "$disconnect" | "$on" | "$use" | "$extends">;
export type SaveOutcome = { ok: true; id: number } | { ok: false; field: string; message: string };

class Refused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

async function assertYearOpen(tx: Tx, organisationId: number, yearId: number): Promise<void> {
  const y = await tx.academicYear.findUnique({
    where: { organisationId_id: { organisationId, id: yearId } },
    select: { status: true },
  });
  if (!y) throw new Refused("_", "Учебный год не найден");
  if (y.status === "CLOSED") throw new Refused("_", "Учебный год закрыт: изменения невозможны");
}

/** REC-1: a period closed for some class keeps its bounds — they decide what the closing froze. */
async function assertPeriodNotClosed(tx: Tx, organisationId: number, periodId: number): Promise<void> {
  const closed = await tx.periodClosure.count({ where: { organisationId, periodId } });
  if (closed > 0) throw new Refused("_", "Период уже закрыт для классов: его границы и тип не меняются");
}

/** Periods and holidays lie inside their academic year (ORG-3). */
async function assertInsideYear(tx: Tx, organisationId: number, yearId: number, data: Data): Promise<void> {
  const y = await tx.academicYear.findUnique({
    where: { organisationId_id: { organisationId, id: yearId } },
    select: { startDate: true, endDate: true },
  });
  const start = data.startDate as Date;
  const end = data.endDate as Date;
  if (y && start.getTime() < y.startDate.getTime())
    throw new Refused("startDate", "Начало раньше начала учебного года");
  if (y && end.getTime() > y.endDate.getTime()) throw new Refused("endDate", "Окончание позже конца учебного года");
}

async function yearOfClass(tx: Tx, organisationId: number, classId: number): Promise<number> {
  const c = await tx.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: { yearId: true },
  });
  if (!c) throw new Refused("classId", "Класс не найден");
  return c.yearId;
}

/** The year a row belongs to (for the closed-year check), before or after the change. */
async function rowYear(tx: Tx, organisationId: number, entity: Entity, id: number): Promise<number | null> {
  const where = { organisationId_id: { organisationId, id } };
  switch (entity) {
    case "period":
      return (await tx.period.findUnique({ where, select: { yearId: true } }))?.yearId ?? null;
    case "holiday":
      return (await tx.holiday.findUnique({ where, select: { yearId: true } }))?.yearId ?? null;
    case "class":
      return (await tx.classGroup.findUnique({ where, select: { yearId: true } }))?.yearId ?? null;
    case "load":
      return (await tx.teacherLoad.findUnique({ where, select: { yearId: true } }))?.yearId ?? null;
    case "curriculum": {
      const c = await tx.curriculumItem.findUnique({ where, select: { classId: true } });
      return c ? yearOfClass(tx, organisationId, c.classId) : null;
    }
    case "subgroup": {
      const s = await tx.subgroup.findUnique({ where, select: { classId: true } });
      return s ? yearOfClass(tx, organisationId, s.classId) : null;
    }
    case "classDepartment":
      return (await tx.classGroup.findUnique({ where, select: { yearId: true } }))?.yearId ?? null;
    default:
      return null;
  }
}

/** The class a stored class-bound row belongs to (SEC-2); null for rows of the whole organisation. */
async function storedClassOf(tx: Tx, organisationId: number, entity: Entity, id: number): Promise<number | null> {
  const where = { organisationId_id: { organisationId, id } };
  switch (entity) {
    case "class":
    case "classTeacher": // its id is the class's
      return id;
    case "curriculum":
      return (await tx.curriculumItem.findUnique({ where, select: { classId: true } }))?.classId ?? null;
    case "load":
      return (await tx.teacherLoad.findUnique({ where, select: { classId: true } }))?.classId ?? null;
    case "subgroup":
      return (await tx.subgroup.findUnique({ where, select: { classId: true } }))?.classId ?? null;
    default:
      return null;
  }
}

/** SEC-2: the stored row's class must lie in the actor's scope too (throws OutOfScope, rolling back). */
async function assertStoredInScope(
  tx: Tx,
  organisationId: number,
  entity: Entity,
  id: number,
  inScope: StoredScopeCheck,
): Promise<void> {
  const classId = await storedClassOf(tx, organisationId, entity, id);
  if (classId !== null) await inScope(tx, { kind: "class", classId });
}

type Data = Record<string, unknown>;

async function write(
  tx: Tx,
  organisationId: number,
  entity: Entity,
  id: number | null,
  data: Data,
  yearId: number | null,
): Promise<number> {
  const where = { organisationId_id: { organisationId, id: id ?? 0 } };
  const withOrg = { organisationId, ...data };
  const sel = { select: { id: true } } as const;
  switch (entity) {
    case "assignmentType":
      return (
        id
          ? await tx.assignmentType.update({ where, data, ...sel })
          : await tx.assignmentType.create({ data: withOrg as never, ...sel })
      ).id;
    case "room":
      return (
        id ? await tx.room.update({ where, data, ...sel }) : await tx.room.create({ data: withOrg as never, ...sel })
      ).id;
    case "subject":
      if (data.parentId !== null && data.parentId !== undefined && data.parentId === id)
        throw new Refused("parentId", "Предмет не может входить сам в себя");
      return (
        id
          ? await tx.subject.update({ where, data, ...sel })
          : await tx.subject.create({ data: withOrg as never, ...sel })
      ).id;
    case "period":
      return (
        id
          ? await tx.period.update({ where, data, ...sel })
          : await tx.period.create({ data: { ...withOrg, yearId } as never, ...sel })
      ).id;
    case "holiday":
      return (
        id
          ? await tx.holiday.update({ where, data, ...sel })
          : await tx.holiday.create({ data: { ...withOrg, yearId } as never, ...sel })
      ).id;
    case "class":
      return (
        id
          ? await tx.classGroup.update({ where, data, ...sel })
          : await tx.classGroup.create({
              // DAY-11: a new class rings by the organisation's default bell schedule (else its first one)
              data: { ...withOrg, yearId, bellScheduleId: await defaultBellScheduleId(tx, organisationId) } as never,
              ...sel,
            })
      ).id;
    case "curriculum":
      return (
        id
          ? await tx.curriculumItem.update({ where, data, ...sel })
          : await tx.curriculumItem.create({ data: withOrg as never, ...sel })
      ).id;
    case "load": {
      const classYear = await yearOfClass(tx, organisationId, data.classId as number);
      const full = { ...data, yearId: classYear };
      return (
        id
          ? await tx.teacherLoad.update({ where, data: full, ...sel })
          : await tx.teacherLoad.create({ data: { organisationId, ...full } as never, ...sel })
      ).id;
    }
    case "subgroup":
      return (
        id
          ? await tx.subgroup.update({ where, data, ...sel })
          : await tx.subgroup.create({ data: withOrg as never, ...sel })
      ).id;
    case "classTeacher":
      await tx.classTeacher.upsert({
        where: {
          organisationId_classId_userId: {
            organisationId,
            classId: data.classId as number,
            userId: data.userId as number,
          },
        },
        create: withOrg as never,
        update: { kind: data.kind as never },
      });
      return data.classId as number;
    case "department":
      if (typeof data.headId === "number") await assertHeadOfDept(tx, organisationId, data.headId);
      return (
        id
          ? await tx.department.update({ where, data, ...sel })
          : await tx.department.create({ data: withOrg as never, ...sel })
      ).id;
    case "classDepartment":
      if (id === null) throw new Refused("_", "Не выбран класс");
      return (
        await tx.classGroup.update({
          where,
          data: { departmentId: (data.departmentId as number | null) ?? null },
          ...sel,
        })
      ).id;
  }
}

/** A department's head holds the HEAD_OF_DEPT role in this organisation. */
async function assertHeadOfDept(tx: Tx, organisationId: number, userId: number): Promise<void> {
  const role = await tx.userRole.findFirst({
    where: { organisationId, userId, role: "HEAD_OF_DEPT", user: { isActive: true } },
    select: { userId: true },
  });
  if (!role) throw new Refused("headId", "Заведующим можно назначить только сотрудника с ролью «Зав. отделением»");
}

function conflict(e: unknown): SaveOutcome | null {
  if (e instanceof Refused) return { ok: false, field: e.field, message: e.message };
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    if (e.code === "P2002") return { ok: false, field: "_", message: "Такая запись уже есть" };
    if (e.code === "P2003")
      return {
        ok: false,
        field: "_",
        message: "Запись используется или ссылается на несуществующую: операция невозможна",
      };
    if (e.code === "P2025") return { ok: false, field: "_", message: "Запись не найдена" };
  }
  return null;
}

/**
 * Creates (id null) or updates one directory row. `yearId` is the year for new year-bound rows;
 * `inScope` (every action passes it) authorises an existing row's stored class (SEC-2).
 */
export async function saveEntity(
  organisationId: number,
  userId: number,
  entity: Entity,
  id: number | null,
  data: Data,
  yearId: number | null,
  inScope?: StoredScopeCheck,
): Promise<SaveOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      if (id !== null && inScope) await assertStoredInScope(tx, organisationId, entity, id, inScope);
      const y = id !== null ? await rowYear(tx, organisationId, entity, id) : yearId;
      if (id !== null && y === null && !["assignmentType", "room", "subject", "department"].includes(entity))
        throw new Refused("_", "Запись не найдена");
      if (y !== null) await assertYearOpen(tx, organisationId, y);
      if ((entity === "period" || entity === "holiday") && y !== null)
        await assertInsideYear(tx, organisationId, y, data);
      if (entity === "period" && id !== null) await assertPeriodNotClosed(tx, organisationId, id);
      if (typeof data.classId === "number")
        await assertYearOpen(tx, organisationId, await yearOfClass(tx, organisationId, data.classId));
      const saved = await write(tx, organisationId, entity, id, data, yearId);
      await auditChange(tx, { organisationId, userId }, id ? "org.updated" : "org.created", [entity, saved], {
        fields: Object.keys(data),
      });
      return { ok: true as const, id: saved };
    });
  } catch (e) {
    const c = conflict(e);
    if (c) return c;
    throw e;
  }
}

export async function deleteEntity(
  organisationId: number,
  userId: number,
  entity: Entity,
  id: number,
  extra?: { userId: number },
  inScope?: StoredScopeCheck,
): Promise<SaveOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      if (inScope) await assertStoredInScope(tx, organisationId, entity, id, inScope);
      const y =
        entity === "classTeacher"
          ? await yearOfClass(tx, organisationId, id)
          : await rowYear(tx, organisationId, entity, id);
      if (y !== null) await assertYearOpen(tx, organisationId, y);
      const where = { organisationId_id: { organisationId, id } };
      switch (entity) {
        case "assignmentType":
          await tx.assignmentType.delete({ where });
          break;
        case "room":
          await tx.room.delete({ where });
          break;
        case "subject":
          await tx.subject.delete({ where });
          break;
        case "period":
          await tx.period.delete({ where });
          break;
        case "holiday":
          await tx.holiday.delete({ where });
          break;
        case "class":
          await tx.classGroup.delete({ where });
          break;
        case "curriculum":
          await tx.curriculumItem.delete({ where });
          break;
        case "load":
          await tx.teacherLoad.delete({ where });
          break;
        case "subgroup":
          await tx.subgroup.delete({ where });
          break;
        case "classTeacher":
          await tx.classTeacher.delete({
            where: { organisationId_classId_userId: { organisationId, classId: id, userId: extra?.userId ?? 0 } },
          });
          break;
        case "department": {
          const groups = await tx.classGroup.count({ where: { organisationId, departmentId: id } });
          if (groups > 0)
            throw new Refused(
              "_",
              `В отделении есть группы (${groups}, считая прошлые годы): удалить нельзя, сначала переведите их в другое отделение`,
            );
          await tx.department.delete({ where });
          break;
        }
        case "classDepartment":
          throw new Refused("_", "Группу убирают из отделения выбором «без отделения»");
      }
      await auditChange(tx, { organisationId, userId }, "org.deleted", [entity, id]);
      return { ok: true as const, id };
    });
  } catch (e) {
    const c = conflict(e);
    if (c) return c;
    throw e;
  }
}

export async function saveOrgCard(organisationId: number, userId: number, data: Data): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.organisation.update({ where: { id: organisationId }, data });
    await auditChange(tx, { organisationId, userId }, "org.card_updated", ["Organisation", organisationId], {
      fields: Object.keys(data),
    });
  });
}

export async function saveSettings(organisationId: number, userId: number, data: Data): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.organisationSettings.upsert({
      where: { organisationId },
      create: { organisationId, ...data },
      update: data,
    });
    await auditChange(
      tx,
      { organisationId, userId },
      "org.settings_updated",
      ["OrganisationSettings", organisationId],
      data as Record<string, unknown>,
    );
  });
}

/** The bell schedule a new class gets (DAY-11): the one marked default, else the oldest; null without any. */
async function defaultBellScheduleId(tx: Tx, organisationId: number): Promise<number | null> {
  const found = await tx.bellSchedule.findFirst({
    where: { organisationId },
    orderBy: [{ isDefault: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  return found?.id ?? null;
}
