// SEC-2 sweep, generated from tests/support/sweep-table.ts: every server action says how it treats
// rows that already exist (STORED, one line per ACTIONS entry); every action that updates or
// deletes a row named by id is probed as a user whose scope is narrower than «all»:
//  - submitted values inside the scope, the stored row outside it → refused (FORBIDDEN or NOT_FOUND),
//    the database digest unchanged;
//  - the same call with a stored row inside the scope → admitted (the probe itself is well formed).
// «orgWide» claims are checked against the default matrix (a permission that gains a narrower
// scope must get probes).
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { MATRIX, type Permission } from "@/lib/access/matrix";
import type { MatrixColumn } from "@/lib/access/roles";
import { createAccessFixture, sweepIds, type AccessFixture } from "../support/access-fixture";
import { createStoredFixture, type StoredIds } from "../support/stored-fixture";
import { changedTables, dbDigest } from "../support/db-digest";
import { interruptOf, signInAs } from "../support/session-harness";
import { ACTIONS, STORED, type StoredProbe, type SweepIds } from "../support/sweep-table";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const ROOT = path.resolve(__dirname, "../..");

let f: AccessFixture;
let ids: SweepIds;
let s: StoredIds;

beforeAll(async () => {
  f = await createAccessFixture();
  s = await createStoredFixture(f);
  ids = await sweepIds(f);
});

/** The default scopes of a column for a permission (a CLASS_TEACHER login is also a TEACHER). */
function scopesOf(column: MatrixColumn, permission: Permission): string[] {
  const row = MATRIX.find((r) => r.key === permission);
  if (!row) throw new Error(`unknown permission ${permission}`);
  const columns: MatrixColumn[] = column === "CLASS_TEACHER" ? ["TEACHER", "CLASS_TEACHER"] : [column];
  return columns.flatMap((c) => {
    const scope = (row.defaults as Partial<Record<MatrixColumn, string>>)[c];
    return scope ? [scope] : [];
  });
}

const perms = (key: string): readonly Permission[] => {
  const rule = ACTIONS[key];
  return "perms" in rule ? rule.perms : [];
};

const probes = Object.entries(STORED).flatMap(([key, rule]) =>
  "probes" in rule ? rule.probes.map((p) => ({ key, probe: p })) : [],
);

type Answer = { ok: boolean; code?: string; message?: string };

async function run(key: string, probe: StoredProbe, row: "in" | "out"): Promise<Answer | "navigated"> {
  const [file, name] = key.split("#");
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
    string,
    (...a: unknown[]) => Promise<Answer>
  >;
  await signInAs(f.organisationId, f.users[probe.as]);
  try {
    return await mod[name](...probe.call(ids, s, row));
  } catch (e) {
    if (interruptOf(e)?.kind === "redirect") return "navigated";
    throw e;
  }
}

describe("every server action says how it treats stored rows (SEC-2)", () => {
  it("one STORED line per ACTIONS entry", () => {
    expect(Object.keys(ACTIONS).filter((k) => !(k in STORED))).toEqual([]);
    expect(Object.keys(STORED).filter((k) => !(k in ACTIONS))).toEqual([]);
  });

  it("«orgWide» only where every permission of the action has the «all» scope alone", () => {
    const wrong = Object.entries(STORED)
      .filter(([, rule]) => "orgWide" in rule)
      .filter(([key]) => {
        const list = perms(key);
        return (
          list.length === 0 ||
          list.some(
            (p) =>
              MATRIX.find((r) => r.key === p)!.key &&
              Object.values(MATRIX.find((r) => r.key === p)!.defaults).some((v) => v !== "all"),
          )
        );
      })
      .map(([key]) => key);
    expect(wrong).toEqual([]);
  });

  it("each probe acts as a column whose scope is narrower than «all»", () => {
    const wrong = probes
      .filter(({ key, probe }) => {
        const scopes = perms(key).flatMap((p) => scopesOf(probe.as, p));
        return scopes.length === 0 || scopes.includes("all");
      })
      .map(({ key, probe }) => `${key}: ${probe.name} as ${probe.as}`);
    expect(probes.length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});

describe("updates and deletes authorise the stored row as well as the submitted values (SEC-2)", () => {
  it(
    "an in-scope submission naming an out-of-scope stored row is refused, nothing written",
    { timeout: 120_000 },
    async () => {
      const wrong: string[] = [];
      const before = await dbDigest();
      for (const { key, probe } of probes) {
        const r = await run(key, probe, "out");
        if (r === "navigated" || r.ok || (r.code !== "FORBIDDEN" && r.code !== "NOT_FOUND"))
          wrong.push(`${key} — ${probe.name}: ${JSON.stringify(r).slice(0, 200)}`);
        else if (!/[а-яё]/i.test(r.message ?? "")) wrong.push(`${key} — ${probe.name}: no Russian message`);
      }
      expect(wrong).toEqual([]);
      expect(changedTables(before, await dbDigest())).toEqual([]);
    },
  );

  it(
    "the same submission naming an in-scope stored row is admitted (the probes are well formed)",
    { timeout: 120_000 },
    async () => {
      const wrong: string[] = [];
      for (const { key, probe } of probes) {
        const r = await run(key, probe, "in");
        if (r !== "navigated" && !r.ok && ["FORBIDDEN", "UNAUTHENTICATED", "NOT_FOUND"].includes(r.code ?? ""))
          wrong.push(`${key} — ${probe.name}: ${JSON.stringify(r).slice(0, 200)}`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it("a head of department cannot move another department's curriculum or teacher-load row into their own", async () => {
    const curriculum = await db.curriculumItem.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: s.curriculum.out } },
    });
    const load = await db.teacherLoad.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: s.load.out } },
    });
    expect(curriculum.classId).toBe(f.classB);
    expect(load.classId).toBe(f.classB);
    expect(load.teacherId).toBe(f.users.DIRECTOR);
  });
});
