// Filters of «Статистика посещений» (AUTH-5): by role, by surname, «never signed in»; bad query
// parameters are not applied.
import { describe, expect, it } from "vitest";
import type { VisitRow } from "@/lib/people/logins/data";
import { filterVisits, visitFilterSchema } from "@/lib/people/logins/schema";

const row = (userId: number, fullName: string, roles: string[], lastVisit: Date | null): VisitRow => ({
  userId,
  fullName,
  login: `u${userId}`,
  roles,
  lastVisit,
  weeks: [0, 0, 0, 0],
  isActive: true,
});
const rows = [
  row(1, "Смирнова Ольга Николаевна", ["PARENT"], new Date("2026-11-20T10:00:00Z")),
  row(2, "Смирнов Артём Дмитриевич", ["STUDENT"], null),
  row(3, "Соколова Елена Викторовна", ["TEACHER"], null),
];
const ids = (f: Record<string, string>) => filterVisits(rows, visitFilterSchema.parse(f)).map((r) => r.userId);

describe("visit statistics filters (AUTH-5)", () => {
  it("keeps everyone without filters", () => expect(ids({})).toEqual([1, 2, 3]));
  it("filters by role", () => expect(ids({ role: "STUDENT" })).toEqual([2]));
  it("filters by the start of the surname, ignoring case", () => expect(ids({ q: "смирн" })).toEqual([1, 2]));
  it("keeps only those who never signed in", () => expect(ids({ never: "1" })).toEqual([2, 3]));
  it("combines filters", () => expect(ids({ q: "С", never: "1", role: "TEACHER" })).toEqual([3]));
  it("does not apply malformed parameters", () =>
    expect(ids({ role: "HACKER", never: "yes", q: "" })).toEqual([1, 2, 3]));
});
