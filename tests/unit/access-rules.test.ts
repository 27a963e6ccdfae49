import { describe, expect, it } from "vitest";
import { MATRIX, defaultScope, row, type Permission } from "@/lib/access/matrix";
import { MATRIX_COLUMNS, type MatrixColumn, type Role } from "@/lib/access/roles";
import { actorColumns, decide, effectiveScopes, overrideKey, type ActorFacts } from "@/lib/access/rules";
import { actor } from "../support/actor-facts";

function actorFor(column: MatrixColumn): ActorFacts {
  // The CLASS_TEACHER column alone (in real life the relation comes with a TEACHER login).
  return column === "CLASS_TEACHER" ? actor({ classTeacherOf: [10] }) : actor({ roles: [column as Role] });
}

describe("default matrix (ACL-2)", () => {
  it("holds the 60 first-wave rows and the second-wave rows of ACCESS_MATRIX.md with unique keys", () => {
    // 60 rows of seed 003's table + 27 second-wave rows (REC, DUT, LRN, PRG, REG; clubs.journal
    // with its «leader» scope came with the clubs, PRG-2; clubs.enrol with the family's open enrolment).
    expect(MATRIX).toHaveLength(88);
    expect(new Set(MATRIX.map((r) => r.key)).size).toBe(88);
  });

  it("gives the second-wave rights as ACCESS_MATRIX.md says (REC-1, DUT-4, LRN-1)", () => {
    expect(MATRIX_COLUMNS.filter((c) => defaultScope("period.close", c) !== null)).toEqual([
      "ADMIN",
      "DEPUTY",
      "HEAD_OF_DEPT",
    ]);
    expect(defaultScope("period.close", "HEAD_OF_DEPT")).toBe("dept");
    expect(MATRIX_COLUMNS.filter((c) => defaultScope("absence.notify", c) !== null)).toEqual(["PARENT"]);
    expect(defaultScope("homework.handin", "STUDENT")).toBe("self");
    expect(defaultScope("homework.handin", "PARENT")).toBeNull();
  });

  it("gives only ADMIN the right to change access rights", () => {
    expect(MATRIX_COLUMNS.filter((c) => defaultScope("acl.edit", c) !== null)).toEqual(["ADMIN"]);
  });

  it("lets a class teacher issue family logins for own class only (AUTH-2)", () => {
    expect(defaultScope("users.issueFamily", "CLASS_TEACHER")).toBe("class");
    expect(defaultScope("users.issueFamily", "TEACHER")).toBeNull();
  });

  it("reads a row's cells one letter per column, in the columns' order (ACL-2)", () => {
    expect(row("a . . d . . o c s . . . l", "x.y", "Проба").defaults).toEqual({
      ADMIN: "all",
      HEAD_OF_DEPT: "dept",
      TEACHER: "own",
      CLASS_TEACHER: "class",
      STUDENT: "self",
      STAFF: "leader",
    });
    expect(() => row("a . .", "x.y", "Проба")).toThrow(/3 cells for 13 columns/);
    expect(() => row("a . . . . . . . . . . . x", "x.y", "Проба")).toThrow(/unknown cell «x»/);
  });

  it("holds the same number of cells of each scope per column as ACCESS_MATRIX.md (ACL-2)", () => {
    const tally = (column: MatrixColumn) => {
      const counts: Record<string, number> = {};
      for (const r of MATRIX) {
        const scope = defaultScope(r.key, column);
        if (scope) counts[scope] = (counts[scope] ?? 0) + 1;
      }
      return counts;
    };
    expect(Object.fromEntries(MATRIX_COLUMNS.map((c) => [c, tally(c)]))).toEqual({
      ADMIN: { all: 69 },
      DIRECTOR: { all: 28 },
      DEPUTY: { all: 54 },
      HEAD_OF_DEPT: { dept: 36 },
      SCHEDULER: { all: 18 },
      SECRETARY: { all: 25 },
      TEACHER: { all: 12, own: 16, leader: 1 },
      CLASS_TEACHER: { all: 12, class: 20 },
      STUDENT: { all: 5, self: 9 },
      PARENT: { all: 5, self: 9 },
      MEDIC: { all: 10 },
      PSYCHOLOGIST: { all: 9 },
      STAFF: { all: 6 },
    });
  });
});

describe("effective scopes", () => {
  it("applies CLASS_TEACHER only when the user leads a class", () => {
    expect(actorColumns(actor({ roles: ["TEACHER"] }))).toEqual(["TEACHER"]);
    expect(actorColumns(actor({ roles: ["TEACHER"], classTeacherOf: [3] }))).toEqual(["TEACHER", "CLASS_TEACHER"]);
  });

  it("prefers the organisation's override over the default, including a denial", () => {
    const denied = actor({ roles: ["DIRECTOR"], overrides: new Map([[overrideKey("DIRECTOR", "org.view"), null]]) });
    expect(effectiveScopes(denied, "org.view")).toEqual([]);
    const granted = actor({
      roles: ["TEACHER"],
      overrides: new Map([[overrideKey("TEACHER", "journal.viewAll"), "all" as const]]),
    });
    expect(effectiveScopes(granted, "journal.viewAll")).toEqual(["all"]);
  });
});

