// Each matrix row × each role through the real `authorize` against PostgreSQL (ACL-1…ACL-3, ACL-5).
import { beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/access/authorize";
import type { TargetRef } from "@/lib/access/data";
import { MATRIX, defaultScope, type Permission, type Scope } from "@/lib/access/matrix";
import { MATRIX_COLUMNS, type MatrixColumn } from "@/lib/access/roles";
import { saveMatrixOverrides } from "@/lib/access/mutations";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";

let f: AccessFixture;

beforeAll(async () => {
  f = await createAccessFixture();
});

/** A target inside and one outside the scope, per scope word of ACCESS_MATRIX.md. */
function targets(scope: Scope): { inside: TargetRef; outside: TargetRef | null } {
  switch (scope) {
    case "all":
      return { inside: { kind: "class", classId: f.classB }, outside: null };
    case "dept":
    case "class":
      return { inside: { kind: "class", classId: f.classA }, outside: { kind: "class", classId: f.classB } };
    case "own":
      return {
        inside: { kind: "class", classId: f.classA, subjectId: f.subject },
        outside: { kind: "class", classId: f.classB, subjectId: f.subject },
      };
    case "self":
      return {
        inside: { kind: "student", studentId: f.studentA },
        outside: { kind: "student", studentId: f.studentB },
      };
    case "leader":
      // PRG-2: the club one leads, not another leader's club.
      return { inside: { kind: "club", clubId: f.clubLed }, outside: { kind: "club", clubId: f.clubOther } };
  }
}

const actor = (column: MatrixColumn) => ({ organisationId: f.organisationId, id: f.users[column] });

describe("default matrix through authorize", () => {
  for (const row of MATRIX) {
    const permission = row.key as Permission;
    for (const column of MATRIX_COLUMNS) {
      const scope = defaultScope(permission, column);
      // The class teacher's login is a TEACHER: where TEACHER has its own cell, that one is tested.
      if (column === "CLASS_TEACHER" && defaultScope(permission, "TEACHER") !== null) continue;
      it(`${permission} × ${column}: ${scope ?? "denied"}`, async () => {
        if (scope === null) {
          expect((await authorize(actor(column), permission)).allowed).toBe(false);
          expect((await authorize(actor(column), permission, { kind: "class", classId: f.classA })).allowed).toBe(
            false,
          );
          return;
        }
        const { inside, outside } = targets(scope);
        expect((await authorize(actor(column), permission)).allowed).toBe(true);
        expect((await authorize(actor(column), permission, inside)).allowed).toBe(true);
        if (outside) expect((await authorize(actor(column), permission, outside)).allowed).toBe(false);
      });
    }
  }
});

describe("tenant isolation and overrides", () => {
  it("treats an id of another organisation as non-existent, even for ADMIN (ACL-5)", async () => {
    const foreign = { kind: "class" as const, classId: f.classA };
    expect(
      (await authorize({ organisationId: f.otherOrganisationId, id: f.users.ADMIN }, "journal.viewAll", foreign))
        .allowed,
    ).toBe(false);
    expect(
      (await authorize(actor("ADMIN"), "journal.viewAll", { kind: "class", classId: 2_000_000_000 })).allowed,
    ).toBe(false);
  });

  it("lets the lesson's teacher of record and no other teacher edit a lesson (ACL-3)", async () => {
    expect(
      (await authorize(actor("TEACHER"), "journal.editOwn", { kind: "lesson", lessonId: f.lessonA })).allowed,
    ).toBe(true);
    expect(
      (await authorize(actor("TEACHER"), "journal.editOwn", { kind: "lesson", lessonId: f.lessonB })).allowed,
    ).toBe(false);
  });

  it("applies an ADMIN's override for the organisation, and a reset restores the default (ACL-2)", async () => {
    const psych = actor("PSYCHOLOGIST");
    expect((await authorize(psych, "org.view")).allowed).toBe(false);
    expect(
      await saveMatrixOverrides(f.organisationId, f.users.ADMIN, [
        { column: "PSYCHOLOGIST", permission: "org.view", scope: "all" },
      ]),
    ).toBe(1);
    expect((await authorize(psych, "org.view")).allowed).toBe(true);
    await saveMatrixOverrides(f.organisationId, f.users.ADMIN, [
      { column: "PSYCHOLOGIST", permission: "org.view", scope: null },
    ]);
    expect((await authorize(psych, "org.view")).allowed).toBe(false);
  });

  it("refuses a deactivated user everything", async () => {
    const { db } = await import("@/lib/db");
    await db.user.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.users.STAFF } },
      data: { isActive: false },
    });
    expect((await authorize(actor("STAFF"), "board.view")).allowed).toBe(false);
  });
});
