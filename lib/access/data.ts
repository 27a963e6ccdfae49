// Reads for the access gate. Every query is bound to the actor's organisation (ACL-5).
import { spanMeets } from "@/lib/org/time";
import { col, jsonArray } from "@/lib/sql";
import { rawStatement, db } from "@/lib/db";
import { Role } from "@/prisma/generated/prisma/enums";
import type { ActorFacts, TargetFacts } from "./rules";
import { lessonTarget, overrideKey } from "./rules";
import { isRole } from "./roles";
import { SCOPES, type Scope } from "./matrix";
import { Prisma } from "@/prisma/generated/prisma/client";

export type TargetRef =
  | { kind: "none" }
  | { kind: "class"; classId: number; subjectId?: number; subgroupId?: number | null }
  | { kind: "lesson"; lessonId: number }
  | { kind: "student"; studentId: number }
  | { kind: "user"; userId: number }
  | { kind: "club"; clubId: number };

function asScope(value: string | null): Scope | null {
  return value !== null && (SCOPES as readonly string[]).includes(value) ? (value as Scope) : null;
}

type LoadRow = { classId: number; subjectId: number; subgroupId: number | null };
type OverrideRow = { column: string; permission: string; scope: string | null };

/** The actor's roles, relations and the organisation's overrides; see loadActorFacts. */
export const ACTOR_FACTS = rawStatement(
  {
    isActive: col.bool,
    roles: col.array(col.enum(Role)).nullable(),
    classTeacherOf: col.array(col.int).nullable(),
    departmentClassIds: col.array(col.int).nullable(),
    loads: col.jsonArray,
    pastClassTeacherOf: col.array(col.int).nullable(),
    pastLoads: col.jsonArray,
    studentId: col.int.nullable(),
    childIds: col.array(col.int).nullable(),
    overrides: col.jsonArray,
  },
  (organisationId: number, userId: number) => Prisma.sql`
    SELECT
      u."isActive",
      (SELECT array_agg(r."role"::text ORDER BY r."role")
         FROM "UserRole" r WHERE r."organisationId" = u."organisationId" AND r."userId" = u.id) AS "roles",
      (SELECT array_agg(ct."classId" ORDER BY ct."classId")
         FROM "ClassTeacher" ct
         JOIN "ClassGroup" c ON c."organisationId" = ct."organisationId" AND c.id = ct."classId"
         JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
        WHERE ct."organisationId" = u."organisationId" AND ct."userId" = u.id AND y."status" <> 'CLOSED') AS "classTeacherOf",
      (SELECT array_agg(c.id ORDER BY c.id)
         FROM "Department" d
         JOIN "ClassGroup" c ON c."organisationId" = d."organisationId" AND c."departmentId" = d.id
        WHERE d."organisationId" = u."organisationId" AND d."headId" = u.id) AS "departmentClassIds",
      (SELECT json_agg(json_build_object('classId', l."classId", 'subjectId', l."subjectId", 'subgroupId', l."subgroupId") ORDER BY l.id)
         FROM "TeacherLoad" l
         JOIN "AcademicYear" y ON y."organisationId" = l."organisationId" AND y.id = l."yearId"
        WHERE l."organisationId" = u."organisationId" AND l."teacherId" = u.id AND y."status" <> 'CLOSED') AS "loads",
      (SELECT array_agg(ct."classId" ORDER BY ct."classId")
         FROM "ClassTeacher" ct
         JOIN "ClassGroup" c ON c."organisationId" = ct."organisationId" AND c.id = ct."classId"
         JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
        WHERE ct."organisationId" = u."organisationId" AND ct."userId" = u.id AND y."status" = 'CLOSED') AS "pastClassTeacherOf",
      (SELECT json_agg(json_build_object('classId', l."classId", 'subjectId', l."subjectId", 'subgroupId', l."subgroupId") ORDER BY l.id)
         FROM "TeacherLoad" l
         JOIN "AcademicYear" y ON y."organisationId" = l."organisationId" AND y.id = l."yearId"
        WHERE l."organisationId" = u."organisationId" AND l."teacherId" = u.id AND y."status" = 'CLOSED') AS "pastLoads",
      (SELECT s.id FROM "Student" s WHERE s."organisationId" = u."organisationId" AND s."userId" = u.id) AS "studentId",
      (SELECT array_agg(pl."studentId" ORDER BY pl."studentId")
         FROM "Parent" p
         JOIN "ParentLink" pl ON pl."organisationId" = p."organisationId" AND pl."parentId" = p.id
        WHERE p."organisationId" = u."organisationId" AND p."userId" = u.id) AS "childIds",
      (SELECT json_agg(json_build_object('column', rp."column", 'permission', rp."permission", 'scope', rp."scope"))
         FROM "RolePermission" rp WHERE rp."organisationId" = u."organisationId") AS "overrides"
    FROM "User" u
    WHERE u."organisationId" = ${organisationId} AND u.id = ${userId}`,
);

