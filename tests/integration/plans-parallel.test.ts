// A plan for a whole parallel (PLAN-1) binds to each class of the grade the teacher teaches the
// subject in, topics in order per class (PLAN-3); the gate lets only its teacher (or «all»
// scopes) at it (ACL-3).
import { beforeAll, describe, expect, it } from "vitest";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { db } from "@/lib/db";
import { decidePlan } from "@/lib/plans/access";
import { listPlans, loadsWithoutPlan } from "@/lib/plans/data";
import { createPlan, reviewPlan, submitPlan } from "@/lib/plans/mutations";
import type { CurrentUser } from "@/lib/auth/session";

let f: AccessFixture;
let planId: number;
const as = (id: number) => ({ id, organisationId: f.organisationId }) as CurrentUser;

beforeAll(async () => {
  f = await createAccessFixture();
  const organisationId = f.organisationId;
  const year = await db.academicYear.findFirstOrThrow({ where: { organisationId } });
  await db.teacherLoad.create({
    data: {
      organisationId,
      yearId: year.id,
      teacherId: f.users.TEACHER,
      classId: f.classB,
      subjectId: f.subject,
      hoursPerWeek: 5,
    },
  });
  // Four lessons in each class; one of 5Б's is cancelled.
  for (const classId of [f.classA, f.classB]) {
    for (let d = 1; d <= 4; d++) {
      await db.lesson.create({
        data: {
          organisationId,
          classId,
          subjectId: f.subject,
          teacherId: f.users.TEACHER,
          date: new Date(`2026-09-0${d}`),
          bellNumber: 2,
          status: classId === f.classB && d === 2 ? "CANCELLED" : "SCHEDULED",
        },
      });
    }
  }
  planId = await createPlan(
    organisationId,
    f.users.TEACHER,
    {
      yearId: year.id,
      teacherId: f.users.TEACHER,
      subjectId: f.subject,
      classId: null,
      grade: 5,
      title: "КТП 5-е классы",
    },
    ["Первая", "Вторая", "Третья"].map((title) => ({
      title,
      hours: 1,
      kesCodes: null,
      lessonType: null,
      controlKind: null,
      homework: null,
    })),
  );
});

describe("a plan for a parallel (PLAN-1, PLAN-3)", () => {
  it("is open to its teacher and to «all» scopes only", async () => {
    const plan = { teacherId: f.users.TEACHER, classId: null, subjectId: f.subject };
    expect((await decidePlan(as(f.users.TEACHER), "edit", plan)).allowed).toBe(true);
    expect((await decidePlan(as(f.users.CLASS_TEACHER), "view", plan)).allowed).toBe(false);
    expect((await decidePlan(as(f.users.DEPUTY), "approve", plan)).allowed).toBe(true);
    expect((await decidePlan(as(f.users.TEACHER), "approve", plan)).allowed).toBe(false);
  });

  it("fills each class's lessons with the topics in order, skipping a cancelled lesson", async () => {
    expect((await submitPlan(f.organisationId, f.users.TEACHER, planId, new Date())).ok).toBe(true);
    expect((await reviewPlan(f.organisationId, f.users.DEPUTY, planId, "approve", "", new Date())).ok).toBe(true);
    const topics = async (classId: number) =>
      (
        await db.lesson.findMany({
          where: { organisationId: f.organisationId, classId, subjectId: f.subject, teacherId: f.users.TEACHER },
          orderBy: { date: "asc" },
          select: { topic: true },
        })
      ).map((l) => l.topic);
    expect(await topics(f.classA)).toEqual(["Первая", "Вторая", "Третья", null]);
    expect(await topics(f.classB)).toEqual(["Первая", null, "Вторая", "Третья"]);
  });
});

describe("listing plans by scope (ACL-3, ACL-5)", () => {
  it("«all» sees every plan of the organisation; a class teacher the class's; a teacher own ones only", async () => {
    const year = await db.academicYear.findFirstOrThrow({ where: { organisationId: f.organisationId } });
    const classPlan = await createPlan(f.organisationId, f.users.ADMIN, {
      yearId: year.id,
      teacherId: f.users.ADMIN,
      subjectId: f.subject,
      classId: f.classA,
      grade: 5,
      title: "чужой",
    });
    const ids = async (scope: Parameters<typeof listPlans>[2]) =>
      (await listPlans(f.organisationId, year.id, scope)).map((p) => p.id).sort();
    expect(await ids({ kind: "all" })).toEqual([planId, classPlan].sort());
    expect(await ids({ kind: "some", teacherId: null, classIds: [f.classA] })).toEqual([classPlan]);
    expect(await ids({ kind: "some", teacherId: f.users.TEACHER, classIds: [] })).toEqual([planId]);
    expect(await ids({ kind: "some", teacherId: null, classIds: [] })).toEqual([]);
    expect(await listPlans(f.otherOrganisationId, year.id, { kind: "all" })).toEqual([]);
  });
});

describe("loads without a plan (PLAN-2)", () => {
  it("counts a load covered by its class's plan or by its grade's parallel plan, not by another teacher's or grade's", async () => {
    const organisationId = f.organisationId;
    const year = await db.academicYear.findFirstOrThrow({ where: { organisationId } });
    const six = await db.classGroup.create({ data: { organisationId, yearId: year.id, name: "6А", grade: 6 } });
    const load = (teacherId: number, classId: number) =>
      db.teacherLoad.create({
        data: { organisationId, yearId: year.id, teacherId, classId, subjectId: f.subject, hoursPerWeek: 2 },
      });
    // The TEACHER in 6А (no plan of grade 6), the CLASS_TEACHER in 6А with a plan of 6А, and in 5Б
    // (the TEACHER's parallel plan of grade 5 is not theirs).
    await load(f.users.TEACHER, six.id);
    await load(f.users.CLASS_TEACHER, six.id);
    await load(f.users.CLASS_TEACHER, f.classB);
    await createPlan(
      organisationId,
      f.users.CLASS_TEACHER,
      {
        yearId: year.id,
        teacherId: f.users.CLASS_TEACHER,
        subjectId: f.subject,
        classId: six.id,
        grade: null,
        title: "КТП 6А",
      },
      [],
    );
    const names = await db.user.findMany({ where: { organisationId }, select: { id: true, lastName: true } });
    const name = (id: number) => `${names.find((u) => u.id === id)!.lastName} Тест`;
    const missing = (await loadsWithoutPlan(organisationId, year.id, null)).map(
      (m) => `${m.teacherName} · ${m.className}`,
    );
    expect(missing).toContain(`${name(f.users.TEACHER)} · 6А`);
    expect(missing).toContain(`${name(f.users.CLASS_TEACHER)} · 5Б`);
    expect(missing).not.toContain(`${name(f.users.CLASS_TEACHER)} · 6А`);
    expect(missing).not.toContain(`${name(f.users.TEACHER)} · 5А`);
    expect(missing).not.toContain(`${name(f.users.TEACHER)} · 5Б`);
  });
});
