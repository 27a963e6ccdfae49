import { describe, expect, it } from "vitest";
import { planMovement, type OpenMembership } from "@/lib/people/movement/rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const current: OpenMembership = { id: 7, classId: 1, startDate: d("2026-09-01"), educationForm: "FULL_TIME" };

describe("movement book plans (PPL-3)", () => {
  it("ends the old class the day before a mid-quarter transfer and starts the new class on its date", () => {
    const r = planMovement(current, d("2026-09-01"), {
      kind: "TRANSFER",
      date: d("2026-11-16"),
      toClassId: 2,
      educationForm: null,
    });
    expect(r).toEqual({
      ok: true,
      plan: {
        fromClassId: 1,
        close: { id: 7, endDate: d("2026-11-15"), remove: false },
        open: { classId: 2, startDate: d("2026-11-16"), educationForm: "FULL_TIME" },
      },
    });
  });

  it("drops a membership that would end before it starts (movement on its first day)", () => {
    const r = planMovement(current, null, {
      kind: "EXPULSION",
      date: d("2026-09-01"),
      toClassId: null,
      educationForm: null,
    });
    expect(r.ok && r.plan.close).toEqual({ id: 7, endDate: null, remove: true });
  });

  it("refuses a movement dated before the student's last entry", () => {
    const r = planMovement(current, d("2026-10-01"), {
      kind: "EXPULSION",
      date: d("2026-09-20"),
      toClassId: null,
      educationForm: null,
    });
    expect(r).toMatchObject({ ok: false, field: "date" });
  });

  it("refuses admission of a student who is already in a class, and expulsion of one who is not", () => {
    expect(
      planMovement(current, null, { kind: "ADMISSION", date: d("2026-10-01"), toClassId: 2, educationForm: null }),
    ).toMatchObject({ ok: false, field: "kind" });
    expect(
      planMovement(null, null, { kind: "EXPULSION", date: d("2026-10-01"), toClassId: null, educationForm: null }),
    ).toMatchObject({ ok: false, field: "kind" });
  });

  it("requires a target class for a transfer and a different one", () => {
    expect(
      planMovement(current, null, { kind: "TRANSFER", date: d("2026-10-01"), toClassId: null, educationForm: null }),
    ).toMatchObject({ ok: false, field: "toClassId" });
    expect(
      planMovement(current, null, { kind: "TRANSFER", date: d("2026-10-01"), toClassId: 1, educationForm: null }),
    ).toMatchObject({ ok: false, field: "toClassId" });
  });

  it("changes the form of education inside the same class (PPL-2)", () => {
    const r = planMovement(current, null, {
      kind: "FORM_CHANGE",
      date: d("2026-10-05"),
      toClassId: null,
      educationForm: "HOME",
    });
    expect(r.ok && r.plan.open).toEqual({ classId: 1, startDate: d("2026-10-05"), educationForm: "HOME" });
    expect(
      planMovement(current, null, {
        kind: "FORM_CHANGE",
        date: d("2026-10-05"),
        toClassId: null,
        educationForm: "FULL_TIME",
      }),
    ).toMatchObject({ ok: false, field: "educationForm" });
  });

  it("closes the class for academic leave and opens one on return", () => {
    const leave = planMovement(current, null, {
      kind: "ACADEMIC_LEAVE",
      date: d("2026-10-05"),
      toClassId: null,
      educationForm: null,
    });
    expect(leave.ok && leave.plan.open).toBeNull();
    const back = planMovement(null, d("2026-10-05"), {
      kind: "RETURN",
      date: d("2027-02-01"),
      toClassId: 1,
      educationForm: null,
    });
    expect(back.ok && back.plan.open).toEqual({ classId: 1, startDate: d("2027-02-01"), educationForm: "FULL_TIME" });
  });
});
