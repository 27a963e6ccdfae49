/* global structuredClone, Buffer */
// The PDF engine of the printed forms (PRN-1, PRN-9): lays a pdfmake document out, checks the
// result, corrects what a deputy would not sign, and renders it. Plain JavaScript (ES module) so
// that the layout threads (pdf-worker.mjs) run it as is; the in-process fallback and the tests
// import it too. The steps of pdfmake's own Printer.createPdfKitDocument, with a look at the pages
// between layout and rendering:
// - a page that would hold only the signature block (and the notes) takes the last rows of the
//   table before it along (the table is split there and its header repeated on the new page);
// - the bound journal's closing sheet gets the number of pages, in figures and words.
// The document arrives as plain data (it may have crossed a thread); the page header, footer and
// the table layouts are functions, so they are set here.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const PDFDocument = require("pdfmake/js/PDFDocument.js").default;
const LayoutBuilder = require("pdfmake/js/LayoutBuilder.js").default;
const SVGMeasure = require("pdfmake/js/SVGMeasure.js").default;
const Renderer = require("pdfmake/js/Renderer.js").default;
const { normalizePageSize, normalizePageMargin } = require("pdfmake/js/PageSize.js");
const { tableLayouts } = require("pdfmake/js/tableLayouts.js");

const rule = () => 0.5;
const grey = () => "#64748b";
const grid = (padding) => ({
  hLineWidth: rule,
  vLineWidth: rule,
  hLineColor: grey,
  vLineColor: grey,
  paddingLeft: () => padding,
  paddingRight: () => padding,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
});
/** The table layouts the documents name (render-pdf.ts: paddingFor(9) = 3, paddingFor(8) = 2). */
export const LAYOUTS = { ejGrid: grid(3), ejGridTight: grid(2) };

/** Text of the running footer: «стр. N из M» (8 pt: nothing on a form is smaller, PRN-1). */
export const footer = (currentPage, pageCount) => ({
  text: `стр. ${currentPage} из ${pageCount}`,
  alignment: "center",
  fontSize: 8,
  margin: [0, 12, 0, 0],
});

function fontsOf(dir) {
  return {
    Roboto: {
      normal: path.join(dir, "Roboto-Regular.ttf"),
      bold: path.join(dir, "Roboto-Medium.ttf"),
      italics: path.join(dir, "Roboto-Italic.ttf"),
      bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
    },
  };
}

function layoutOnce(doc, dir) {
  const def = structuredClone(doc);
  const pageSize = normalizePageSize(def.pageSize, def.pageOrientation);
  const margins = normalizePageMargin(def.pageMargins);
  const pdf = new PDFDocument(
    fontsOf(dir),
    {},
    {},
    {},
    {
      size: [pageSize.width, pageSize.height],
      pdfVersion: "1.3",
      compress: true,
      fontLayoutCache: true,
      bufferPages: false,
      autoFirstPage: false,
      info: { Producer: "pdfmake", Creator: def.info?.creator ?? "pdfmake", Title: def.info?.title },
      font: null,
    },
    null,
    (p) => path.resolve(p).startsWith(dir),
  );
  const builder = new LayoutBuilder(pageSize, margins, new SVGMeasure());
  builder.registerTableLayouts(tableLayouts);
  builder.registerTableLayouts(LAYOUTS);
  const header = def.header ? () => structuredClone(def.header) : null;
  const pages = builder.layoutDocument(
    def.content,
    pdf,
    def.styles || {},
    def.defaultStyle || { fontSize: 12, font: "Roboto" },
    null,
    header,
    footer,
    null,
    null,
  );
  return { pdf, pages, pageSize, margins };
}

/** The text lines of a page inside the content area (not the running header and footer). */
export function contentLines(page, pageSize, margins) {
  return page.items
    .filter((i) => i.type === "line" && i.item.y >= margins.top - 0.01 && i.item.y < pageSize.height - margins.bottom)
    .map((i) => i.item);
}

const isClosing = (id) => typeof id === "string" && (id.startsWith("sig-") || id.startsWith("note-"));

/** Index of the first page with the signature block when that page holds nothing else but notes; else -1. */
export function orphanSignaturePage({ pages, pageSize, margins }) {
  const index = pages.findIndex((p) => contentLines(p, pageSize, margins).some((l) => String(l.id).startsWith("sig-")));
  if (index <= 0) return -1;
  return contentLines(pages[index], pageSize, margins).every((l) => isClosing(l.id)) ? index : -1;
}

