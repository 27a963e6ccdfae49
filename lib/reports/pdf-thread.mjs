// Renders one pdfmake document off the main thread (RPT: a long report — the printed journal of
// a class for a year — must not block the server for other users). Plain JavaScript (ES module)
// so that Node runs it as is in a worker_threads Worker; the layout and its corrections are the
// engine's (pdf-engine.mjs), the same code the in-process fallback runs.
import { parentPort, workerData } from "node:worker_threads";
import { lowerThreadPriority } from "./pdf-priority.mjs";
import { renderPdfDocument } from "./pdf-engine.mjs";

lowerThreadPriority();
renderPdfDocument(workerData.doc, workerData.fontsDir)
  .then((buffer) => parentPort.postMessage(buffer))
  .catch((e) => parentPort.postMessage({ error: String(e && e.message ? e.message : e) }));
