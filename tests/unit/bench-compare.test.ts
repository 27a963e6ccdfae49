// The side-by-side comparisons' shared pieces (bench/compare.ts, issue 22): the median of the
// alternating windows and the app servers' environment over the bench database.
import { describe, expect, it } from "vitest";
import { benchAppEnv, median } from "../../bench/compare";

describe("bench/compare", () => {
  it("takes the middle window, the lower middle of an even count, without reordering the input", () => {
    const windows = [9, 3, 5];
    expect(median(windows)).toBe(5);
    expect(windows).toEqual([9, 3, 5]);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([7])).toBe(7);
  });

  it("points the app at the bench database with the bench's own secret and no telemetry", () => {
    const env = benchAppEnv("postgresql://bench/db");
    expect(env.DATABASE_URL).toBe("postgresql://bench/db");
    expect(env.NEXTAUTH_SECRET).toMatch(/^bench-secret-not-for-production/);
    expect(env.NEXT_TELEMETRY_DISABLED).toBe("1");
    expect(env.PATH).toBe(process.env.PATH);
  });
});