/** Moves the last rows of the last table before the signature block onto a new page (header repeated). */
function keepSignatureWithRows(doc) {
  const content = [...doc.content];
  const sig = content.findIndex((n) => n && n.id === "sig-block");
  let t = sig - 1;
  while (t >= 0 && !(content[t] && content[t].table)) t--;
  if (t < 0) return null;
  const node = content[t];
  const head = node.table.headerRows || 0;
  const body = node.table.body;
  const rows = body.length - head;
  if (rows <= 1 || node.ejNoSplit) {
    content[t] = { ...node, pageBreak: "before" };
  } else {
    const move = Math.min(3, rows - 1);
    const keep = body.length - move;
    content[t] = { ...node, table: { ...node.table, body: body.slice(0, keep) } };
    content.splice(t + 1, 0, {
      ...node,
      margin: [0, 0, 0, 8],
      pageBreak: "before",
      // The header's own copy (PRN-1): pdfmake consumes a cell's text while laying it out, so cells
      // shared with the table above came out empty on this page.
      table: { ...node.table, body: [...structuredClone(body.slice(0, head)), ...body.slice(keep)] },
    });
  }
  return { ...doc, content };
}

const ONES = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const TEENS = [
  "десять",
  "одиннадцать",
  "двенадцать",
  "тринадцать",
  "четырнадцать",
  "пятнадцать",
  "шестнадцать",
  "семнадцать",
  "восемнадцать",
  "девятнадцать",
];
const TENS = [
  "",
  "",
  "двадцать",
  "тридцать",
  "сорок",
  "пятьдесят",
  "шестьдесят",
  "семьдесят",
  "восемьдесят",
  "девяносто",
];
const HUNDREDS = [
  "",
  "сто",
  "двести",
  "триста",
  "четыреста",
  "пятьсот",
  "шестьсот",
  "семьсот",
  "восемьсот",
  "девятьсот",
];
const THOUSANDS = [
  "",
  "одна тысяча",
  "две тысячи",
  "три тысячи",
  "четыре тысячи",
  "пять тысяч",
  "шесть тысяч",
  "семь тысяч",
  "восемь тысяч",
  "девять тысяч",
];

/** A number of sheets (1…9999) in Russian words, masculine: 48 → «сорок восемь». */
export function numberInWords(n) {
  const parts = [THOUSANDS[Math.floor(n / 1000) % 10], HUNDREDS[Math.floor(n / 100) % 10]];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) parts.push(TEENS[rest - 10]);
  else parts.push(TENS[Math.floor(rest / 10)], ONES[rest % 10]);
  return parts.filter(Boolean).join(" ") || "ноль";
}

/** «лист» / «листа» / «листов» for a number. */
export function sheetsWord(n) {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return "листов";
  if (units === 1) return "лист";
  if (units >= 2 && units <= 4) return "листа";
  return "листов";
}

/** Writes the number of pages into the closing sheet's line «… пронумеровано и прошито N (…) листов». */
function fillSheetCount(pages) {
  const n = pages.length;
  for (const page of pages)
    for (const item of page.items) {
      const line = item.type === "line" ? item.item : null;
      if (!line || line.id !== "sheet-count" || !line.inlines.length) continue;
      const first = line.inlines[0];
      const text = line.inlines.map((i) => i.text).join("");
      first.text = text.replace("{N}", `${n} (${numberInWords(n)}) ${sheetsWord(n)}`);
      first.width = first.font.widthOfString(first.text, first.fontSize);
      line.inlines = [first];
    }
}

/** Lays the document out with the corrections; returns pdfkit's document and the pages. */
export function layoutPdf(doc, dir) {
  let current = doc;
  let result = layoutOnce(current, dir);
  for (let attempt = 0; attempt < 3 && orphanSignaturePage(result) >= 0; attempt++) {
    const next = keepSignatureWithRows(current);
    if (!next) break;
    current = next;
    result = layoutOnce(current, dir);
  }
  fillSheetCount(result.pages);
  return result;
}

/** The PDF file of a pdfmake document (plain data). */
export function renderPdfDocument(doc, dir) {
  const { pdf, pages } = layoutPdf(doc, dir);
  new Renderer(pdf, undefined).renderPages(pages);
  return new Promise((resolve, reject) => {
    const chunks = [];
    pdf.on("data", (c) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}
