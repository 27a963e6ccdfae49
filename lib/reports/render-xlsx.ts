// Renders any report model as XLSX with exceljs (PRN-4): the same cells as the PDF; numbers stored
// as numbers with Russian-readable formats («4,39» is 4.39 shown with the locale's comma); merged
// header cells; columns as wide as their content; the header rows and the key columns (№, name)
// frozen and repeated on every printed page (print titles); A4 page setup fitted to the width with
// «Страница N из M» in the footer; whole-word, unique sheet names; the form's signature block.
import ExcelJS from "exceljs";
import {
  cellText,
  headerGrid,
  keyColumns,
  printedDate,
  type CellValue,
  type ReportModel,
  type ReportSection,
} from "./model";
import type { TableInput } from "./pdf-layout";
import { words } from "./pdf-layout";

/** Row numbers of the main sheet's parts (1-based), shared with the tests that read files back. */
export function xlsxLayout(model: ReportModel): { headerRow: number; dataRow: number } {
  const headerRow = 3 + model.parameters.length + 1;
  return { headerRow, dataRow: headerRow + headerGrid(model.header).depth };
}

/** Row numbers of a section's worksheet: its title in row 1, the header from row 3. */
export function sectionLayout(section: ReportSection): { headerRow: number; dataRow: number } {
  return { headerRow: 3, dataRow: 3 + headerGrid(section.header).depth };
}

const NUMBER_FORMAT = { number: "0", mark: "0", decimal: "0.00", percent: "0.0", text: "@" } as const;

/** A worksheet name: no forbidden characters, at most 31 characters cut at a word, unique in the book. */
export function sheetName(wanted: string, used: Set<string>): string {
  const clean =
    wanted
      .replace(/[\\/?*[\]:]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "Лист";
  const fit = (s: string, max: number) => {
    if (s.length <= max) return s;
    const cut = s.slice(0, max + 1).replace(/\s+\S*$/, "");
    return (cut.length > 0 ? cut : s.slice(0, max)).replace(/[\s.,;—-]+$/, "");
  };
  let name = fit(clean, 31);
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${fit(clean, 31 - ` (${n})`.length)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

/** Column widths in characters from the content: the longest text (capped) or header word. */
function columnWidths(t: TableInput): number[] {
  const grid = headerGrid(t.header);
  const width = t.columns.map(() => 4);
  for (const c of grid.cells)
    if (c.colSpan === 1) width[c.col] = Math.max(width[c.col], ...words(c.label).map((w) => w.length + 1));
  for (const row of [...t.rows, ...t.totals])
    row.forEach((v, i) => {
      const text = cellText(v, t.columns[i].kind);
      width[i] = Math.max(width[i], Math.min(60, text.length + 2));
    });
  return width;
}

function setupPage(sheet: ExcelJS.Worksheet, model: Pick<ReportModel, "orientation" | "organisationName" | "title">) {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: model.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  const amp = (s: string) => s.replace(/&/g, "&&");
  sheet.headerFooter = {
    oddHeader: `&L${amp(model.organisationName)}&R${amp(model.title)}`,
    oddFooter: "&CСтраница &P из &N",
  };
}

/** Writes a table from `headerRow`; returns the row after it. */
function writeTable(sheet: ExcelJS.Worksheet, t: TableInput, headerRow: number): number {
  const grid = headerGrid(t.header);
  const dataRow = headerRow + grid.depth;
  for (const cell of grid.cells) {
    const top = headerRow + cell.row;
    const left = 1 + cell.col;
    const target = sheet.getCell(top, left);
    target.value = cell.label;
    target.font = { bold: true };
    target.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF2F7" } };
    if (cell.rowSpan > 1 || cell.colSpan > 1)
      sheet.mergeCells(top, left, top + cell.rowSpan - 1, left + cell.colSpan - 1);
  }
  const keys = keyColumns(t.columns);
  sheet.views = [{ state: "frozen", xSplit: keys.length, ySplit: dataRow - 1 }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${dataRow - 1}`;
  if (keys.length) sheet.pageSetup.printTitlesColumn = `A:${String.fromCharCode(64 + keys.length)}`;
  columnWidths(t).forEach((w, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, w);
  });
  const subtotal = new Set(t.subtotalRows ?? []);
  const all: CellValue[][] = [...t.rows, ...t.totals];
  if (all.length === 0) {
    sheet.getCell(dataRow, 1).value = "Нет данных";
    return dataRow + 1;
  }
  all.forEach((row, r) => {
    const bold = r >= t.rows.length || subtotal.has(r);
    row.forEach((value, c) => {
      const cell = sheet.getCell(dataRow + r, 1 + c);
      cell.value = value;
      const kind = t.columns[c].kind;
      if (typeof value === "number") cell.numFmt = NUMBER_FORMAT[kind];
      if (kind !== "text") cell.alignment = { horizontal: "center" };
      if (bold) cell.font = { bold: true };
    });
  });
  return dataRow + all.length;
}

function writeSignatures(sheet: ExcelJS.Worksheet, model: ReportModel, timeZone: string, from: number): void {
  let row = from;
  const lines = model.signatures?.length ? model.signatures : [{ role: "Отчёт сформировал", name: "" }];
  for (const s of lines) {
    sheet.getCell(row, 1).value = `${s.role}: ____________________ ${s.name || "______________________________"}`;
    row++;
  }
  if (model.seal) sheet.getCell(row++, 1).value = "М.П.";
  sheet.getCell(row++, 1).value = "«____» ______________ 20___ г.";
  sheet.getCell(row, 1).value = `Дата печати: ${printedDate(model.printedAt, timeZone)}`;
}

/** The workbook of a model; `timeZone` is the organisation's (the printed date, PRN). */
export async function renderXlsx(model: ReportModel, timeZone: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Электронный журнал";
  const used = new Set<string>();
  const sheet = book.addWorksheet(sheetName(model.title, used));
  setupPage(sheet, model);
  const { headerRow } = xlsxLayout(model);
  sheet.getCell(1, 1).value = model.organisationName;
  sheet.getCell(2, 1).value = model.title;
  sheet.getCell(2, 1).font = { bold: true, size: 13 };
  model.parameters.forEach((p, i) => (sheet.getCell(3 + i, 1).value = `${p.label}: ${p.value}`));
  let next = writeTable(sheet, model, headerRow) + 1;
  for (const note of model.notes) sheet.getCell(next++, 1).value = note;
  writeSignatures(sheet, model, timeZone, next + 1);
  for (const section of model.sections ?? []) {
    const own = book.addWorksheet(sheetName(section.sheetName, used));
    setupPage(own, { ...model, title: section.title });
    own.getCell(1, 1).value = section.title;
    own.getCell(1, 1).font = { bold: true };
    let row = writeTable(own, { ...section, totals: [] }, sectionLayout(section).headerRow) + 1;
    for (const note of section.notes ?? []) own.getCell(row++, 1).value = note;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
