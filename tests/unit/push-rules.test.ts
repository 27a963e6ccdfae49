// API-4: who may opt into which notifications, and what a push says.
import { describe, expect, it } from "vitest";
import { kindsFor, markPayload, messagePayload } from "@/lib/push/rules";

describe("push kinds by role (API-4)", () => {
  it("offers families marks, homework, finals, messages and hand-ins (LRN-1); parents also the answers to their absence notices (DUT-4)", () => {
    expect(kindsFor(["PARENT"])).toEqual(["mark", "homework", "final", "message", "handin", "absence"]);
    expect(kindsFor(["STUDENT"])).toEqual(["mark", "homework", "final", "message", "handin"]);
  });

  it("offers staff remarks, messages, the deadline's reminder (DUT-1) and absence notices (DUT-4) — teachers also hand-ins (LRN-1) — never a family's marks", () => {
    expect(kindsFor(["TEACHER"])).toEqual(["message", "remark", "handin", "deadline", "absence"]);
    expect(kindsFor(["DEPUTY"])).not.toContain("mark");
    expect(kindsFor(["DEPUTY"])).not.toContain("handin");
  });

  it("offers both to a teacher who is also a parent", () => {
    expect(kindsFor(["TEACHER", "PARENT"])).toEqual([
      "mark",
      "homework",
      "final",
      "message",
      "remark",
      "handin",
      "deadline",
      "absence",
    ]);
  });

  it("keeps the texts short and links inside the app", () => {
    expect(markPayload("Алгебра", "5", 7)).toEqual({
      kind: "mark",
      title: "Новая отметка",
      body: "Алгебра: 5",
      url: "/diary/7",
    });
    expect(messagePayload("Соколова Елена Викторовна", 12).url).toBe("/mail/12");
  });
});
