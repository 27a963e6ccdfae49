// «Ученики и родители» against PostgreSQL (PPL-1, ACL-3): figures per class and a surname
// search, both limited to the reader's classes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadPeopleOverview } from "@/lib/people/lists/loaders";
import { createAccessFixture, fixtureUser, type AccessFixture } from "../support/access-fixture";

let f: AccessFixture;

const asUser = (column: keyof AccessFixture["users"]) => fixtureUser(f, column);

beforeAll(async () => {
  f = await createAccessFixture();
  const s = await db.student.create({
    data: {
      organisationId: f.organisationId,
      lastName: "Свиридов",
      firstName: "Пётр",
      birthDate: new Date("2015-05-05"),
    },
  });
  await db.classMembership.create({
    data: {
      organisationId: f.organisationId,
      studentId: s.id,
      classId: f.classA,
      startDate: new Date("2026-09-01"),
      educationForm: "HOME",
    },
  });
});

describe("people overview (PPL-1)", () => {
  it("counts pupils, those not in full-time education and those without a login, with the class teacher", async () => {
    const { classes } = await loadPeopleOverview(asUser("ADMIN"), ["all"], null);
    const a = classes.find((c) => c.id === f.classA);
    expect(a).toMatchObject({ students: 2, notFullTime: 1, withoutLogin: 1, teachers: ["CLASS_TEACHER Тест"] });
    expect(classes.find((c) => c.id === f.classB)).toMatchObject({ students: 1, withoutLogin: 1, teachers: [] });
  });

  it("finds pupils by the start of the surname, case-insensitively, only in the reader's classes", async () => {
    expect((await loadPeopleOverview(asUser("ADMIN"), ["all"], "св"))?.found?.map((s) => s.fullName)).toEqual([
      "Свиридов Пётр",
      "Свой Ученик",
    ]);
    expect((await loadPeopleOverview(asUser("CLASS_TEACHER"), ["class"], "Чуж"))?.found).toEqual([]);
    expect((await loadPeopleOverview(asUser("ADMIN"), ["all"], "Чуж"))?.found?.map((s) => s.className)).toEqual(["5Б"]);
  });
});
