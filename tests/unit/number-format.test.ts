// DAY-12: every decimal shown to users (averages, shares, hours, weights, file sizes) is written the
// Russian way — a comma, never a dot — through the one formatter, lib/org/vocabulary.ts#formatNumber.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../support/source-files";
import { formatNumber } from "@/lib/org/vocabulary";
import { formatAverage } from "@/lib/journal/averages";
import { fmtHours } from "@/lib/plans/rules";

describe("Russian number formatting (DAY-12)", () => {
  it("writes a decimal comma, rounding only when asked", () => {
    expect(formatNumber(0.5)).toBe("0,5");
    expect(formatNumber(12)).toBe("12");
    expect(formatNumber(2.456, 2)).toBe("2,46");
    expect(formatNumber(4.5, 2)).toBe("4,50");
    expect(formatNumber(1.25, 1)).toBe("1,3");
    expect(formatNumber(-0.75)).toBe("-0,75");
  });

  it("the averages and the plan hours go through it", () => {
    expect(formatAverage(4.5)).toBe("4,50");
    expect(formatAverage(null)).toBe("");
    expect(fmtHours(1.5)).toBe("1,5");
    expect(fmtHours(34)).toBe("34");
  });

  it("no page or component formats a decimal on its own (toFixed / toLocaleString on numbers)", () => {
    const root = path.resolve(__dirname, "../..");
    const walk = (dir: string) => sourceFiles(dir);
    const own = [...walk(path.join(root, "app")), ...walk(path.join(root, "components"))].filter((f) => {
      const text = readFileSync(f, "utf8");
      // dates may use toLocaleString; numbers may not
      return text.split("\n").some((l) => /\.toFixed\(/.test(l) || (/\.toLocaleString\(/.test(l) && !/Date\(/.test(l)));
    });
    expect(own.map((f) => path.relative(root, f))).toEqual([]);
  });
});
