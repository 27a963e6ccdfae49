// Any list to XLSX (PPL-5): a title row, a header row and the rows, with sensible widths.
import ExcelJS from "exceljs";

export async function listToXlsx(
  title: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Список");
  ws.addRow([title]).font = { bold: true, size: 12 };
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => v ?? ""));
  ws.columns.forEach((col, i) => {
    const longest = Math.max(header[i]?.length ?? 0, ...rows.map((r) => String(r[i] ?? "").length));
    col.width = Math.min(60, Math.max(6, longest + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The download response of a built list: UTF-8 file name for browsers, an ASCII fallback. */
export function xlsxResponse(file: { buffer: Buffer; fileName: string; asciiName: string }): Response {
  return new Response(new Uint8Array(file.buffer), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