/**
 * Loads the actor's roles, relations and the organisation's overrides from the database — one
 * statement with a subselect per relation (it runs before every page and save; Prisma's nested
 * selects were ~11 round trips). Null if the user is gone or inactive.
 */
export async function loadActorFacts(organisationId: number, userId: number): Promise<ActorFacts | null> {
  const rows = await ACTOR_FACTS.run(db, organisationId, userId);
  const user = rows[0];
  if (!user || !user.isActive) return null;
  const overrides = jsonArray<OverrideRow>(user.overrides);
  return {
    userId,
    organisationId,
    roles: (user.roles ?? []).filter(isRole),
    classTeacherOf: user.classTeacherOf ?? [],
    departmentClassIds: user.departmentClassIds ?? [],
    loads: jsonArray<LoadRow>(user.loads),
    pastClassTeacherOf: user.pastClassTeacherOf ?? [],
    pastLoads: jsonArray<LoadRow>(user.pastLoads),
    studentId: user.studentId ?? null,
    childIds: user.childIds ?? [],
    overrides: new Map(overrides.map((o) => [overrideKey(o.column, o.permission), asScope(o.scope)])),
  };
}

/** What loadTargetFacts reads through: the client, or an interactive transaction (SEC-2 stored rows). */
export type TargetClient = Pick<typeof db, "classGroup" | "lesson" | "student" | "user" | "club">;

/** Resolves a target reference inside the organisation; null when it does not exist there. */
export async function loadTargetFacts(
  organisationId: number,
  ref: TargetRef,
  today: Date,
  client: TargetClient = db,
): Promise<TargetFacts | null> {
  switch (ref.kind) {
    case "none":
      return { kind: "none" };
    case "class": {
      const found = await client.classGroup.findUnique({
        where: { organisationId_id: { organisationId, id: ref.classId } },
        select: { id: true },
      });
      return found
        ? { kind: "class", classId: ref.classId, subjectId: ref.subjectId, subgroupId: ref.subgroupId }
        : null;
    }
    case "lesson": {
      const lesson = await client.lesson.findUnique({
        where: { organisationId_id: { organisationId, id: ref.lessonId } },
        select: { id: true, classId: true, subjectId: true, subgroupId: true, teacherId: true, substituteId: true },
      });
      return lesson ? lessonTarget(lesson) : null;
    }
    case "student": {
      const student = await client.student.findUnique({
        where: { organisationId_id: { organisationId, id: ref.studentId } },
        select: {
          id: true,
          memberships: {
            where: spanMeets(today),
            select: { classId: true },
          },
        },
      });
      return student
        ? { kind: "student", studentId: student.id, classIds: student.memberships.map((m) => m.classId) }
        : null;
    }
    case "user": {
      const user = await client.user.findUnique({
        where: { organisationId_id: { organisationId, id: ref.userId } },
        select: { id: true },
      });
      return user ? { kind: "user", userId: user.id } : null;
    }
    case "club": {
      const club = await client.club.findUnique({
        where: { organisationId_id: { organisationId, id: ref.clubId } },
        select: { id: true, leaderId: true },
      });
      return club ? { kind: "club", clubId: club.id, leaderId: club.leaderId } : null;
    }
  }
}
