// lib/schema.ts formInput (issue 19 item 3: one way to turn a form into input or a refusal): a bad
// form is refused as INVALID_INPUT with its first message on the form and every message under its
// field; a good one gives the parsed data, files dropped (SEC-3: only text is parsed).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FORM_KEY, formInput, idSchema, singleLine } from "@/lib/schema";

const schema = z
  .object({ clubId: idSchema, name: singleLine().min(1, "Укажите название") })
  .refine((v) => v.name !== "запрещено", "Такое название нельзя");

const formOf = (entries: Record<string, string | Blob>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.append(k, v);
  return form;
};

describe("formInput (issue 19)", () => {
  it("gives the parsed data of a good form", () => {
    expect(formInput(schema, formOf({ clubId: "7", name: "Шахматы" }))).toEqual({
      ok: true,
      data: { clubId: 7, name: "Шахматы" },
    });
  });

  it("refuses a bad form with the first message and each field's messages", () => {
    const r = formInput(schema, formOf({ clubId: "x", name: "" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("INVALID_INPUT");
    expect(r.fieldErrors?.name).toEqual(["Укажите название"]);
    expect(r.fieldErrors?.clubId).toHaveLength(1);
    expect(r.message).toBe(r.fieldErrors?.clubId[0]);
  });

  it("puts a whole-form message under the form-level key", () => {
    const r = formInput(schema, formOf({ clubId: "7", name: "запрещено" }));
    expect(r).toMatchObject({
      ok: false,
      message: "Такое название нельзя",
      fieldErrors: { [FORM_KEY]: ["Такое название нельзя"] },
    });
  });

  it("reads only text: a file sent in a text field counts as not given", () => {
    const optional = z.object({ note: singleLine().optional() });
    expect(formInput(optional, formOf({ note: new Blob(["текст"]) }))).toEqual({ ok: true, data: {} });
  });
});
