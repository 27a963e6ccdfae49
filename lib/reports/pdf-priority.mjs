// SEC-5: a PDF's layout is seconds of CPU, and twenty whole-school reports at once must not take
// the cores from the teachers' journal. The rendering thread lowers its own scheduling priority
// (nice 19): on Linux the nice value is per thread, so `setPriority(0, …)` called inside the worker
// touches that thread only — the server's main thread keeps its priority and the PDF takes what
// the requests leave. Elsewhere (or when refused) the thread simply keeps the normal priority.
import os from "node:os";

export const PDF_THREAD_NICE = 19;

/** Lowers the calling thread's priority; returns the nice value now in force (null if unknown). */
export function lowerThreadPriority(nice = PDF_THREAD_NICE) {
  try {
    os.setPriority(0, nice);
    return os.getPriority(0);
  } catch {
    return null;
  }
}
