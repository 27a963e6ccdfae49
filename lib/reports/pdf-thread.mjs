// Renders one pdfmake document off the main thread (RPT: a long report — the printed journal of
// a class for a year — must not block the server for other users). Plain JavaScript (ES module)
// so that Node runs it as is in a worker_threads Worker. The document arrives as JSON; the page footer
// («стр. N из M») and the table layouts are functions, so they are set here, as in
// lib/reports/render-pdf.ts (keep both in step).
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import pdfmake from "pdfmake";

const dir = workerData.fontsDir;
pdfmake.setFonts({
  Roboto: {
    normal: path.join(dir, "Roboto-Regular.ttf"),
    bold: path.join(dir, "Roboto-Medium.ttf"),
    italics: path.join(dir, "Roboto-Italic.ttf"),
    bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir));
const grid = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => "#94a3b8", vLineColor: () => "#94a3b8" };
pdfmake.addTableLayouts({ ejGrid: grid, ejGridWide: { ...grid, paddingLeft: () => 2, paddingRight: () => 2 } });

const doc = workerData.doc;
doc.footer = (currentPage, pageCount) => ({
  text: `стр. ${currentPage} из ${pageCount}`,
  alignment: "center",
  fontSize: 7,
  margin: [0, 12, 0, 0],
});
pdfmake
  .createPdf(doc)
  .getBuffer()
  .then((buffer) => parentPort.postMessage(buffer))
  .catch((e) => parentPort.postMessage({ error: String(e && e.message ? e.message : e) }));
