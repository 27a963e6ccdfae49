// The gate's one «which rows to list» answer (issue 19 item 2, ACL-3): each scope has one meaning
// — all → everything; dept / class → classes admitted whole; own → the teacher's own rows and the
// class × subject pairs of their load; closed years count for PAST_YEAR_READS (REC-3).
import { describe, expect, it } from "vitest";
import { classesToList, listScopeOf } from "@/lib/access/scope";
import type { ActorFacts } from "@/lib/access/rules";
import { actor as baseActor } from "../support/actor-facts";

const actor = (partial: Partial<ActorFacts> = {}) => baseActor({ userId: 7, ...partial });

const load = (classId: number, subjectId: number) => ({ classId, subjectId, subgroupId: null });

describe("listScope (ACL-3)", () => {
  it("all: every class, nothing to enumerate", () => {
    const s = listScopeOf(actor({ roles: ["DEPUTY"] }), ["journal.viewAll"]);
    expect(s.all).toBe(true);
    expect(classesToList(s)).toBeNull();
  });

  it("own: the teacher's rows and the pairs of their load, not whole classes", () => {
    const s = listScopeOf(actor({ roles: ["TEACHER"], loads: [load(5, 2), load(6, 3)] }), ["journal.viewOwn"]);
    expect(s).toMatchObject({ all: false, classIds: [], teacherId: 7 });
    expect(s.taught.map((t) => `${t.classId}:${t.subjectId}`)).toEqual(["5:2", "6:3"]);
    expect([...classesToList(s)!]).toEqual([5, 6]);
  });

  it("class and dept: classes admitted whole, united over several permissions", () => {
    const head = actor({ roles: ["HEAD_OF_DEPT", "TEACHER"], departmentClassIds: [40, 41], classTeacherOf: [5] });
    const s = listScopeOf(head, ["journal.viewAll", "journal.viewOwn"]);
    expect(s.all).toBe(false);
    expect([...s.classIds].sort()).toEqual([40, 41, 5].sort());
    expect(s.teacherId).toBe(7);
  });

  it("no scope: nothing", () => {
    const s = listScopeOf(actor({ roles: ["STUDENT"], studentId: 3 }), ["journal.viewAll"]);
    expect(s).toEqual({ all: false, classIds: [], teacherId: null, taught: [] });
    expect(classesToList(s)).toEqual(new Set());
  });

  it("closed years' relations count only for PAST_YEAR_READS (REC-3)", () => {
    const t = actor({ roles: ["TEACHER"], loads: [load(5, 2)], pastLoads: [load(90, 2)], pastClassTeacherOf: [91] });
    expect(listScopeOf(t, ["journal.viewOwn"]).taught.map((l) => l.classId)).toEqual([5, 90]);
    expect(listScopeOf(t, ["journal.viewOwn"]).classIds).toEqual([91]);
    expect(listScopeOf(t, ["journal.editOwn"]).taught.map((l) => l.classId)).toEqual([5]);
  });
});
