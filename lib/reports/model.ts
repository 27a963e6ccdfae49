// The neutral report model (ARCHITECTURE "Reports"): every report is built as this model by pure
// functions and rendered to PDF and XLSX by the same two renderers, so both files hold the same
// cells. The header is a tree; `headerGrid` lays it out as merged cells for both renderers.
import { formatDate, todayIn } from "@/lib/org/time";

export type CellValue = string | number | null;

export type HeaderNode = { label: string; children?: HeaderNode[] };

/** text — left-aligned words; mark — short centred text (marks, codes); the rest are figures. */
export type ColumnKind = "text" | "mark" | "number" | "decimal" | "percent";

/**
 * A column of a table. Widths are not set by the builders: the renderers decide them from the
 * content and the fonts (PRN-1, PRN-4). `key` columns (№ and the name) are repeated in every
 * column group when a table is wider than the page; by default the leading columns up to the
 * first text column are the keys.
 */
export type ReportColumn = { kind: ColumnKind; key?: boolean };

/** One line of a form's signature block (PRN-2): «Классный руководитель ____ Соколова Е. В.». */
export type Signatory = { role: string; name: string };

export type ReportModel = {
  /** Russian title, e.g. «Итоги успеваемости». */
  title: string;
  organisationName: string;
  /** Scope and period as label/value pairs: «Класс: 7А», «Период: 1 четверть». */
  parameters: { label: string; value: string }[];
  orientation: "portrait" | "landscape";
  header: HeaderNode[];
  /** One per leaf of the header tree, left to right. */
  columns: ReportColumn[];
  rows: CellValue[][];
  totals: CellValue[][];
  notes: string[];
  /** The instant of printing; the renderers print its date in the organisation's zone (printedDate). */
  printedAt: Date;
  /** Rows (indices into `rows`) that are subtotals: printed bold (RPT-2 by level, by specialty). */
  subtotalRows?: number[];
  /** The form's own signature block (PRN-2); absent = one line for the person who prints it. */
  signatures?: Signatory[];
  /** «М.П.» where the seal goes (forms the director signs). */
  seal?: boolean;
  /** A short name for the file: «Итоги успеваемости 7А 2 четверть 2026-27» (PRN-10). */
  fileName?: string;
  /** The bound journal (PRN-9): a title page, the contents with page numbers and a closing sheet. */
  bound?: BoundJournal;
  /**
   * Further tables after the main one (the printed journal, RPT-12): each starts on a new page in
   * the PDF and gets its own worksheet in the XLSX; the main table is then the contents.
   */
  sections?: ReportSection[];
};

/**
 * «Дата печати» (PRN): the calendar day of `printedAt` in the organisation's time zone — a report
 * printed at 00:30 in Samara says today, not UTC's yesterday. Both renderers print it.
 */
export function printedDate(printedAt: Date, timeZone: string): string {
  return formatDate(todayIn(timeZone, printedAt));
}

export type BoundJournal = {
  /** The title page's name of the document: «Классный журнал» / «Журнал учебных занятий» (PRN-3, DAY-6). */
  heading: string;
  /** Lines of the title page under the heading, e.g. «7А класс», «2026/2027 учебный год». */
  titleLines: string[];
  /** The director's line of the closing sheet «В журнале пронумеровано и прошито …». */
  director: Signatory;
};

export type ReportSection = {
  /** Heading above the table, e.g. «Алгебра — отметки и посещаемость (стр. журнала 3)». */
  title: string;
  /** Starts on a new page (the journal's pages); false = follows the previous table. */
  newPage?: boolean;
  /** Listed in the bound journal's contents with its page number. */
  inContents?: boolean;
  /** Notes printed under the table. */
  notes?: string[];
  /** Worksheet name (≤ 31 characters, unique within the file). */
  sheetName: string;
  header: HeaderNode[];
  columns: ReportColumn[];
  rows: CellValue[][];
};

export type GridCell = { label: string; row: number; col: number; rowSpan: number; colSpan: number };

function leafCount(node: HeaderNode): number {
  return node.children?.length ? node.children.reduce((n, c) => n + leafCount(c), 0) : 1;
}

function depthOf(nodes: HeaderNode[]): number {
  return nodes.reduce((d, n) => Math.max(d, 1 + (n.children?.length ? depthOf(n.children) : 0)), 0);
}

/** Lays out the header tree as a grid of merged cells; a leaf above the bottom spans down. */
export function headerGrid(header: HeaderNode[]): { depth: number; width: number; cells: GridCell[] } {
  const depth = depthOf(header);
  const cells: GridCell[] = [];
  const place = (nodes: HeaderNode[], row: number, col: number): number => {
    let c = col;
    for (const node of nodes) {
      const span = leafCount(node);
      const isLeaf = !node.children?.length;
      cells.push({ label: node.label, row, col: c, rowSpan: isLeaf ? depth - row : 1, colSpan: span });
      if (!isLeaf) place(node.children!, row + 1, c);
      c += span;
    }
    return c;
  };
  const width = place(header, 0, 0);
  return { depth, width, cells };
}

/** Checks a model's shape: every row and total as wide as the header's leaves. */
export function assertModel(model: ReportModel): void {
  const { width } = headerGrid(model.header);
  if (model.columns.length !== width) throw new Error(`columns ${model.columns.length} ≠ header leaves ${width}`);
  for (const row of [...model.rows, ...model.totals]) {
    if (row.length !== width) throw new Error(`row of ${row.length} cells, header has ${width}`);
  }
  for (const section of model.sections ?? []) {
    const w = headerGrid(section.header).width;
    if (section.columns.length !== w)
      throw new Error(`section «${section.title}»: columns ${section.columns.length} ≠ header leaves ${w}`);
    for (const row of section.rows)
      if (row.length !== w) throw new Error(`section «${section.title}»: row of ${row.length} cells, header has ${w}`);
  }
}

/** How a cell reads in the PDF (XLSX keeps numbers as numbers): Russian decimal comma. */
export function cellText(value: CellValue, kind: ColumnKind): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (kind === "decimal") return value.toFixed(2).replace(".", ",");
  if (kind === "percent") return `${value.toFixed(1).replace(".", ",")} %`;
  return String(value).replace(".", ",");
}

/** The key columns (repeated in every column group): marked ones, else № and the first text column. */
export function keyColumns(columns: ReportColumn[]): number[] {
  if (columns.some((c) => c.key)) return columns.flatMap((c, i) => (c.key ? [i] : []));
  const firstText = columns.findIndex((c) => c.kind === "text");
  if (firstText < 0 || firstText > 1) return firstText === 0 ? [0] : [];
  return Array.from({ length: firstText + 1 }, (_, i) => i);
}
