// Lays pdfmake documents out off the main thread (RPT: a long report — the printed journal of a
// class for a year — must not block the server for other users). One long-lived thread renders
// the documents it is sent, one at a time (render-pdf.ts keeps a small pool of them), so a report
// does not pay a new isolate and the loading of pdfmake, pdfkit and fontkit every time (SEC-5: that
// start-up was ~0.5 s of CPU per PDF, at the normal priority). The thread lowers its own priority
// before the engine loads, so the loading also runs at nice 19. Plain JavaScript (ES module) so
// that Node runs it as is in a worker_threads Worker; the layout and its corrections are the
// engine's (pdf-engine.mjs), the same code the in-process fallback runs. Each answer carries the
// thread's committed heap (MB) so the pool can end a thread a large document left big.
import v8 from "node:v8";
import { parentPort } from "node:worker_threads";
import { lowerThreadPriority } from "./pdf-priority.mjs";

const nice = lowerThreadPriority();
const engine = import("./pdf-engine.mjs");

parentPort.on("message", async ({ id, doc, fontsDir }) => {
  try {
    const buffer = await (await engine).renderPdfDocument(doc, fontsDir);
    // The thread's committed heap after the document: render-pdf.ts ends a thread that a large
    // document (a year's printed journal) left holding much memory instead of keeping it idle.
    const heapMb = v8.getHeapStatistics().total_heap_size / 2 ** 20;
    parentPort.postMessage({ id, bytes: buffer, nice, heapMb });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
});
