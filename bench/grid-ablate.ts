// One column of GRID_PAGE replaced by an empty json array (issue 22 items 2 and 4, round 20): what that
// column's subquery costs PostgreSQL, by ablation (bench/grid-plan.ts `--variant ablate:<column>`, as
// gridP16 did by hand). The column's parameters stay referenced (`$n::int IS NOT NULL`): a prepared
// statement whose parameter no longer appears has no type for it and is refused.

/** `text` with the subquery written `(…) AS <alias>` (quoted or not) replaced by `(SELECT '[]'::json …)`. */
export function ablateColumn(text: string, alias: string): string {
  const name = /^[a-z_]+$/.test(alias) ? alias : `"${alias}"`;
  const as = new RegExp(`\\)\\s*AS ${name.replace(/"/g, '\\"')}(?![\\w"])`).exec(text);
  if (!as) throw new Error(`no column ${alias} in the statement`);
  // The ")" before AS closes the column's subquery: walk back to its "(".
  let depth = 0;
  let open = as.index;
  for (; open >= 0; open--) {
    if (text[open] === ")") depth++;
    else if (text[open] === "(" && --depth === 0) break;
  }
  if (open < 0) throw new Error(`unbalanced subquery before ${alias}`);
  const sub = text.slice(open, as.index + 1);
  const kept = [...new Set(sub.match(/\$\d+/g) ?? [])].map((p) => `${p}::int IS NOT NULL`);
  const guard = kept.length ? ` WHERE ${kept.join(" AND ")}` : "";
  return `${text.slice(0, open)}(SELECT '[]'::json${guard})${text.slice(as.index + 1)}`;
}
