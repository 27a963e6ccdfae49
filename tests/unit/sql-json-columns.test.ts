// lib/sql.ts jsonColumns (issue 22 item 2, round 18): a column-wise json value — one array per column,
// as `json_build_array(array_to_json(array_agg(a)), …)` writes it — read back column by column.
import { describe, expect, it } from "vitest";
import { jsonColumns } from "@/lib/sql";

describe("jsonColumns", () => {
  it("gives each column's values in the rows' order, from the driver's parsed value or its text", () => {
    const text = '[[11,12,13],["GRADE","DEBT","GRADE"],[5,null,4]]';
    for (const value of [text, JSON.parse(text) as unknown]) {
      const [ids, kinds, values] = jsonColumns<[number, string, number | null]>(value, 3);
      expect(ids).toEqual([11, 12, 13]);
      expect(kinds).toEqual(["GRADE", "DEBT", "GRADE"]);
      expect(values).toEqual([5, null, 4]);
    }
  });

  it("reads a column of no rows (array_agg's null) and a missing value as empty columns, as many as asked", () => {
    expect(jsonColumns<[number, string]>("[null,null]", 2)).toEqual([[], []]);
    expect(jsonColumns<[number, string]>(null, 2)).toEqual([[], []]);
    expect(jsonColumns<[number, string, boolean]>(undefined, 3)).toEqual([[], [], []]);
  });
});
