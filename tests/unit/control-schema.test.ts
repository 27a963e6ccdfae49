// Bad input to the control pages and actions gets a clear Russian message (NFR-4, CTL-1, CTL-2).
import { describe, expect, it } from "vitest";
import { fillQuery, remarkCreate, remarkMove, remarksQuery } from "@/lib/control/schema";
import { issuesText } from "@/lib/schema";

describe("control inputs", () => {
  it("refuses a reversed or malformed period of the fill report", () => {
    const reversed = fillQuery.safeParse({ from: "2026-11-20", to: "2026-11-01" });
    expect(reversed.success).toBe(false);
    if (!reversed.success) expect(issuesText(reversed.error)).toBe("Начало периода позже его конца");
    const bad = fillQuery.safeParse({ from: "20.11.2026", to: "2026-11-30", classId: "abc" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(issuesText(bad.error)).toContain("Дата должна быть в виде ГГГГ-ММ-ДД");
    expect(fillQuery.parse({ from: "2026-11-01", to: "2026-11-30", classId: "" }).classId).toBeUndefined();
  });

  it("refuses an empty remark, an unknown move and an unknown status", () => {
    const empty = remarkCreate.safeParse({ teacherId: "5", text: "  " });
    expect(empty.success).toBe(false);
    if (!empty.success) expect(issuesText(empty.error)).toContain("Напишите замечание");
    expect(remarkMove.safeParse({ remarkId: "1", move: "delete" }).success).toBe(false);
    expect(remarksQuery.safeParse({ date: "2026-11-23", status: "LOST" }).success).toBe(false);
    expect(remarksQuery.parse({ date: "2026-11-23", status: "" })).toMatchObject({ kind: "week", status: undefined });
  });
});
