// Types of pdf-engine.mjs (plain JavaScript so that the worker thread runs it as is).
export type LaidLine = {
  id?: string;
  x: number;
  y: number;
  maxWidth: number;
  inlines: { text: string; fontSize: number; width: number; x: number }[];
};
export type LaidPage = { items: { type: string; item: LaidLine }[] };
export type Layout = {
  pages: LaidPage[];
  pageSize: { width: number; height: number };
  margins: { left: number; top: number; right: number; bottom: number };
};
export const LAYOUTS: Record<string, object>;
export function contentLines(page: LaidPage, pageSize: Layout["pageSize"], margins: Layout["margins"]): LaidLine[];
export function orphanSignaturePage(layout: Layout): number;
export function numberInWords(n: number): string;
export function sheetsWord(n: number): string;
export function layoutPdf(doc: object, fontsDir: string): Layout;
export function renderPdfDocument(doc: object, fontsDir: string): Promise<Buffer>;
