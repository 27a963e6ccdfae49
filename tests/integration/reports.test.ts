// Reports from the demo data in both formats (RPT-2, RPT-3): the PDF's text holds the Russian
// title and the figures, the XLSX read back equals the model.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { seedDemo } from "@/prisma/seed/index";
import { db } from "@/lib/db";
import { buildModel, buildReport } from "@/lib/reports/build";
import { cellText, type ReportModel } from "@/lib/reports/model";
import { xlsxLayout } from "@/lib/reports/render-xlsx";
import { renderPdf } from "@/lib/reports/render-pdf";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
let organisationId = 0;
let classId = 0;
let periodId = 0;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const cls = await db.classGroup.findFirstOrThrow({ where: { name: "7А", organisation: { kind: "SCHOOL" } } });
  organisationId = cls.organisationId;
  classId = cls.id;
  const q1 = await db.period.findFirstOrThrow({ where: { organisationId, kind: "QUARTER", number: 1 } });
  periodId = q1.id;
}, 120_000);

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  // Cells wrap inside the table: compare with whitespace collapsed.
  return ((await extractText(pdf, { mergePages: true })).text as string).replace(/\s+/g, " ");
}

async function xlsxRows(bytes: Buffer, model: ReportModel): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const { dataRow } = xlsxLayout(model);
  const width = model.columns.length;
  return [...model.rows, ...model.totals].map((_, r) =>
    Array.from({ length: width }, (_, c) => {
      const v = sheet.getCell(dataRow + r, c + 1).value;
      return v === undefined ? null : v;
    }),
  );
}

describe.each([
  ["progress", () => ({ report: "progress" as const, periodId, classId })],
  ["progress for the whole school", () => ({ report: "progress" as const, periodId })],
  [
    "attendance",
    () => ({ report: "attendance" as const, classId, from: new Date("2026-09-01"), to: new Date("2026-11-20") }),
  ],
  ["summary", () => ({ report: "summary" as const, periodId, classId })],
  ["failures for the whole school", () => ({ report: "failures" as const, periodId })],
  ["occupancy for the whole school", () => ({ report: "occupancy" as const, date: new Date("2026-11-20") })],
])("%s report from the demo data", (_name, request) => {
  it("renders a PDF whose text holds the title, the organisation and the figures", async () => {
    const req = { ...request(), format: "pdf" as const };
    const model = (await buildModel(organisationId, req, TODAY))!;
    expect(model.rows.length).toBeGreaterThan(0);
    const text = await pdfText(await renderPdf(model, "Europe/Samara"));
    expect(text).toContain(model.title);
    expect(text).toContain("стр. 1 из");
    expect(text).toContain("(подпись)");
    const first = model.rows[0];
    expect(text).toContain(String(first[0]));
    for (const [i, v] of first.entries()) if (v !== null) expect(text).toContain(cellText(v, model.columns[i].kind));
  });

  it("renders an XLSX that reads back equal to the model, numbers as numbers", async () => {
    const req = { ...request(), format: "xlsx" as const };
    const model = (await buildModel(organisationId, req, TODAY))!;
    const file = (await buildReport(organisationId, req, TODAY))!;
    expect(file.contentType).toContain("spreadsheetml");
    expect(await xlsxRows(file.bytes, model)).toEqual([...model.rows, ...model.totals]);
  });
});

describe("RPT-2 on the demo's first quarter", () => {
  it("counts every student of 7А on the roll at the quarter's end exactly once", async () => {
    const model = (await buildModel(organisationId, { report: "progress", format: "pdf", periodId, classId }, TODAY))!;
    const [row] = model.rows;
    const roll = row[2] as number;
    const categories = (row[3] as number) + (row[4] as number) + (row[5] as number);
    expect(row[1]).toBe("1 четверть");
    expect(roll).toBeGreaterThan(20);
    expect(categories).toBeLessThanOrEqual(roll);
    expect(row[11]).not.toBeNull();
  });
});
