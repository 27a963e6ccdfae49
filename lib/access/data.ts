// Reads for the access gate. Every query is bound to the actor's organisation (ACL-5).
import { db } from "@/lib/db";
import type { ActorFacts, TargetFacts } from "./rules";
import { overrideKey } from "./rules";
import { isRole } from "./roles";
import { SCOPES, type Scope } from "./matrix";

export type TargetRef =
  | { kind: "none" }
  | { kind: "class"; classId: number; subjectId?: number; subgroupId?: number | null }
  | { kind: "lesson"; lessonId: number }
  | { kind: "student"; studentId: number }
  | { kind: "user"; userId: number };

function asScope(value: string | null): Scope | null {
  return value !== null && (SCOPES as readonly string[]).includes(value) ? (value as Scope) : null;
}

/** Loads the actor's roles, relations and the organisation's overrides from the database. Null if the user is gone or inactive. */
export async function loadActorFacts(organisationId: number, userId: number, today: Date): Promise<ActorFacts | null> {
  const user = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: {
      isActive: true,
      roles: { select: { role: true } },
      classTeacherOf: { select: { classId: true, class: { select: { year: { select: { status: true } } } } } },
      departmentsHeaded: { select: { classes: { select: { id: true } } } },
      loads: {
        where: { year: { status: { not: "CLOSED" } } },
        select: { classId: true, subjectId: true, subgroupId: true },
      },
      student: { select: { id: true } },
      parent: { select: { children: { select: { studentId: true } } } },
    },
  });
  if (!user || !user.isActive) return null;
  const overrides = await db.rolePermission.findMany({ where: { organisationId }, select: { column: true, permission: true, scope: true } });
  void today;
  return {
    userId,
    organisationId,
    roles: user.roles.map((r) => r.role).filter(isRole),
    classTeacherOf: user.classTeacherOf.filter((c) => c.class.year.status !== "CLOSED").map((c) => c.classId),
    departmentClassIds: user.departmentsHeaded.flatMap((d) => d.classes.map((c) => c.id)),
    loads: user.loads,
    studentId: user.student?.id ?? null,
    childIds: user.parent?.children.map((c) => c.studentId) ?? [],
    overrides: new Map(overrides.map((o) => [overrideKey(o.column, o.permission), asScope(o.scope)])),
  };
}

/** Resolves a target reference inside the organisation; null when it does not exist there. */
export async function loadTargetFacts(organisationId: number, ref: TargetRef, today: Date): Promise<TargetFacts | null> {
  switch (ref.kind) {
    case "none":
      return { kind: "none" };
    case "class": {
      const found = await db.classGroup.findUnique({
        where: { organisationId_id: { organisationId, id: ref.classId } },
        select: { id: true },
      });
      return found ? { kind: "class", classId: ref.classId, subjectId: ref.subjectId, subgroupId: ref.subgroupId } : null;
    }
    case "lesson": {
      const lesson = await db.lesson.findUnique({
        where: { organisationId_id: { organisationId, id: ref.lessonId } },
        select: { id: true, classId: true, subjectId: true, subgroupId: true, teacherId: true, substituteId: true },
      });
      return lesson
        ? {
            kind: "lesson",
            lessonId: lesson.id,
            classId: lesson.classId,
            subjectId: lesson.subjectId,
            subgroupId: lesson.subgroupId,
            teacherId: lesson.teacherId,
            substituteId: lesson.substituteId,
          }
        : null;
    }
    case "student": {
      const student = await db.student.findUnique({
        where: { organisationId_id: { organisationId, id: ref.studentId } },
        select: {
          id: true,
          memberships: {
            where: { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
            select: { classId: true },
          },
        },
      });
      return student ? { kind: "student", studentId: student.id, classIds: student.memberships.map((m) => m.classId) } : null;
    }
    case "user": {
      const user = await db.user.findUnique({
        where: { organisationId_id: { organisationId, id: ref.userId } },
        select: { id: true },
      });
      return user ? { kind: "user", userId: user.id } : null;
    }
  }
}
