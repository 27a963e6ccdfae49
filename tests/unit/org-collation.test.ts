// The shared Russian collators (issue 22 item 7) sort exactly as localeCompare with the same
// locale and options did — only without building a collator per comparison.
import { describe, expect, it } from "vitest";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";

const names = ["Ёлкина Анна", "Елисеев Пётр", "Яковлев Иван", "абрамов олег", "Абрамова Ольга", "Жуков", "Ежов"];
const classes = ["10А", "1Б", "5В", "11А", "5А", "2А", "ИС-21", "ИС-3"];

describe("compareRu / compareRuNumeric", () => {
  it("order names like localeCompare(…, 'ru')", () => {
    expect([...names].sort(compareRu)).toEqual([...names].sort((a, b) => a.localeCompare(b, "ru")));
    expect([...names].sort(compareRu)[0]).toBe("абрамов олег");
  });

  it("order classes like localeCompare(…, 'ru', { numeric: true }): 2А before 10А", () => {
    const sorted = [...classes].sort(compareRuNumeric);
    expect(sorted).toEqual([...classes].sort((a, b) => a.localeCompare(b, "ru", { numeric: true })));
    expect(sorted.indexOf("2А")).toBeLessThan(sorted.indexOf("10А"));
    expect(sorted.indexOf("ИС-3")).toBeLessThan(sorted.indexOf("ИС-21"));
  });
});
