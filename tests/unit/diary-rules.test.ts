import { describe, expect, it } from "vitest";
import { isNewSince, nextSeen, VISIT_GAP_MS } from "@/lib/diary/rules";

const at = (min: number) => new Date(Date.UTC(2026, 10, 20, 8, 0) + min * 60_000);

describe("new since the last visit (DRY-7)", () => {
  it("the first visit highlights nothing", () => {
    expect(nextSeen(null, at(0))).toEqual({ lastSeenAt: at(0), sinceAt: at(0) });
  });

  it("a view after the gap starts a new visit from the previous view", () => {
    const first = { lastSeenAt: at(0), sinceAt: at(0) };
    expect(nextSeen(first, at(VISIT_GAP_MS / 60_000))).toEqual({ lastSeenAt: at(30), sinceAt: at(0) });
    expect(nextSeen({ lastSeenAt: at(100), sinceAt: at(0) }, at(500))).toEqual({
      lastSeenAt: at(500),
      sinceAt: at(100),
    });
  });

  it("views within a visit keep its highlights", () => {
    expect(nextSeen({ lastSeenAt: at(100), sinceAt: at(0) }, at(110))).toEqual({ lastSeenAt: at(110), sinceAt: at(0) });
  });

  it("is new only when strictly after the moment, never without one", () => {
    expect(isNewSince(at(1), at(0))).toBe(true);
    expect(isNewSince(at(0), at(0))).toBe(false);
    expect(isNewSince(at(1), null)).toBe(false);
  });
});
