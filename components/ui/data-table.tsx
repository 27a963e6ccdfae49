"use client";
// DataTable: the app's list tables (ARCHITECTURE «UI», DAY-9). Columns and rows are data, so a
// server component passes them straight in (cells may be any server-rendered content); sorting,
// quick filters and the search box work in the browser without a round trip. Sticky header (the
// frame scrolls), a row header per row for screen readers, aria-sort on the sorted column, a
// totals row, an empty state, and a filter slot for the page's own GET filters.
import { useMemo, useState, type ReactNode } from "react";
import { cx } from "./cx";
import { Input } from "./field";
import { ALIGN, Table, Th, TotalTd, type Align } from "./table";
import {
  cellContent,
  filterRows,
  isCellSpec,
  nextSort,
  sortRows,
  type DataCell,
  type DataRow,
  type SortDir,
} from "./table-rows";

export type { DataCell, DataRow };

export type DataColumn = {
  key: string;
  header: ReactNode;
  /** Full name on hover (abbreviated headers). */
  title?: string;
  align?: Align;
  sortable?: boolean;
  /** First click sorts descending (counts, dates: the largest first). */
  descFirst?: boolean;
  /** This column's cells are the rows' headers (<th scope=row>): the student, the class. */
  rowHeader?: boolean;
  className?: string;
};

export type QuickFilter = { tag: string; label: string };

export function DataTable({
  columns,
  rows,
  label,
  caption,
  empty = "Нет данных",
  emptyFiltered = "Нет строк по выбранному фильтру",
  totals,
  filter,
  quickFilters,
  search,
  initialSort,
  dense = false,
  maxHeight,
  className,
}: {
  columns: readonly DataColumn[];
  rows: readonly DataRow[];
  /** Accessible name of the table (when there is no caption). */
  label: string;
  caption?: ReactNode;
  empty?: ReactNode;
  emptyFiltered?: ReactNode;
  /** One or more totals rows (tfoot): cells by column key. */
  totals?: Record<string, ReactNode> | readonly Record<string, ReactNode>[];
  /** The filter slot: the page's own controls (a GET PickerForm, links) above the table. */
  filter?: ReactNode;
  /** Checkboxes that keep only the rows tagged so («только проблемы»). */
  quickFilters?: readonly QuickFilter[];
  /** A search box over the rows' text. */
  search?: { label: string; placeholder?: string };
  initialSort?: { key: string; dir: SortDir };
  dense?: boolean;
  maxHeight?: string;
  className?: string;
}) {
  const [sort, setSort] = useState<{ key: string | null; dir: SortDir }>(initialSort ?? { key: null, dir: "asc" });
  const [tags, setTags] = useState<string[]>([]);
  const [query, setQuery] = useState("");
  const shown = useMemo(
    () => sortRows(filterRows(rows, tags, query), sort.key, sort.dir),
    [rows, tags, query, sort.key, sort.dir],
  );
  const totalRows = totals ? (Array.isArray(totals) ? totals : [totals]) : [];
  const toolbar = filter || (quickFilters && quickFilters.length > 0) || search;
  return (
    <div className={cx("space-y-2", className)}>
      {toolbar && (
        <div className="flex flex-wrap items-end gap-x-4 gap-y-2 text-sm">
          {filter}
          {search && (
            <Input
              type="search"
              aria-label={search.label}
              placeholder={search.placeholder ?? search.label}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className="w-56"
            />
          )}
          {quickFilters?.map((f) => (
            <label key={f.tag} className="inline-flex items-center gap-1.5">
              <input
                type="checkbox"
                className="h-4 w-4 accent-blue-700"
                checked={tags.includes(f.tag)}
                onChange={(e) => setTags((t) => (e.target.checked ? [...t, f.tag] : t.filter((x) => x !== f.tag)))}
              />
              {f.label}
            </label>
          ))}
          {(tags.length > 0 || query) && (
            <span role="status" className="text-xs text-slate-500">
              Показано {shown.length} из {rows.length}
            </span>
          )}
        </div>
      )}
      <Table
        label={label}
        caption={caption}
        dense={dense}
        maxHeight={maxHeight}
        tableClassName={cx(BODY_CELLS, !dense && "[&>tbody>tr>*]:py-1")}
      >
        <thead>
          <tr>
            {columns.map((c) => {
              const sorted = sort.key === c.key;
              return (
                <Th
                  key={c.key}
                  align={c.align}
                  title={c.title}
                  aria-sort={sorted ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={c.className}
                >
                  {c.sortable ? (
                    <button
                      type="button"
                      onClick={() => setSort((s) => nextSort(s, c.key, c.descFirst ? "desc" : "asc"))}
                      className="inline-flex items-center gap-0.5 rounded hover:text-slate-900"
                    >
                      {c.header}
                      <span aria-hidden className={sorted ? "text-blue-700" : "text-slate-300"}>
                        {sorted && sort.dir === "desc" ? "▼" : "▲"}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </Th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {/* The body cells' common classes are declared once on the table (BODY_CELLS): a list of
              hundreds of rows carried them per cell in the HTML and again in the RSC payload (issue 22). */}
          {shown.map((row) => (
            <tr key={row.key} className={row.className} {...dataAttrs(row.data)}>
              {columns.map((c) => {
                const cell = row.cells[c.key];
                const spec = isCellSpec(cell) ? cell : null;
                const className =
                  cx(!c.rowHeader && c.align && ALIGN[c.align], c.className, spec?.className) || undefined;
                return c.rowHeader ? (
                  <th key={c.key} scope="row" title={spec?.title} className={className}>
                    {cellContent(cell)}
                  </th>
                ) : (
                  <td key={c.key} title={spec?.title} className={className}>
                    {cellContent(cell)}
                  </td>
                );
              })}
            </tr>
          ))}
          {shown.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="py-3! text-center text-sm text-slate-500">
                {rows.length === 0 ? empty : emptyFiltered}
              </td>
            </tr>
          )}
        </tbody>
        {totalRows.length > 0 && shown.length > 0 && (
          <tfoot>
            {totalRows.map((t, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <TotalTd key={c.key} align={c.align}>
                    {t[c.key]}
                  </TotalTd>
                ))}
              </tr>
            ))}
          </tfoot>
        )}
      </Table>
    </div>
  );
}

/** Td's, RowTh's and Tr's classes for every body cell and row, once on the table. */
const BODY_CELLS =
  "[&>tbody>tr>*]:border-b [&>tbody>tr>*]:border-slate-100 [&>tbody>tr>*]:px-2 [&>tbody>tr>*]:align-top " +
  "[&>tbody>tr>th]:text-left [&>tbody>tr>th]:font-normal [&>tbody>tr:hover]:bg-slate-50";

function dataAttrs(data: DataRow["data"]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (data) for (const [k, v] of Object.entries(data)) if (v !== undefined) out[`data-${k}`] = v;
  return out;
}
