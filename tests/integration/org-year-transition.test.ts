// The year transition on the demo school (ORG-3, PPL-4): every class moves up, the 11th grades
// graduate by order, exceptions repeat or go up conditionally, and the old year stays
// readable but refuses changes — all committed in one transaction.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { classListOn } from "@/lib/people/lists/data";
import { recordMovement } from "@/lib/people/movement/mutations";
import { saveEntity } from "@/lib/org/mutations";
import { commitTransition } from "@/lib/org/year/mutations";
import { planTransition } from "@/lib/org/year/transition";
import { DEMO_ORG_NAMES, seedDemo } from "../../prisma/seed/index";
import { lastAudit } from "../support/audit";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
let orgId: number;
let adminId: number;
let oldYearId: number;
let oldClasses: { id: number; name: string; grade: number }[];
let listBefore: number[];
let repeater: number;
let conditional: number;
let committed: Parameters<typeof commitTransition>[2] | null = null;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const org = await db.organisation.findFirstOrThrow({ where: { name: DEMO_ORG_NAMES.school } });
  orgId = org.id;
  adminId = (await db.user.findFirstOrThrow({ where: { organisationId: orgId, login: "admin" } })).id;
  const year = await db.academicYear.findFirstOrThrow({ where: { organisationId: orgId, isCurrent: true } });
  oldYearId = year.id;
  oldClasses = await db.classGroup.findMany({
    where: { organisationId: orgId, yearId: year.id },
    select: { id: true, name: true, grade: true },
  });
  const c5a = oldClasses.find((c) => c.name === "5А")!;
  listBefore = (await classListOn(orgId, c5a.id, d("2026-11-20"))).map((r) => r.studentId);
  [repeater, conditional] = listBefore;
}, 180_000);

