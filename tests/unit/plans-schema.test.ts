// zod schemas of the plan forms (PLAN-1, PLAN-2, NFR-4): Russian messages, nothing half-parsed.
import { describe, expect, it } from "vitest";
import { parseTopicsJson, reviewSchema, topicRowSchema } from "@/lib/plans/schema";

describe("plan schemas", () => {
  it("returning a plan needs a comment, approving does not (PLAN-2)", () => {
    const back = reviewSchema.safeParse({ planId: "5", decision: "return", comment: "  " });
    expect(back.success).toBe(false);
    expect(back.error?.issues[0]?.message).toBe("При возврате на доработку укажите комментарий");
    expect(reviewSchema.safeParse({ planId: "5", decision: "approve" }).success).toBe(true);
    expect(reviewSchema.safeParse({ planId: "abc", decision: "approve" }).success).toBe(false);
  });

  it("normalises empty optional fields to null and trims text", () => {
    expect(
      topicRowSchema.parse({
        title: "  Тема ",
        hours: "1.5",
        kesCodes: " ",
        lessonType: "",
        controlKind: null,
        homework: undefined,
      }),
    ).toEqual({
      title: "Тема",
      hours: 1.5,
      kesCodes: null,
      lessonType: null,
      controlKind: null,
      homework: null,
    });
  });

  it("names the row of a bad topic in the editor's list", () => {
    const json = JSON.stringify([
      { title: "Тема", hours: 1 },
      { title: "", hours: 1 },
    ]);
    expect(parseTopicsJson(json)).toEqual({ ok: false, message: "Строка 2: Тема: обязательна" });
    expect(parseTopicsJson("{oops")).toEqual({ ok: false, message: "Список тем повреждён" });
    expect(parseTopicsJson("[]")).toEqual({ ok: false, message: "В плане должна быть хотя бы одна тема" });
    expect(parseTopicsJson(JSON.stringify([{ title: "Тема", hours: -1 }]))).toEqual({
      ok: false,
      message: "Строка 1: Часы: должно быть больше нуля",
    });
  });
});
