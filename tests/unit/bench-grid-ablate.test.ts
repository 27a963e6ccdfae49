import { describe, expect, it } from "vitest";
import { ablateColumn } from "../../bench/grid-ablate";

const text = `SELECT p.x, y.*
  FROM (SELECT 1 AS x) p CROSS JOIN (SELECT
    (SELECT coalesce(json_agg(a.id), '[]'::json) FROM w JOIN "A" a ON a.o = $1 AND (a.k = $2 OR a.k IS NULL)) AS marks,
    (SELECT json_build_array(array_to_json(array_agg(g.n))) FROM (SELECT count(*) AS n FROM rest JOIN "M" m ON m.o = $3 GROUP BY m.s) g) AS "hiddenMarks",
    (SELECT 1 WHERE $4 > 0) AS "marksOf"
  ) y`;

describe("bench grid-ablate (issue 22 items 2 and 4: GRID_PAGE's columns by ablation)", () => {
  it("replaces a quoted column's whole subquery, its nested parentheses included, keeping its parameters", () => {
    const out = ablateColumn(text, "hiddenMarks");
    expect(out).toContain(`(SELECT '[]'::json WHERE $3::int IS NOT NULL) AS "hiddenMarks"`);
    expect(out).not.toContain(`"M" m`);
    // The other columns and the statement around them are untouched.
    expect(out.replace(/\(SELECT '\[\]'::json[^)]*\)/, "")).toBe(
      text.replace(/\(SELECT json_build_array[\s\S]*?GROUP BY m\.s\) g\)/, ""),
    );
  });

  it("finds an unquoted column by its whole name (marks, not marksOf) and keeps every distinct parameter once", () => {
    const out = ablateColumn(text, "marks");
    expect(out).toContain(`(SELECT '[]'::json WHERE $1::int IS NOT NULL AND $2::int IS NOT NULL) AS marks,`);
    expect(out).toContain(`(SELECT 1 WHERE $4 > 0) AS "marksOf"`);
    expect(out).toContain(`"M" m`);
  });

  it("finds a column that closes its enclosing subquery (followed by a parenthesis)", () => {
    const nested = `SELECT y.* FROM (SELECT (SELECT count(*) FROM "X" x WHERE x.o = $1) AS "hiddenAbsences") y`;
    expect(ablateColumn(nested, "hiddenAbsences")).toBe(
      `SELECT y.* FROM (SELECT (SELECT '[]'::json WHERE $1::int IS NOT NULL) AS "hiddenAbsences") y`,
    );
  });

  it("refuses a column the statement does not have", () => {
    expect(() => ablateColumn(text, "homework")).toThrow(/no column homework/);
  });
});
