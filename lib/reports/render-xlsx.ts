// Renders any report model as XLSX with exceljs: the same cells as the PDF, merged header cells,
// a frozen header, numbers stored as numbers (RPT).
import ExcelJS from "exceljs";
import { formatDate } from "@/lib/org/time";
import { headerGrid, type ReportModel, type ReportSection } from "./model";

/** Row numbers of the sheet's parts (1-based), shared with the tests that read files back. */
export function xlsxLayout(model: ReportModel): { headerRow: number; dataRow: number } {
  const headerRow = 3 + model.parameters.length + 1;
  return { headerRow, dataRow: headerRow + headerGrid(model.header).depth };
}

const NUMBER_FORMAT = { number: "0", decimal: "0.00", percent: "0.0", text: "@" } as const;

export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Электронный журнал";
  const sheet = book.addWorksheet(model.title.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: model.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const grid = headerGrid(model.header);
  const { headerRow, dataRow } = xlsxLayout(model);

  sheet.getCell(1, 1).value = model.organisationName;
  sheet.getCell(2, 1).value = model.title;
  sheet.getCell(2, 1).font = { bold: true, size: 13 };
  model.parameters.forEach((p, i) => (sheet.getCell(3 + i, 1).value = `${p.label}: ${p.value}`));

  for (const cell of grid.cells) {
    const top = headerRow + cell.row;
    const left = 1 + cell.col;
    const target = sheet.getCell(top, left);
    target.value = cell.label;
    target.font = { bold: true };
    target.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF2F7" } };
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      sheet.mergeCells(top, left, top + cell.rowSpan - 1, left + cell.colSpan - 1);
    }
  }
  const all = [...model.rows, ...model.totals];
  all.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = sheet.getCell(dataRow + r, 1 + c);
      cell.value = value;
      if (typeof value === "number") cell.numFmt = NUMBER_FORMAT[model.columns[c].kind];
      if (r >= model.rows.length) cell.font = { bold: true };
    });
  });
  let next = dataRow + all.length + 1;
  for (const note of model.notes) sheet.getCell(next++, 1).value = note;
  sheet.getCell(next + 1, 1).value =
    "Подпись ____________________ / ______________________________ / «____» ______________ 20___ г.";
  sheet.getCell(next + 2, 1).value =
    `Дата печати: ${formatDate(new Date(`${model.printedAt.toISOString().slice(0, 10)}T00:00:00Z`))}`;

  model.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.kind === "text" ? (i === 0 ? 34 : 16) : 9));
  sheet.views = [{ state: "frozen", ySplit: dataRow - 1, xSplit: 1 }];
  for (const section of model.sections ?? []) writeSection(book, section, model.orientation);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Row numbers of a section's worksheet: its title in row 1, the header from row 3. */
export function sectionLayout(section: ReportSection): { headerRow: number; dataRow: number } {
  return { headerRow: 3, dataRow: 3 + headerGrid(section.header).depth };
}

function writeSection(book: ExcelJS.Workbook, section: ReportSection, orientation: ReportModel["orientation"]): void {
  const sheet = book.addWorksheet(section.sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31), {
    pageSetup: { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const { headerRow, dataRow } = sectionLayout(section);
  sheet.getCell(1, 1).value = section.title;
  sheet.getCell(1, 1).font = { bold: true };
  for (const cell of headerGrid(section.header).cells) {
    const target = sheet.getCell(headerRow + cell.row, 1 + cell.col);
    target.value = cell.label;
    target.font = { bold: true };
    target.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      sheet.mergeCells(
        headerRow + cell.row,
        1 + cell.col,
        headerRow + cell.row + cell.rowSpan - 1,
        cell.col + cell.colSpan,
      );
    }
  }
  section.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.getCell(dataRow + r, 1 + c);
      cell.value = value;
      if (typeof value === "number") cell.numFmt = NUMBER_FORMAT[section.columns[c].kind];
    }),
  );
  section.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(4, Math.round((c.width ?? 150) / 6))));
}
