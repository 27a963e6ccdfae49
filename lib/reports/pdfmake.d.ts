// Minimal typing of pdfmake 0.3's Node entry and the internals the layout engine uses (the
// package ships no TypeScript types).
declare module "pdfmake" {
  type FontFiles = { normal: string; bold: string; italics: string; bolditalics: string };
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(doc: object): OutputDocument;
    addTableLayouts(layouts: Record<string, object>): void;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}

declare module "pdfmake/js/PDFDocument.js" {
  type FontFiles = { normal: string; bold: string; italics: string; bolditalics: string };
  type Font = { widthOfString(text: string, size: number): number };
  export default class PDFDocument {
    constructor(
      fonts: Record<string, FontFiles>,
      images: object,
      patterns: object,
      attachments: object,
      options: object,
      virtualfs: null,
      localAccessPolicy: (path: string) => boolean,
    );
    provideFont(family: string, bold: boolean, italics: boolean): Font;
  }
}
