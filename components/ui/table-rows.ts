// Pure row logic of DataTable: the sort value of a cell, sorting (stable, Russian collation,
// numbers as numbers, empty values last) and filtering by tags and a search text.
import { isValidElement, type ReactNode } from "react";

export type SortValue = string | number | null | undefined;

/** A cell: any content, or content with its sort value, title and classes. */
export type CellSpec = { value: ReactNode; sort?: SortValue; title?: string; className?: string };
export type DataCell = ReactNode | CellSpec;

export type DataRow = {
  key: string | number;
  cells: Record<string, DataCell>;
  /** Quick filters this row passes («problems»). */
  tags?: readonly string[];
  /** The text the search box matches (default: the row's plain-text cells). */
  search?: string;
  className?: string;
  /** data-* attributes of the <tr>. */
  data?: Record<string, string | number | undefined>;
};

export type SortDir = "asc" | "desc";

export function isCellSpec(cell: DataCell): cell is CellSpec {
  return typeof cell === "object" && cell !== null && !isValidElement(cell) && !Array.isArray(cell) && "value" in cell;
}

export function cellContent(cell: DataCell): ReactNode {
  return isCellSpec(cell) ? cell.value : cell;
}

/** What a column sorts by: the explicit `sort`, else a plain string/number cell. */
export function sortValue(cell: DataCell): SortValue {
  if (isCellSpec(cell)) return cell.sort !== undefined ? cell.sort : plain(cell.value);
  return plain(cell);
}

function plain(node: ReactNode): SortValue {
  if (typeof node === "number") return node;
  if (typeof node === "string") return node === "" ? null : node;
  return null;
}

const collator = new Intl.Collator("ru", { numeric: true, sensitivity: "base" });

export function compareValues(a: SortValue, b: SortValue): number {
  const emptyA = a === null || a === undefined || (typeof a === "number" && Number.isNaN(a));
  const emptyB = b === null || b === undefined || (typeof b === "number" && Number.isNaN(b));
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/** Rows sorted by one column; equal rows keep their order; empty values last in both directions. */
export function sortRows(rows: readonly DataRow[], key: string | null, dir: SortDir): DataRow[] {
  if (!key) return [...rows];
  const indexed = rows.map((row, i) => ({ row, i, v: sortValue(row.cells[key]) }));
  indexed.sort((x, y) => {
    const emptyX = x.v === null || x.v === undefined;
    const emptyY = y.v === null || y.v === undefined;
    if (emptyX !== emptyY) return emptyX ? 1 : -1;
    const c = compareValues(x.v, y.v);
    return (dir === "asc" ? c : -c) || x.i - y.i;
  });
  return indexed.map((x) => x.row);
}

function rowText(row: DataRow): string {
  if (row.search !== undefined) return row.search;
  return Object.values(row.cells)
    .map((c) => sortValue(c))
    .filter((v) => v !== null && v !== undefined)
    .join(" ");
}

/** Rows that carry every active tag and contain the query (case-insensitive, ё = е). */
export function filterRows(rows: readonly DataRow[], tags: readonly string[], query: string): DataRow[] {
  const q = fold(query.trim());
  return rows.filter((row) => tags.every((t) => row.tags?.includes(t)) && (q === "" || fold(rowText(row)).includes(q)));
}

function fold(s: string): string {
  return s.toLowerCase().replaceAll("ё", "е");
}

/** The next sort state when a column header is clicked: ascending, then descending. */
export function nextSort(
  current: { key: string | null; dir: SortDir },
  key: string,
  firstDir: SortDir = "asc",
): { key: string; dir: SortDir } {
  if (current.key !== key) return { key, dir: firstDir };
  return { key, dir: current.dir === "asc" ? "desc" : "asc" };
}
