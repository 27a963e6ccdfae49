// SEC-5: heavy reports — the whole organisation, a parallel or a department, and the printed journal
// (RPT-12) — are built inline by at most REPORTS_INLINE_MAX requests at a time per process (default
// 2, or 1 on a machine of two cores or fewer, where the job worker's build is the second). Beyond that the download route orders the same request as a background job (202, «Мои
// отчёты»): the job worker builds one report at a time, so a burst of twenty whole-school reports
// neither slows the journal for the teachers nor grows the process past its heap cap.
import os from "node:os";
import type { ReportRequest } from "./schema";

/** The default number of inline builds: two, but one where the machine has only two cores (or fewer). */
export function defaultInlineMax(cores: number = os.availableParallelism()): number {
  return cores <= 2 ? 1 : 2;
}

export const QUEUED_MESSAGE =
  "Сейчас формируется много больших отчётов — ваш поставлен в очередь, он появится в «Мои отчёты»";
/** PRN-8: a many-class RPT-1/3/12 is always a ZIP made in the background. */
export const ARCHIVE_QUEUED_MESSAGE = "Архив с файлом на каждый класс формируется в фоне — он появится в «Мои отчёты»";

/** REPORTS_INLINE_MAX (a whole number ≥ 0; 0 sends every heavy report to the queue), else the default. */
export function inlineMax(
  setting: string | undefined = process.env.REPORTS_INLINE_MAX,
  fallback: number = defaultInlineMax(),
): number {
  const n = Number(setting);
  return setting !== undefined && setting.trim() !== "" && Number.isInteger(n) && n >= 0 ? n : fallback;
}

const OVER_MANY_CLASSES = new Set(["progress", "failures", "occupancy", "contingent", "vkr"]);

/** Heavy: the printed journal, or a report over many classes asked for without one class. */
export function isHeavyReport(req: ReportRequest): boolean {
  if (req.report === "journal") return true;
  return OVER_MANY_CLASSES.has(req.report) && (req as { classId?: number }).classId === undefined;
}

type Slots = { running: number };
const holder = globalThis as typeof globalThis & { __ejInlineReportSlots?: Slots };
const slots = (holder.__ejInlineReportSlots ??= { running: 0 });

/** Takes one inline slot: a release function (call it once the file is built), or null when all are busy. */
export function takeInlineSlot(max: number = inlineMax()): (() => void) | null {
  if (slots.running >= max) return null;
  slots.running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.running--;
  };
}

/** How many heavy reports are being built inline now (tests, metrics). */
export function inlineRunning(): number {
  return slots.running;
}
