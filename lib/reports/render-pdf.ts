// Renders any report model as an A4 PDF with pdfmake (RPT, PRN-1, PRN-2, PRN-9): organisation
// name, title, parameters, date of printing, the tables laid out by the rules of pdf-layout.ts
// (column widths from the fonts' metrics, no word cut, no row split, ≥ 8 pt, column groups that
// repeat № and the name, «Нет данных»), «стр. N из M», and the form's own signature block that
// never stands alone on a page (pdf-engine.mjs). The bound journal gets a title page, contents with
// page numbers and the closing sheet «пронумеровано и прошито». The layout (CPU-bound, seconds for
// the printed journal of a year) runs in long-lived worker threads (pdf-worker.mjs, at most
// PDF_THREADS_MAX), so the server keeps answering other users; in-process rendering is the fallback
// when no thread can be started.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { cellText, printedDate, type CellValue, type ReportModel, type ReportSection } from "./model";
import { planTable, type Measure, type TableInput } from "./pdf-layout";
import { fontsDir, textWidth } from "./pdf-fonts";

export const PAGE_MARGINS = [28, 42, 28, 36] as const;
const PAGE_WIDTH = { portrait: 595.28, landscape: 841.89 } as const;
const MUTED = "#475569";

/** Content width of an A4 page of the orientation. */
export function contentWidth(orientation: ReportModel["orientation"]): number {
  return PAGE_WIDTH[orientation] - PAGE_MARGINS[0] - PAGE_MARGINS[2];
}

const fontMeasure: Measure = (text, size, bold) => textWidth(text, size, bold);

/** A character inside a word at which pdfmake's line breaker could cut it («Физ-ра», «н/а», «МДК.01»). */
const INNER_BREAK = /\S[-‐–—/.,:;()[\]«»!?+]\S/;

/**
 * A cell's text as pdfmake content: words with an inner break opportunity become noWrap inlines,
 * so pdfmake moves them whole to the next line instead of cutting them (PRN-1).
 */
export function cellContent(text: string): string | { text: string; noWrap?: boolean }[] {
  if (!INNER_BREAK.test(text)) return text;
  return text
    .split(/(\s+)/)
    .filter((p) => p !== "")
    .map((p) => (INNER_BREAK.test(p) ? { text: p, noWrap: true } : { text: p }));
}

type Block = Record<string, unknown>;

/** The tables of one model table: one, or column groups each repeating the key columns. */
export function tableBlocks(t: TableInput, available: number, measure: Measure = fontMeasure): Block[] {
  const plan = planTable(t, available, measure);
  const subtotal = new Set(t.subtotalRows ?? []);
  const empty = t.rows.length === 0 && t.totals.length === 0;
  return plan.groups.flatMap((g, gi) => {
    const header: Block[][] = Array.from({ length: plan.depth }, () => g.columns.map(() => ({})));
    for (const c of g.header) {
      header[c.row][c.col] = {
        text: cellContent(c.label),
        rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
        colSpan: c.colSpan > 1 ? c.colSpan : undefined,
        bold: true,
        alignment: "center",
        fillColor: "#eef2f7",
      };
    }
    const row = (values: CellValue[], bold: boolean): Block[] =>
      g.columns.map((c) => {
        const kind = t.columns[c].kind;
        return { text: cellContent(cellText(values[c], kind)), bold, alignment: kind === "text" ? "left" : "center" };
      });
    const body = empty
      ? [
          [
            { text: "Нет данных", colSpan: g.columns.length, alignment: "center", italics: true },
            ...g.columns.slice(1).map(() => ({})),
          ],
        ]
      : [...t.rows.map((r, i) => row(r, subtotal.has(i))), ...t.totals.map((r) => row(r, true))];
    const caption =
      plan.groups.length > 1
        ? [
            {
              text: `Таблица, часть ${gi + 1} из ${plan.groups.length}`,
              fontSize: 8,
              color: MUTED,
              margin: [0, 4, 0, 2],
            },
          ]
        : [];
    return [
      ...caption,
      {
        margin: [0, 4, 0, 6],
        fontSize: plan.fontSize,
        layout: plan.padding >= 3 ? "ejGrid" : "ejGridTight",
        table: {
          headerRows: plan.depth,
          dontBreakRows: true,
          widths: g.widths.map((w) => Math.floor(w * 100) / 100),
          body: [...header, ...body],
        },
      },
    ];
  });
}

