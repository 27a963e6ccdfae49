// Reading a downloaded XLSX in tests: every cell's shown text, sheet by sheet, row by row.
import ExcelJS from "exceljs";

/** The text of every cell of the response's workbook, joined with « | ». */
export async function xlsxText(res: Response): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const out: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => out.push(String(c.text)))));
  return out.join(" | ");
}
