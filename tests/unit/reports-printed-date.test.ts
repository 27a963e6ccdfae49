// PRN: «Дата печати» of every PDF and XLSX is the organisation's calendar day, not UTC's — a report
// printed at 01:30 in Samara (21:30 UTC of the day before) says today.
import { afterAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { sampleReportModel } from "../support/report-model";
import { renderPdf, stopPdfThreads } from "@/lib/reports/render-pdf";
import { renderXlsx } from "@/lib/reports/render-xlsx";

const printed = (at: string) => ({ ...sampleReportModel("Итоги успеваемости", 5), printedAt: new Date(at) });

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

async function xlsxPrinted(bytes: Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const found: string[] = [];
  book.worksheets[0].eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && cell.value.startsWith("Дата печати")) found.push(cell.value);
    }),
  );
  return found;
}

afterAll(async () => {
  await stopPdfThreads();
});

describe("the printed date in the organisation's time zone (PRN)", () => {
  it("PDF: 2026-12-06T21:30Z in Samara is 07.12.2026", async () => {
    const text = await pdfText(await renderPdf(printed("2026-12-06T21:30:00Z"), "Europe/Samara"));
    expect(text).toContain("Дата печати: 07.12.2026");
    expect(text).not.toContain("06.12.2026");
  }, 60_000);

  it("XLSX: the same instant says 07.12.2026 in Samara, 06.12.2026 in Kaliningrad (23:30 there)", async () => {
    const model = printed("2026-12-06T21:30:00Z");
    expect(await xlsxPrinted(await renderXlsx(model, "Europe/Samara"))).toEqual(["Дата печати: 07.12.2026"]);
    expect(await xlsxPrinted(await renderXlsx(model, "Europe/Kaliningrad"))).toEqual(["Дата печати: 06.12.2026"]);
  });
});