let ids = 0;
const leafId = (prefix: string) => `${prefix}-${++ids}`;

/** The form's signature block (PRN-2): roles, lines for the signature, names; «М.П.»; the date. */
export function signatureBlock(model: Pick<ReportModel, "signatures" | "seal">): Block {
  const lines = model.signatures?.length ? model.signatures : [{ role: "Отчёт сформировал", name: "" }];
  const small = { fontSize: 8, color: "#64748b" };
  return {
    id: "sig-block",
    unbreakable: true,
    margin: [0, 14, 0, 0],
    stack: [
      {
        layout: "noBorders",
        table: {
          widths: [200, 120, "*"],
          body: lines.flatMap((s) => [
            [
              { text: s.role, id: leafId("sig") },
              { text: "____________________", id: leafId("sig") },
              { text: s.name || "______________________________", id: leafId("sig") },
            ],
            [
              { text: "", id: leafId("sig") },
              { text: "(подпись)", ...small, margin: [18, -2, 0, 4], id: leafId("sig") },
              { text: "(расшифровка подписи)", ...small, margin: [0, -2, 0, 4], id: leafId("sig") },
            ],
          ]),
        },
      },
      ...(model.seal ? [{ text: "М.П.", margin: [0, 6, 0, 0], id: leafId("sig") }] : []),
      { text: "«____» ______________ 20___ г.", margin: [0, 8, 0, 0], id: leafId("sig") },
    ],
  };
}

function notesOf(notes: string[]): Block[] {
  return notes.map((n) => ({ text: n, fontSize: 8, color: MUTED, margin: [0, 0, 0, 2], id: leafId("note") }));
}

function sectionContent(section: ReportSection, available: number, index: number, measure: Measure): Block[] {
  return [
    {
      text: section.title,
      fontSize: 10,
      bold: true,
      margin: [0, section.newPage === false ? 10 : 0, 0, 2],
      ...(section.newPage === false ? {} : { pageBreak: "before" }),
      ...(section.inContents ? { id: `part-${index}` } : {}),
    },
    ...tableBlocks({ ...section, totals: [] }, available, measure),
    ...notesOf(section.notes ?? []),
  ];
}

/** Title page, contents and the main table of the bound journal (PRN-9). */
function boundOpening(model: ReportModel, available: number, measure: Measure): Block[] {
  const bound = model.bound!;
  const parts = (model.sections ?? []).filter((s) => s.inContents).length;
  const contents: TableInput = {
    header: [...model.header, { label: "Стр." }],
    columns: [...model.columns, { kind: "number" }],
    // The page numbers are filled in by pdfmake from the parts' headings (pageReference).
    rows: model.rows.map((r, i) => [...r, i < parts ? "000" : null]),
    totals: model.totals.map((r) => [...r, null]),
  };
  const blocks = tableBlocks(contents, available, measure);
  const table = blocks.find((b) => b.table) as { table: { body: Block[][]; headerRows: number } };
  table.table.body.slice(table.table.headerRows, table.table.headerRows + parts).forEach((row, i) => {
    row[row.length - 1] = { text: "000", pageReference: `part-${i}`, alignment: "center" };
  });
  return [
    {
      stack: [
        { text: model.organisationName, fontSize: 12, alignment: "center", margin: [0, 90, 0, 40] },
        { text: bound.heading.toUpperCase(), fontSize: 24, bold: true, alignment: "center", margin: [0, 0, 0, 24] },
        ...bound.titleLines.map((l) => ({ text: l, fontSize: 14, alignment: "center", margin: [0, 0, 0, 8] })),
      ],
    },
    { text: "Содержание", fontSize: 13, bold: true, margin: [0, 0, 0, 4], pageBreak: "before" },
    ...model.parameters.map((p) => ({ text: [{ text: `${p.label}: `, color: MUTED }, p.value], margin: [0, 0, 0, 1] })),
    ...blocks,
    ...notesOf(model.notes),
  ];
}

/** The closing sheet of the bound journal: the number of sheets (filled in after layout), director, М.П. */
function closingSheet(model: ReportModel): Block[] {
  const d = model.bound!.director;
  return [
    {
      stack: [
        { text: "В журнале пронумеровано и прошито {N}", id: "sheet-count", fontSize: 12, margin: [0, 120, 0, 30] },
        {
          columns: [
            { text: d.role, width: 200 },
            { text: "____________________", width: 140 },
            { text: d.name || "______________________________", width: "*" },
          ],
          margin: [0, 0, 0, 16],
        },
        { text: "М.П.", margin: [0, 0, 0, 16] },
        { text: "«____» ______________ 20___ г." },
      ],
      pageBreak: "before",
      id: "closing-sheet",
    },
  ];
}

