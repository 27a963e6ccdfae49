// Reading an uploaded class list (PPL-5) into a table of strings: XLSX through exceljs, CSV
// through exceljs's fast-csv reader (RFC 4180 quoting), UTF-8 (with or without BOM) or
// Windows-1251, separated by «;», «,» or tab.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

function two(n: number) {
  return String(n).padStart(2, "0");
}

/** The text of a cell as a person would read it; dates as ДД.ММ.ГГГГ. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return `${two(value.getUTCDate())}.${two(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

function sheetTable(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, row.cellCount); c++)
      cells.push(cellText(row.getCell(c).value).trim());
    out[n - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

export function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((d) => [d, first.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ";";
}

export type ReadResult = { ok: true; table: string[][] } | { ok: false; message: string };

export async function readTable(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength === 0) return { ok: false, message: "Файл пуст" };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, message: "Файл больше 2 МБ" };
  const lower = fileName.toLowerCase();
  const wb = new ExcelJS.Workbook();
  try {
    if (lower.endsWith(".xlsx")) {
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      const ws = wb.worksheets[0];
      if (!ws) return { ok: false, message: "В книге нет листов" };
      return { ok: true, table: sheetTable(ws) };
    }
    if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
      const text = decodeText(bytes);
      const ws = await wb.csv.read(Readable.from([text]), {
        map: (v: string) => v,
        parserOptions: { delimiter: detectDelimiter(text) },
      } as unknown as Parameters<typeof wb.csv.read>[1]);
      return { ok: true, table: sheetTable(ws) };
    }
  } catch {
    return { ok: false, message: "Не удалось прочитать файл: он повреждён или это не XLSX/CSV" };
  }
  return { ok: false, message: "Поддерживаются файлы XLSX и CSV" };
}
