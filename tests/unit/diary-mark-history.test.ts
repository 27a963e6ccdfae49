// DAY-10: a changed mark's history for the family — only changed or removed marks, was → is, the role.
import { describe, expect, it } from "vitest";
import { changerRole, markHistories, type MarkChangeRow } from "@/lib/diary/rules";

const at = (min: number) => new Date(Date.UTC(2026, 10, 20, 8, min));
const mark = (value: number) => ({ kind: "GRADE", value, isHospital: false, comment: null, version: 1 });
const row = (over: Partial<MarkChangeRow>): MarkChangeRow => ({
  lessonId: 1,
  entityKey: "mark:1:7",
  at: at(0),
  oldValue: null,
  newValue: mark(4),
  reason: null,
  role: "учитель",
  ...over,
});

describe("markHistories (DAY-10)", () => {
  it("a mark given once and never touched has no history", () => {
    expect(markHistories([row({})]).size).toBe(0);
  });

  it("a changed mark shows every step oldest first, with role and reason", () => {
    const h = markHistories([
      row({ at: at(5), oldValue: mark(4), newValue: mark(5), reason: "пересдача", role: "заместитель директора" }),
      row({ at: at(0) }),
    ]);
    expect(h.get(1)).toEqual([
      { at: at(0), was: null, is: "4", role: "учитель", reason: null },
      { at: at(5), was: "4", is: "5", role: "заместитель директора", reason: "пересдача" },
    ]);
  });

  it("a removed mark shows its removal, even as the only row", () => {
    expect(markHistories([row({ oldValue: mark(2), newValue: null })]).get(1)).toEqual([
      { at: at(0), was: "2", is: null, role: "учитель", reason: null },
    ]);
  });

  it("keeps marks apart and leaves out a comment-only change (same mark)", () => {
    const h = markHistories([
      row({}),
      row({ at: at(1), oldValue: mark(4), newValue: { ...mark(4), comment: "молодец" } }),
      row({ entityKey: "mark:2:7", lessonId: 2 }),
    ]);
    expect(h.get(1)).toEqual([{ at: at(0), was: null, is: "4", role: "учитель", reason: null }]);
    expect(h.has(2)).toBe(false);
  });
});

describe("changerRole (DAY-10): a role, never a name", () => {
  it("the lesson's teacher is «учитель» / «преподаватель»", () => {
    expect(changerRole(true, ["TEACHER", "DEPUTY"], "учитель")).toBe("учитель");
    expect(changerRole(true, [], "преподаватель")).toBe("преподаватель");
  });

  it("anyone else by their senior role", () => {
    expect(changerRole(false, ["TEACHER", "DEPUTY"], "учитель")).toBe("заместитель директора");
    expect(changerRole(false, ["ADMIN"], "учитель")).toBe("администратор");
    expect(changerRole(false, ["TEACHER"], "преподаватель")).toBe("преподаватель");
    expect(changerRole(false, [], "учитель")).toBe("сотрудник");
  });
});
