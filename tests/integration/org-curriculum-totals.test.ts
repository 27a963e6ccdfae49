// «Итоги учебного плана» against PostgreSQL (ORG-6): totals per class and period from the
// stored curriculum, and gaps against тарификация; a head of department sees own groups only.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadCurriculumOverview } from "@/lib/org/curriculum/loaders";
import { createAccessFixture, fixtureUser, type AccessFixture } from "../support/access-fixture";

let f: AccessFixture;
let physics: number;

const asUser = (column: keyof AccessFixture["users"]) => fixtureUser(f, column);

beforeAll(async () => {
  f = await createAccessFixture();
  const o = f.organisationId;
  physics = (await db.subject.create({ data: { organisationId: o, name: "Физика", shortName: "Физ" } })).id;
  // The fixture's load: TEACHER, 5А, математика, 5 h a week (no yearly figure).
  await db.teacherLoad.updateMany({ where: { organisationId: o, classId: f.classA }, data: { hoursPerYear: 170 } });
  await db.curriculumItem.createMany({
    data: [
      { organisationId: o, classId: f.classA, subjectId: f.subject, hours: 170 },
      { organisationId: o, classId: f.classA, subjectId: physics, hours: 68 },
      { organisationId: o, classId: f.classB, subjectId: f.subject, hours: 170 },
    ],
  });
});

describe("curriculum totals (ORG-6)", () => {
  it("totals hours per class and for the school, and flags subjects without a teacher", async () => {
    const o = await loadCurriculumOverview(asUser("DEPUTY"), ["all"], f.classA);
    if (!o) throw new Error("no year");
    expect(o.grid.rows.get(f.classA)?.total).toBe(238);
    expect(o.grid.rows.get(f.classB)?.total).toBe(170);
    expect(o.grid.total).toBe(408);
    expect(o.columns).toEqual([{ key: "year", label: "весь год" }]);
    expect(o.classGrid?.rows.get(physics)?.total).toBe(68);
    expect(o.comparison.map((r) => [r.classId, r.subjectId, r.status])).toEqual(
      [
        [f.classA, f.subject, "ok"],
        [f.classA, physics, "unassigned"],
        [f.classB, f.subject, "unassigned"],
      ].sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number)),
    );
  });

  it("limits a head of department to the groups of the department", async () => {
    const o = await loadCurriculumOverview(asUser("HEAD_OF_DEPT"), ["dept"], undefined);
    expect(o?.classes.map((c) => c.id)).toEqual([f.classA]);
    expect(o?.grid.total).toBe(238);
  });
});
