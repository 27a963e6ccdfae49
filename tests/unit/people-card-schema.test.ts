// The person forms' shared fields (PPL-1) and the optional date (PPL-1, REC-4): one definition each.
import { describe, expect, it } from "vitest";
import { parentCardSchema, parentSchema, staffCardSchema } from "@/lib/people/schema";
import { parseRows } from "@/lib/org/decisions/schema";

const parent = {
  lastName: " Орлова ",
  firstName: "Анна",
  middleName: "",
  phone: "",
  email: "",
  preferredContact: "телефон",
  address: "",
  workplace: "",
  position: "",
};

describe("person forms (PPL-1)", () => {
  it("reads a parent's name and contacts alike on the new-parent form and the parent card", () => {
    const added = parentSchema.parse({ ...parent, kinship: "мать" });
    const card = parentCardSchema.parse({ ...parent, birthDate: "", sex: "" });
    for (const p of [added, card]) {
      expect(p).toMatchObject({ lastName: "Орлова", firstName: "Анна", middleName: null, preferredContact: "телефон" });
    }
    expect(added.kinship).toBe("мать");
    expect(card.birthDate).toBeNull();
  });

  it("names the field in a wrong optional date's message", () => {
    const r = staffCardSchema.safeParse({ lastName: "Ким", firstName: "Олег", hiredAt: "2025-13-40" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain("Принят: дата в формате ДД.ММ.ГГГГ");
  });

  it("says only «Дата в формате ДД.ММ.ГГГГ» for a decision's day of leaving (REC-4)", () => {
    const form = new FormData();
    form.set("decision_12", "LEFT");
    form.set("date_12", "31.02");
    expect(parseRows(form)).toEqual({ ok: false, message: "Дата в формате ДД.ММ.ГГГГ" });
  });
});
