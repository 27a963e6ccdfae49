// PRN-1: header rows repeat on every page — also on the page the engine starts itself when the
// signature block would stand alone (lib/reports/pdf-engine.mjs moves the table's last rows there
// with its header). That continuation once shared the header's cells with the table before it, and
// pdfmake, which consumes a cell's text while laying it out, printed it as an empty strip.
import { describe, expect, it } from "vitest";
import type { ReportModel } from "@/lib/reports/model";
import { sampleReportModel } from "../support/report-model";
import { layoutDocument, reportDocument } from "@/lib/reports/render-pdf";
import { contentLines, type Layout } from "@/lib/reports/pdf-engine.mjs";

const model = (rows: number): ReportModel => ({
  ...sampleReportModel("Итоги успеваемости", rows),
  signatures: [{ role: "Заместитель директора по УВР", name: "Орлова М. С." }],
});

const pageTexts = (layout: Layout) =>
  layout.pages.map((p) =>
    contentLines(p, layout.pageSize, layout.margins)
      .map((l) => l.inlines.map((x) => x.text).join(""))
      .join(" | "),
  );

describe("a table continued on a new page keeps its header (PRN-1)", () => {
  it("every page with rows of the table prints the header, whatever the number of rows", async () => {
    let continued = 0;
    for (let rows = 20; rows <= 48; rows++) {
      const texts = pageTexts(
        (await layoutDocument(reportDocument(model(rows), "Europe/Samara"))) as unknown as Layout,
      );
      texts.forEach((text, p) => {
        if (!/\d+[АБВГ] \|/.test(text)) return;
        expect(text, `${rows} rows, page ${p + 1}`).toContain("Обучающихся");
      });
      // the engine's own continuation: the last page starts with rows, not the title, and has few of them
      const last = texts.at(-1)!;
      if (texts.length > 1 && (last.match(/\d+[АБВГ] \|/g) ?? []).length <= 3) continued++;
    }
    expect(continued).toBeGreaterThan(0);
  }, 120_000);
});
