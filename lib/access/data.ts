// Reads for the access gate. Every query is bound to the actor's organisation (ACL-5).
import { col, jsonArray } from "@/lib/sql";
import { rawStatement, db, type RawClient } from "@/lib/db";
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
export type TargetClient = RawClient;

// The target's row, one statement per kind (issue 22 round 13: raw statements on the pg path instead
// of Prisma model reads — the gate reads one before most pages).

/** A class of the organisation (its id, or nothing). */
export const TARGET_CLASS = rawStatement(
  { id: col.int },
  (organisationId: number, classId: number) => Prisma.sql`
    SELECT id FROM "ClassGroup" WHERE "organisationId" = ${organisationId} AND id = ${classId}`,
);

/** A lesson with what the rules decide on (its class, subject, subgroup, teacher and substitute). */
export const TARGET_LESSON = rawStatement(
  {
    id: col.int,
    classId: col.int,
    subjectId: col.int,
    subgroupId: col.int.nullable(),
    teacherId: col.int,
    substituteId: col.int.nullable(),
  },
  (organisationId: number, lessonId: number) => Prisma.sql`
    SELECT id, "classId", "subjectId", "subgroupId", "teacherId", "substituteId"
      FROM "Lesson" WHERE "organisationId" = ${organisationId} AND id = ${lessonId}`,
);

/** A student with the classes of their stays that meet `today` (its UTC calendar day, as Prisma compares a date). */
export const TARGET_STUDENT = rawStatement(
  { id: col.int, classIds: col.array(col.int).nullable() },
  (organisationId: number, studentId: number, today: Date) => Prisma.sql`
    SELECT s.id,
           (SELECT array_agg(m."classId" ORDER BY m.id)
              FROM "ClassMembership" m
             WHERE m."organisationId" = s."organisationId" AND m."studentId" = s.id
               AND m."startDate" <= ${today}::date AND (m."endDate" IS NULL OR m."endDate" >= ${today}::date)) AS "classIds"
      FROM "Student" s WHERE s."organisationId" = ${organisationId} AND s.id = ${studentId}`,
);

/** A user of the organisation (its id, or nothing). */
export const TARGET_USER = rawStatement(
  { id: col.int },
  (organisationId: number, userId: number) => Prisma.sql`
    SELECT id FROM "User" WHERE "organisationId" = ${organisationId} AND id = ${userId}`,
);

/** A club with its leader. */
export const TARGET_CLUB = rawStatement(
  { id: col.int, leaderId: col.int },
  (organisationId: number, clubId: number) => Prisma.sql`
    SELECT id, "leaderId" FROM "Club" WHERE "organisationId" = ${organisationId} AND id = ${clubId}`,
);

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
      const [found] = await TARGET_CLASS.run(client, organisationId, ref.classId);
      return found
        ? { kind: "class", classId: ref.classId, subjectId: ref.subjectId, subgroupId: ref.subgroupId }
        : null;
    }
    case "lesson": {
      const [lesson] = await TARGET_LESSON.run(client, organisationId, ref.lessonId);
      return lesson ? lessonTarget(lesson) : null;
    }
    case "student": {
      const [student] = await TARGET_STUDENT.run(client, organisationId, ref.studentId, today);
      return student ? { kind: "student", studentId: student.id, classIds: student.classIds ?? [] } : null;
    }
    case "user": {
      const [user] = await TARGET_USER.run(client, organisationId, ref.userId);
      return user ? { kind: "user", userId: user.id } : null;
    }
    case "club": {
      const [club] = await TARGET_CLUB.run(client, organisationId, ref.clubId);
      return club ? { kind: "club", clubId: club.id, leaderId: club.leaderId } : null;
    }
  }
}
