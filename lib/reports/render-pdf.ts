// Renders any report model as an A4 PDF with pdfmake (RPT, seed 002 §4.6.2): organisation name,
// title, parameters, date of printing, merged header, «стр. N из M», the signature line.
// Fonts: pdfmake's bundled Roboto, which covers Cyrillic. The layout (CPU-bound, seconds for the
// printed journal of a year) runs in a worker thread (pdf-thread.mjs), so the server keeps
// answering other users; in-process rendering is the fallback when no worker can be started.
import path from "node:path";
import { Worker } from "node:worker_threads";
import pdfmake from "pdfmake";
import { formatDate } from "@/lib/org/time";
import { cellText, headerGrid, type ReportModel, type ReportSection } from "./model";

let configured = false;

const fontsDir = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "pdfmake", "fonts", "Roboto");

const GRID = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => "#94a3b8", vLineColor: () => "#94a3b8" };

function configure(): void {
  if (configured) return;
  const dir = fontsDir();
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(dir, "Roboto-Regular.ttf"),
      bold: path.join(dir, "Roboto-Medium.ttf"),
      italics: path.join(dir, "Roboto-Italic.ttf"),
      bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
    },
  });
  // Reports never load anything from the network or from paths other than the fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(dir));
  pdfmake.addTableLayouts({ ejGrid: GRID, ejGridWide: { ...GRID, paddingLeft: () => 2, paddingRight: () => 2 } });
  configured = true;
}

type PdfCell = {
  text?: string;
  rowSpan?: number;
  colSpan?: number;
  bold?: boolean;
  alignment?: string;
  fillColor?: string;
};

type Table = Pick<ReportModel, "header" | "columns">;

function headerRows(model: Table): PdfCell[][] {
  const grid = headerGrid(model.header);
  const rows: PdfCell[][] = Array.from({ length: grid.depth }, () => Array.from({ length: grid.width }, () => ({})));
  for (const cell of grid.cells) {
    rows[cell.row][cell.col] = {
      text: cell.label,
      rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
      colSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
      bold: true,
      alignment: "center",
      fillColor: "#eef2f7",
    };
  }
  return rows;
}

function bodyRow(model: Table, row: ReportModel["rows"][number], bold: boolean): PdfCell[] {
  return row.map((value, i) => {
    const kind = model.columns[i].kind;
    return { text: cellText(value, kind), bold, alignment: kind === "text" ? "left" : "center" };
  });
}

/** A further table (RPT-12's journal pages): on a new page, with its heading, header repeated. */
function sectionContent(section: ReportSection): object[] {
  const widths = section.columns.map((c) => c.width ?? (c.kind === "text" ? "*" : 22));
  return [
    { text: section.title, fontSize: 10, bold: true, margin: [0, 0, 0, 4], pageBreak: "before" },
    {
      table: {
        headerRows: headerGrid(section.header).depth,
        widths,
        body: [...headerRows(section), ...section.rows.map((r) => bodyRow(section, r, false))],
      },
      layout: section.columns.length > 20 ? "ejGridWide" : "ejGrid",
      fontSize: 7,
    },
  ];
}

export function reportDocument(model: ReportModel): object {
  const printed = formatDate(new Date(`${model.printedAt.toISOString().slice(0, 10)}T00:00:00Z`));
  // The first text (names) column takes the free width; figures get narrow fixed columns.
  const names = model.columns.findIndex((c) => c.kind === "text" && c.width === undefined);
  const widths = model.columns.map(
    (c, i) => c.width ?? (i === names || (names < 0 && i === 0) ? "*" : c.kind === "text" ? "auto" : 52),
  );
  // Wide grids (many subjects or days) get a smaller font and tighter cell padding to fit A4.
  const wide = model.columns.length > 20;
  return {
    pageSize: "A4",
    pageOrientation: model.orientation,
    pageMargins: [28, 42, 28, 36],
    info: { title: model.title, creator: "Электронный журнал" },
    defaultStyle: { font: "Roboto", fontSize: wide ? 6.5 : 8 },
    // Plain data (no functions) so the document can be posted to the worker thread.
    header: {
      columns: [
        { text: model.organisationName, fontSize: 7, color: "#475569" },
        { text: `Дата печати: ${printed}`, fontSize: 7, color: "#475569", alignment: "right" },
      ],
      margin: [28, 18, 28, 0],
    },
    content: [
      { text: model.title, fontSize: 13, bold: true, margin: [0, 0, 0, 4] },
      ...model.parameters.map((p) => ({
        text: [{ text: `${p.label}: `, color: "#475569" }, p.value],
        margin: [0, 0, 0, 1],
      })),
      {
        margin: [0, 8, 0, 8],
        table: {
          headerRows: headerGrid(model.header).depth,
          widths,
          body: [
            ...headerRows(model),
            ...model.rows.map((r) => bodyRow(model, r, false)),
            ...model.totals.map((r) => bodyRow(model, r, true)),
          ],
        },
        layout: wide ? "ejGridWide" : "ejGrid",
      },
      ...model.notes.map((n) => ({ text: n, fontSize: 7, color: "#475569", margin: [0, 0, 0, 2] })),
      ...(model.sections ?? []).flatMap(sectionContent),
      {
        text: "Подпись ____________________ / ______________________________ / «____» ______________ 20___ г.",
        margin: [0, 18, 0, 0],
      },
      { text: "подпись / расшифровка / дата", fontSize: 6, color: "#64748b", margin: [60, 1, 0, 0] },
    ],
  };
}

/** «стр. N из M» on every page; a function, so it is added where the document is rendered. */
const footer = (currentPage: number, pageCount: number) => ({
  text: `стр. ${currentPage} из ${pageCount}`,
  alignment: "center",
  fontSize: 7,
  margin: [0, 12, 0, 0],
});

function renderInProcess(doc: object): Promise<Buffer> {
  configure();
  return pdfmake.createPdf({ ...doc, footer }).getBuffer();
}

/** Renders in a worker thread; null when no worker could do it (the caller falls back). */
export function renderInThread(doc: object): Promise<Buffer | null> {
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "reports", "pdf-thread.mjs");
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(/*turbopackIgnore: true*/ script, { workerData: { doc, fontsDir: fontsDir() } });
    } catch {
      resolve(null);
      return;
    }
    worker.once("message", (m: Uint8Array | { error: string }) => {
      resolve(m instanceof Uint8Array ? Buffer.from(m.buffer, m.byteOffset, m.byteLength) : null);
      void worker.terminate();
    });
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
  });
}

let warned = false;

export async function renderPdf(model: ReportModel): Promise<Buffer> {
  const doc = reportDocument(model);
  const bytes = await renderInThread(doc);
  if (bytes) return bytes;
  if (!warned) console.warn("reports: PDF worker thread unavailable, rendering in the main thread");
  warned = true;
  return renderInProcess(doc);
}
