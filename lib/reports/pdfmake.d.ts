// Minimal typing of pdfmake 0.3's Node entry (the package ships no TypeScript types).
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