/** The pdfmake document of a model; `timeZone` is the organisation's (the printed date, PRN). */
export function reportDocument(model: ReportModel, timeZone: string, measure: Measure = fontMeasure): object {
  ids = 0;
  const printed = printedDate(model.printedAt, timeZone);
  const available = contentWidth(model.orientation);
  const main: TableInput = {
    header: model.header,
    columns: model.columns,
    rows: model.rows,
    totals: model.totals,
    subtotalRows: model.subtotalRows,
  };
  const opening = model.bound
    ? boundOpening(model, available, measure)
    : [
        { text: model.title, fontSize: 13, bold: true, margin: [0, 0, 0, 4] },
        ...model.parameters.map((p) => ({
          text: [{ text: `${p.label}: `, color: MUTED }, p.value],
          margin: [0, 0, 0, 1],
        })),
        ...tableBlocks(main, available, measure),
        ...notesOf(model.notes),
      ];
  return {
    pageSize: "A4",
    pageOrientation: model.orientation,
    pageMargins: [...PAGE_MARGINS],
    info: { title: model.title, creator: "Электронный журнал" },
    defaultStyle: { font: "Roboto", fontSize: 9 },
    // Plain data (no functions) so the document can be posted to the worker thread.
    header: {
      columns: [
        { text: model.organisationName, fontSize: 8, color: MUTED },
        { text: `${model.title}. Дата печати: ${printed}`, fontSize: 8, color: MUTED, alignment: "right" },
      ],
      margin: [28, 18, 28, 0],
    },
    content: [
      ...opening,
      ...(model.sections ?? []).flatMap((s, i) => sectionContent(s, available, sectionIndex(model, i), measure)),
      ...(model.bound ? closingSheet(model) : [signatureBlock(model)]),
    ],
  };
}

/** The index of a section among those listed in the contents (their headings are the page references). */
function sectionIndex(model: ReportModel, i: number): number {
  return (model.sections ?? []).slice(0, i).filter((s) => s.inContents).length;
}

type Engine = typeof import("./pdf-engine.mjs");

async function engine(): Promise<Engine> {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "reports", "pdf-engine.mjs");
  return (await import(/*turbopackIgnore: true*/ /* webpackIgnore: true */ file)) as Engine;
}

/** Lays a document out in this thread (the tests look at the pages). */
export async function layoutDocument(doc: object) {
  return (await engine()).layoutPdf(doc, fontsDir());
}

async function renderInProcess(doc: object): Promise<Buffer> {
  return (await engine()).renderPdfDocument(doc, fontsDir());
}

// SEC-5: the layout threads. A thread is started on demand, renders the documents it is given one
// at a time and stays for the next report (a new isolate and the loading of pdfmake, pdfkit and
// fontkit cost about half a second of CPU per PDF); at most PDF_THREADS_MAX run, further documents
// wait for a free one, and a thread idle for PDF_THREAD_IDLE_MS ends (its memory goes back). An idle
// thread does not keep the process alive (unref); a busy one does, so a script awaiting a PDF ends.
// Issue 22 (peak RSS ≤ 600 MB): a thread whose committed heap is over PDF_THREAD_KEEP_HEAP_MB after a
// document ends right away instead of idling 30 s. In the benchmark a class's or the school's report
// leaves 49–55 MB of heap, a year's printed journal 85–87 MB (bench/notes.md «Round 11, memM11»),
// which a kept thread would hold beside the next requests (round 10: +50 MB of RSS after
// `printed_journal_pdf`). The next PDF pays a new thread (≈ 0.5 s of CPU, at nice 19).
// PDF_THREAD_KEEP_HEAP_MB in the environment moves the bound; 0 keeps every thread until it idles
// (round 10's behaviour: the benchmark's «before»).
export const PDF_THREADS_MAX = 2;
export const PDF_THREAD_IDLE_MS = 30_000;
export const PDF_THREAD_KEEP_HEAP_MB = 64;

