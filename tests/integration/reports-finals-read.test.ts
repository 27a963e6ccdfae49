// SEC-5, round 7: the progress forms (RPT-2 and its per-specialty form) read a whole school's period
// finals grouped in SQL — one row per student and distinct (value, special) with its count — instead
// of ~15,000 mapped rows. The figures must not change: for every student the grouped read gives the
// same finals (as a multiset; progressFigures does not depend on their order) as the row-by-row read.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed/index";
import { db } from "@/lib/db";
import { periodFinals } from "@/lib/reports/data";
import type { FinalFact } from "@/lib/reports/rules";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const key = (f: FinalFact) => `${f.value ?? "-"}/${f.special ?? "-"}`;
const multiset = (list: FinalFact[]) => list.map(key).sort();

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  // Some special finals (н/а, зачёт, освобождён) beside the marks, two of them for one student.
  const finals = await db.finalMark.findMany({ where: { kind: "PERIOD" }, orderBy: { id: "asc" }, take: 3 });
  const specials = ["NOT_ATTESTED", "PASS", "EXEMPT"] as const;
  for (const [i, f] of finals.entries())
    await db.finalMark.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.id } },
      data: { value: null, special: specials[i] },
    });
}, 180_000);

describe("period finals read grouped (SEC-5)", () => {
  it("gives every student the same finals as the row-by-row read, for every period with finals", async () => {
    const periods = await db.finalMark.groupBy({
      by: ["organisationId", "periodId"],
      where: { kind: "PERIOD", periodId: { not: null } },
    });
    expect(periods.length).toBeGreaterThan(0);
    let students = 0;
    let specials = 0;
    for (const { organisationId, periodId } of periods) {
      const classIds = (await db.classGroup.findMany({ where: { organisationId }, select: { id: true } })).map(
        (c) => c.id,
      );
      const rows = await db.finalMark.findMany({
        where: { organisationId, classId: { in: classIds }, periodId: periodId!, kind: "PERIOD" },
        select: { studentId: true, value: true, special: true },
      });
      const expected = new Map<number, FinalFact[]>();
      for (const r of rows) expected.set(r.studentId, [...(expected.get(r.studentId) ?? []), r]);
      const grouped = await periodFinals(organisationId, classIds, periodId!);
      expect([...grouped.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [studentId, list] of expected) {
        expect(multiset(grouped.get(studentId)!)).toEqual(multiset(list));
        students++;
        specials += list.filter((f) => f.special !== null).length;
      }
    }
    expect(students).toBeGreaterThan(10);
    expect(specials).toBeGreaterThan(0);
  });
});
