// SEC-5: PDFs are laid out by long-lived threads (lib/reports/pdf-worker.mjs) — a report no longer
// pays a new isolate and the loading of pdfmake, pdfkit and fontkit — at most PDF_THREADS_MAX of them,
// further documents wait for a free one, what a thread renders equals the in-process rendering, and a
// thread a large document left with a big heap ends at once (issue 22, peak RSS).
import { afterEach, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { sampleReportModel } from "../support/report-model";
import { fontsDir } from "@/lib/reports/pdf-fonts";
import {
  PDF_THREADS_MAX,
  PDF_THREAD_KEEP_HEAP_MB,
  pdfThreadsRunning,
  pdfThreadsStarted,
  renderInThread,
  renderPdf,
  reportDocument,
  stopPdfThreads,
  threadKeepHeapMb,
} from "@/lib/reports/render-pdf";

const model = sampleReportModel;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

afterEach(async () => {
  await stopPdfThreads();
});

describe("long-lived PDF layout threads (SEC-5)", () => {
  it("lays consecutive reports out in one thread that stays for the next", async () => {
    await stopPdfThreads();
    const started = pdfThreadsStarted();
    const first = await renderInThread(reportDocument(model("Итоги успеваемости"), "Europe/Samara"));
    const second = await renderInThread(reportDocument(model("Отчёт о неуспевающих"), "Europe/Samara"));
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(await pdfText(first!)).toContain("Итоги успеваемости");
    expect(await pdfText(second!)).toContain("Отчёт о неуспевающих");
    expect(pdfThreadsStarted()).toBe(started + 1);
    expect(pdfThreadsRunning()).toBe(1);
  }, 60_000);

  it("renders what the in-process engine renders", async () => {
    const doc = reportDocument(model("Итоги успеваемости", 120), "Europe/Samara");
    const threaded = await renderInThread(doc);
    const engine = (await import("@/lib/reports/pdf-engine.mjs")) as {
      renderPdfDocument: (doc: object, dir: string) => Promise<Buffer>;
    };
    const inProcess = await engine.renderPdfDocument(doc, fontsDir());
    expect(threaded).not.toBeNull();
    expect(await pdfText(threaded!)).toBe(await pdfText(inProcess));
  }, 60_000);

  it("runs at most PDF_THREADS_MAX threads; more documents at once wait for a free one and all come back", async () => {
    await stopPdfThreads();
    const started = pdfThreadsStarted();
    const titles = ["Первый", "Второй", "Третий", "Четвёртый", "Пятый"].map((t) => `${t} отчёт`);
    let most = 0;
    const all = Promise.all(titles.map((t) => renderInThread(reportDocument(model(t, 10), "Europe/Samara"))));
    const watch = setInterval(() => (most = Math.max(most, pdfThreadsRunning())), 1);
    const files = await all.finally(() => clearInterval(watch));
    most = Math.max(most, pdfThreadsRunning());
    for (const [i, f] of files.entries()) expect(await pdfText(f!)).toContain(titles[i]);
    expect(pdfThreadsStarted() - started).toBe(PDF_THREADS_MAX);
    expect(most).toBe(PDF_THREADS_MAX);
  }, 60_000);

  it("a thread that ends mid-layout: that document falls back to the main thread, the next one gets a new thread", async () => {
    await stopPdfThreads();
    const started = pdfThreadsStarted();
    const pending = renderPdf(model("Сводная ведомость", 200), "Europe/Samara");
    await stopPdfThreads();
    expect(await pdfText(await pending)).toContain("Сводная ведомость");
    expect(await renderInThread(reportDocument(model("После сбоя"), "Europe/Samara"))).not.toBeNull();
    expect(pdfThreadsStarted()).toBe(started + 2);
  }, 60_000);

  it("ends a thread right after a large document instead of keeping it idle (issue 22: peak RSS); a small one stays", async () => {
    await stopPdfThreads();
    const started = pdfThreadsStarted();
    expect(await renderInThread(reportDocument(model("Итоги успеваемости"), "Europe/Samara"))).not.toBeNull();
    expect(pdfThreadsRunning()).toBe(1);
    // Thousands of rows — a year's printed journal's size — leave the thread's heap over the bound.
    const large = await renderInThread(reportDocument(model("Сводная ведомость за год", 6000), "Europe/Samara"));
    expect(await pdfText(large!)).toContain("Сводная ведомость за год");
    expect(pdfThreadsRunning()).toBe(0);
    expect(await renderInThread(reportDocument(model("После большого отчёта"), "Europe/Samara"))).not.toBeNull();
    expect(pdfThreadsStarted()).toBe(started + 2);
    expect(pdfThreadsRunning()).toBe(1);
  }, 120_000);

  it("takes the bound from PDF_THREAD_KEEP_HEAP_MB: a whole number of MB, 0 for none, else the default", () => {
    expect(threadKeepHeapMb(undefined)).toBe(PDF_THREAD_KEEP_HEAP_MB);
    expect(threadKeepHeapMb(" 120 ")).toBe(120);
    expect(threadKeepHeapMb("0")).toBe(0);
    expect(threadKeepHeapMb("80mb")).toBe(PDF_THREAD_KEEP_HEAP_MB);
  });
});