describe("every matrix cell without a target (ACL-1: deny by default)", () => {
  for (const row of MATRIX) {
    for (const column of MATRIX_COLUMNS) {
      const expected = defaultScope(row.key as Permission, column) !== null;
      it(`${row.key} × ${column} → ${expected ? "allowed" : "denied"}`, () => {
        expect(decide(actorFor(column), row.key as Permission, { kind: "none" }).allowed).toBe(expected);
      });
    }
  }
});

describe("scopes with a target (ACL-3)", () => {
  const teacher = actor({ userId: 7, roles: ["TEACHER"], loads: [{ classId: 5, subjectId: 2, subgroupId: null }] });

  it("lets a teacher edit marks only for the class and subject they teach", () => {
    expect(decide(teacher, "journal.editOwn", { kind: "class", classId: 5, subjectId: 2 }).allowed).toBe(true);
    expect(decide(teacher, "journal.editOwn", { kind: "class", classId: 5, subjectId: 3 }).allowed).toBe(false);
    expect(decide(teacher, "journal.editOwn", { kind: "class", classId: 6, subjectId: 2 }).allowed).toBe(false);
  });

  it("limits a subgroup load to that subgroup", () => {
    const sub = actor({ userId: 8, roles: ["TEACHER"], loads: [{ classId: 5, subjectId: 4, subgroupId: 11 }] });
    expect(decide(sub, "journal.editOwn", { kind: "class", classId: 5, subjectId: 4, subgroupId: 11 }).allowed).toBe(
      true,
    );
    expect(decide(sub, "journal.editOwn", { kind: "class", classId: 5, subjectId: 4, subgroupId: 12 }).allowed).toBe(
      false,
    );
  });

  it("lets a substitute fill exactly the substituted lesson (SCH-3)", () => {
    const lesson = {
      kind: "lesson" as const,
      lessonId: 1,
      classId: 9,
      subjectId: 2,
      subgroupId: null,
      teacherId: 3,
      substituteId: 7,
    };
    expect(decide(teacher, "journal.editOwn", lesson).allowed).toBe(true);
    expect(decide(teacher, "journal.editOwn", { ...lesson, lessonId: 2, substituteId: null }).allowed).toBe(false);
  });

  it("lets a parent see only own children (DRY-5)", () => {
    const parent = actor({ roles: ["PARENT"], childIds: [21, 22] });
    expect(decide(parent, "diary.view", { kind: "student", studentId: 21, classIds: [5] }).allowed).toBe(true);
    expect(decide(parent, "diary.view", { kind: "student", studentId: 23, classIds: [5] }).allowed).toBe(false);
  });

  it("lets a student see only self", () => {
    const student = actor({ roles: ["STUDENT"], studentId: 30 });
    expect(decide(student, "diary.view", { kind: "student", studentId: 30, classIds: [] }).allowed).toBe(true);
    expect(decide(student, "diary.view", { kind: "student", studentId: 31, classIds: [] }).allowed).toBe(false);
  });

  it("limits HEAD_OF_DEPT to the groups of their department", () => {
    const head = actor({ roles: ["HEAD_OF_DEPT"], departmentClassIds: [40] });
    expect(decide(head, "journal.viewAll", { kind: "class", classId: 40 }).allowed).toBe(true);
    expect(decide(head, "journal.viewAll", { kind: "class", classId: 41 }).allowed).toBe(false);
  });

  it("lets a class teacher set absence reasons only in own class (JRN-4)", () => {
    const ct = actor({ roles: ["TEACHER"], classTeacherOf: [5] });
    expect(decide(ct, "attendance.reason", { kind: "class", classId: 5 }).allowed).toBe(true);
    expect(decide(ct, "attendance.reason", { kind: "class", classId: 6 }).allowed).toBe(false);
    expect(decide(teacher, "attendance.reason", { kind: "class", classId: 5 }).allowed).toBe(false);
  });

  it("lets a teacher keep the journal of the clubs they lead and no other (PRG-2, scope «leader»)", () => {
    expect(defaultScope("clubs.journal", "TEACHER")).toBe("leader");
    const leader = actor({ userId: 7, roles: ["TEACHER"], loads: [{ classId: 5, subjectId: 2, subgroupId: null }] });
    expect(decide(leader, "clubs.journal", { kind: "club", clubId: 3, leaderId: 7 }).allowed).toBe(true);
    expect(decide(leader, "clubs.journal", { kind: "club", clubId: 4, leaderId: 8 }).allowed).toBe(false);
    // «leader» reaches no class, lesson or student: a club's leader is no teacher of its members' classes.
    expect(decide(leader, "clubs.journal", { kind: "class", classId: 5 }).allowed).toBe(false);
    expect(decide(leader, "clubs.journal", { kind: "student", studentId: 1, classIds: [5] }).allowed).toBe(false);
    // Other scopes never reach a club; «all» reaches every club.
    expect(decide(leader, "journal.editOwn", { kind: "club", clubId: 3, leaderId: 7 }).allowed).toBe(false);
    const deputy = actor({ userId: 9, roles: ["DEPUTY"] });
    expect(decide(deputy, "clubs.journal", { kind: "club", clubId: 4, leaderId: 8 }).allowed).toBe(true);
    expect(
      decide(actor({ roles: ["SCHEDULER"] }), "clubs.journal", { kind: "club", clubId: 3, leaderId: 7 }).allowed,
    ).toBe(false);
  });
});