/** The bound in MB from PDF_THREAD_KEEP_HEAP_MB (a whole number; 0 = none), else the default. */
export function threadKeepHeapMb(raw: string | undefined): number {
  const v = raw?.trim();
  return v && /^\d+$/.test(v) ? Number(v) : PDF_THREAD_KEEP_HEAP_MB;
}
const keepHeapMb = threadKeepHeapMb(process.env.PDF_THREAD_KEEP_HEAP_MB);

type Task = { doc: object; resolve: (bytes: Buffer | null) => void };
type Thread = { worker: Worker; task: (Task & { id: number }) | null; idle: NodeJS.Timeout | null };
type Pool = { threads: Set<Thread>; queue: Task[]; started: number; seq: number };
const holder = globalThis as typeof globalThis & { __ejPdfThreads?: Pool };
const pool = (holder.__ejPdfThreads ??= { threads: new Set(), queue: [], started: 0, seq: 0 });

function startThread(): Thread | null {
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "reports", "pdf-worker.mjs");
  let worker: Worker;
  try {
    worker = new Worker(/*turbopackIgnore: true*/ script);
  } catch {
    return null;
  }
  pool.started++;
  const thread: Thread = { worker, task: null, idle: null };
  pool.threads.add(thread);
  worker.unref();
  const end = () => {
    if (dropThread(thread)) dispatch();
  };
  worker.on("message", (m: { id: number; bytes?: Uint8Array; error?: string; heapMb?: number }) => {
    const task = thread.task;
    if (!task || task.id !== m.id) return;
    thread.task = null;
    if (m.error !== undefined) console.error("reports: PDF worker failed:", m.error);
    task.resolve(m.bytes ? Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength) : null);
    worker.unref();
    if (keepHeapMb > 0 && (m.heapMb ?? 0) > keepHeapMb && dropThread(thread)) void worker.terminate();
    dispatch();
  });
  worker.on("error", (e) => {
    console.error("reports: PDF worker stopped:", e);
    end();
  });
  worker.on("exit", end);
  return thread;
}

/** Takes a thread out of the pool; the document it was laying out falls back to the main thread (renderPdf). */
function dropThread(thread: Thread): boolean {
  if (!pool.threads.delete(thread)) return false;
  if (thread.idle) clearTimeout(thread.idle);
  thread.task?.resolve(null);
  thread.task = null;
  return true;
}

function dispatch(): void {
  while (pool.queue.length > 0) {
    let thread = [...pool.threads].find((t) => !t.task) ?? null;
    if (!thread && pool.threads.size < PDF_THREADS_MAX) thread = startThread();
    if (!thread) {
      // No thread could be started and none is free: with none at all, render in the main thread.
      if (pool.threads.size === 0) for (const task of pool.queue.splice(0)) task.resolve(null);
      return;
    }
    const task = { ...pool.queue.shift()!, id: ++pool.seq };
    if (thread.idle) clearTimeout(thread.idle);
    thread.idle = null;
    thread.task = task;
    thread.worker.ref();
    thread.worker.postMessage({ id: task.id, doc: task.doc, fontsDir: fontsDir() });
  }
  for (const thread of pool.threads) {
    if (thread.task || thread.idle) continue;
    const t = thread;
    t.idle = setTimeout(() => {
      dropThread(t);
      void t.worker.terminate();
    }, PDF_THREAD_IDLE_MS);
    t.idle.unref();
  }
}

/** Renders in a layout thread; null when no thread could do it (the caller falls back). */
export function renderInThread(doc: object): Promise<Buffer | null> {
  return new Promise((resolve) => {
    pool.queue.push({ doc, resolve });
    dispatch();
  });
}

/** How many layout threads have been started since the process began (tests, metrics). */
export function pdfThreadsStarted(): number {
  return pool.started;
}

/** How many layout threads are running now, busy or idle. */
export function pdfThreadsRunning(): number {
  return pool.threads.size;
}

/** Ends every layout thread (shutdown, tests); a document being laid out falls back to the main thread. */
export async function stopPdfThreads(): Promise<void> {
  const threads = [...pool.threads];
  threads.forEach(dropThread);
  await Promise.all(threads.map((t) => t.worker.terminate()));
}

let warned = false;

export async function renderPdf(model: ReportModel, timeZone: string): Promise<Buffer> {
  const doc = reportDocument(model, timeZone);
  const bytes = await renderInThread(doc);
  if (bytes) return bytes;
  if (!warned) console.warn("reports: PDF worker thread unavailable, rendering in the main thread");
  warned = true;
  return renderInProcess(doc);
}