describe("year transition on the demo school (ORG-3, PPL-4)", () => {
  it("previews without writing anything", async () => {
    const plan = await planTransition(orgId, {
      orderNumber: "150-у",
      orderDate: d("2027-05-28"),
      graduating: null,
      exceptions: new Map(),
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.preview.nextName).toBe("2027/2028");
    expect(plan.preview.classes.find((c) => c.name === "5А")?.nextName).toBe("6А");
    expect(
      plan.preview.classes
        .filter((c) => c.graduates)
        .map((c) => c.name)
        .sort(),
    ).toEqual(["11А", "11Б"]);
    // the demo's closed 2025/2026 and the current year; the preview adds none
    expect(await db.academicYear.count({ where: { organisationId: orgId } })).toBe(2);
  });

  it("refuses repeating a year in a class that will not exist next year", async () => {
    // No «1А» exists next year until a new first grade is created.
    const c1 = oldClasses.find((c) => c.name === "1А")!;
    const [student] = await classListOn(orgId, c1.id, d("2026-11-20"));
    const plan = await planTransition(orgId, {
      orderNumber: "150-у",
      orderDate: d("2027-05-28"),
      graduating: null,
      exceptions: new Map([[student.studentId, "REPEAT"]]),
    });
    expect(plan).toMatchObject({ ok: false });
  });

  it("moves every class up, graduates the 11th grades, applies the exceptions and closes the old year", async () => {
    const plan = await planTransition(orgId, {
      orderNumber: "150-у",
      orderDate: d("2027-05-28"),
      graduating: null,
      exceptions: new Map([
        [repeater, "REPEAT"],
        [conditional, "CONDITIONAL"],
      ]),
    });
    if (!plan.ok) throw new Error(plan.message);
    committed = plan.commit;
    const done = await commitTransition(orgId, adminId, plan.commit, new Date());
    expect(done.ok).toBe(true);

    const years = await db.academicYear.findMany({ where: { organisationId: orgId }, orderBy: { startDate: "asc" } });
    expect(years.map((y) => [y.name, y.status, y.isCurrent])).toEqual([
      ["2025/2026", "CLOSED", false],
      ["2026/2027", "CLOSED", false],
      ["2027/2028", "OPEN", true],
    ]);
    const next = years[2];
    expect(next.startDate).toEqual(d("2027-09-01"));
    // Audited on the closed year (AUTH-5): the next year, the order and how many students moved.
    expect(await lastAudit(orgId, "year.transition")).toMatchObject({
      userId: adminId,
      entity: "AcademicYear",
      entityId: String(oldYearId),
      details: {
        nextYearId: next.id,
        nextName: "2027/2028",
        students: plan.commit.students.length,
        orderNumber: plan.commit.orderNumber,
      },
    });
    expect(await db.period.count({ where: { organisationId: orgId, yearId: next.id } })).toBe(
      await db.period.count({ where: { organisationId: orgId, yearId: oldYearId } }),
    );

    const newClasses = await db.classGroup.findMany({
      where: { organisationId: orgId, yearId: next.id },
      select: { id: true, name: true, grade: true },
    });
    for (const c of oldClasses) {
      const moved = await db.classGroup.findUniqueOrThrow({
        where: { organisationId_id: { organisationId: orgId, id: c.id } },
        select: { nextClassId: true },
      });
      if (c.grade === 11) expect(moved.nextClassId).toBeNull();
      else expect(newClasses.find((n) => n.id === moved.nextClassId)).toMatchObject({ grade: c.grade + 1 });
    }
    expect(newClasses.map((c) => c.name)).toContain("6А");
    expect(newClasses.map((c) => c.name)).not.toContain("1А");

    const c11 = oldClasses.find((c) => c.name === "11А")!;
    const graduates = await db.movement.findMany({
      where: { organisationId: orgId, kind: "GRADUATION", fromClassId: c11.id },
    });
    expect(graduates.length).toBeGreaterThan(0);
    expect(graduates.every((m) => m.orderNumber === "150-у" && m.toClassId === null)).toBe(true);
    expect(
      await db.classMembership.count({
        where: { organisationId: orgId, studentId: { in: graduates.map((g) => g.studentId) }, endDate: null },
      }),
    ).toBe(0);

    const new5a = newClasses.find((c) => c.name === "5А")!;
    const new6a = newClasses.find((c) => c.name === "6А")!;
    const firstDay = d("2027-09-01");
    const in6a = (await classListOn(orgId, new6a.id, firstDay)).map((r) => r.studentId);
    expect((await classListOn(orgId, new5a.id, firstDay)).map((r) => r.studentId)).toContain(repeater);
    expect(in6a).toContain(conditional);
    expect(in6a).not.toContain(repeater);
    expect(in6a.length).toBe(listBefore.length - 1);
    const decisions = await db.yearDecision.findMany({
      where: { organisationId: orgId, yearId: oldYearId, studentId: { in: [repeater, conditional] } },
    });
    expect(decisions.map((x) => x.decision).sort()).toEqual(["CONDITIONAL", "REPEAT"]);
  });

  it("leaves the old year readable: its class lists on past dates are unchanged", async () => {
    const c5a = oldClasses.find((c) => c.name === "5А")!;
    expect((await classListOn(orgId, c5a.id, d("2026-11-20"))).map((r) => r.studentId)).toEqual(listBefore);
  });

  it("refuses changes to the closed year: periods and admissions into its classes", async () => {
    const period = await db.period.findFirstOrThrow({ where: { organisationId: orgId, yearId: oldYearId } });
    const refused = await saveEntity(
      orgId,
      adminId,
      "period",
      period.id,
      {
        kind: period.kind,
        number: period.number,
        name: "изменено",
        startDate: period.startDate,
        endDate: period.endDate,
      },
      null,
    );
    expect(refused).toMatchObject({ ok: false, message: "Учебный год закрыт: изменения невозможны" });
    const student = await db.student.create({
      data: { organisationId: orgId, lastName: "Поздний", firstName: "Ученик", birthDate: d("2015-05-05") },
    });
    const c5a = oldClasses.find((c) => c.name === "5А")!;
    const admitted = await recordMovement(
      orgId,
      adminId,
      {
        studentId: student.id,
        kind: "ADMISSION",
        date: d("2027-09-02"),
        orderNumber: "1",
        orderDate: d("2027-09-01"),
        toClassId: c5a.id,
        educationForm: null,
        note: null,
      },
      null,
    );
    expect(admitted).toMatchObject({ ok: false, field: "toClassId" });
  });

  it("cannot commit the same transition twice (a stale preview is refused)", async () => {
    const again = await commitTransition(orgId, adminId, committed!, new Date());
    expect(again).toEqual({ ok: false, message: "Текущий год уже закрыт или изменился: обновите страницу" });
    expect(await db.academicYear.count({ where: { organisationId: orgId } })).toBe(3);
  });
});
