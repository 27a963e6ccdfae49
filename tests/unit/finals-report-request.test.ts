import { describe, expect, it } from "vitest";
import { parseReportRequest } from "@/lib/reports/schema";

describe("the student period report request (RPT-8)", () => {
  it("takes studentId and periodId, and refuses a missing period or a class in Russian", () => {
    expect(parseReportRequest("student", new URLSearchParams("format=pdf&studentId=12&periodId=3"))).toEqual({
      ok: true,
      data: { report: "student", format: "pdf", studentId: 12, periodId: 3 },
    });
    expect(parseReportRequest("student", new URLSearchParams("format=pdf&studentId=12")).ok).toBe(false);
    expect(parseReportRequest("student", new URLSearchParams("format=doc&studentId=12&periodId=3"))).toMatchObject({
      ok: false,
      message: "Формат: pdf или xlsx",
    });
    expect(parseReportRequest("student", new URLSearchParams("format=pdf&studentId=12&periodId=3&classId=4")).ok).toBe(
      false,
    );
  });
});
