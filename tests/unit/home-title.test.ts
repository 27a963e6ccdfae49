// The home page a login lands on (AUTH-1, as tests/e2e/auth.spec.ts signs each role in): the first of the
// user's roles in the home order decides — the staff roles in the roles' own order (lib/access/roles.ts), then
// the family (parent, then student).
import { describe, expect, it } from "vitest";
import { homeTitle, primaryRole } from "@/components/home/home-title";
import { ROLES } from "@/lib/access/roles";

describe("primaryRole", () => {
  it("puts a staff role before the family: a teacher who is also a parent lands on the work desk", () => {
    expect(primaryRole(["PARENT", "TEACHER"])).toBe("TEACHER");
    expect(primaryRole(["STUDENT", "STAFF"])).toBe("STAFF");
    expect(primaryRole(["STUDENT", "PARENT"])).toBe("PARENT");
  });

  it("follows the roles' order among staff roles", () => {
    expect(primaryRole(["TEACHER", "DEPUTY"])).toBe("DEPUTY");
    expect(primaryRole(["STAFF", "MEDIC", "PSYCHOLOGIST"])).toBe("MEDIC");
    expect(primaryRole(["SECRETARY", "ADMIN"])).toBe("ADMIN");
  });

  it("knows every login role, and none for no role", () => {
    for (const role of ROLES) expect(primaryRole([role])).toBe(role);
    expect(primaryRole([])).toBeNull();
  });

  it("titles every role's home page", () => {
    for (const role of ROLES) expect(homeTitle(role, false)).not.toBe("");
    expect(homeTitle("TEACHER", true)).toBe("Рабочий стол преподавателя");
  });
});
