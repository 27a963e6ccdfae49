// The fonts of the printed forms and their real metrics (PRN-1). Widths are measured with the very
// font objects pdfmake lays text out with (pdfmake's PDFDocument → pdfkit → fontkit, Roboto), so
// a column that the planner says fits a word is the column pdfmake will not break it in.
import path from "node:path";
import * as pdfDocumentModule from "pdfmake/js/PDFDocument.js";

/** pdfmake's bundled Roboto: covers Cyrillic. */
export function fontsDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "pdfmake", "fonts", "Roboto");
}

export function fontFiles(dir = fontsDir()) {
  return {
    normal: path.join(dir, "Roboto-Regular.ttf"),
    bold: path.join(dir, "Roboto-Medium.ttf"),
    italics: path.join(dir, "Roboto-Italic.ttf"),
    bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
  };
}

type Font = { widthOfString(text: string, size: number): number };
let fonts: { normal: Font; bold: Font } | null = null;
const cache = new Map<string, number>();

function load(): { normal: Font; bold: Font } {
  if (fonts) return fonts;
  const dir = fontsDir();
  // A CommonJS module compiled from ES: its class is `default`, or `default.default` through ESM interop.
  const mod = pdfDocumentModule as unknown as { default: { default?: unknown } };
  const PdfKitDocument = (mod.default.default ?? mod.default) as typeof pdfDocumentModule.default;
  const doc = new PdfKitDocument({ Roboto: fontFiles(dir) }, {}, {}, {}, { autoFirstPage: false }, null, (p: string) =>
    path.resolve(p).startsWith(dir),
  );
  fonts = { normal: doc.provideFont("Roboto", false, false), bold: doc.provideFont("Roboto", true, false) };
  return fonts;
}

/** Width in points of a text at a font size (Roboto; bold = the header and totals face). */
export function textWidth(text: string, size: number, bold = false): number {
  const key = `${bold ? 1 : 0}${text}`;
  let unit = cache.get(key);
  if (unit === undefined) {
    const f = load();
    unit = (bold ? f.bold : f.normal).widthOfString(text, 1000) / 1000;
    if (cache.size > 200_000) cache.clear();
    cache.set(key, unit);
  }
  return unit * size;
}
