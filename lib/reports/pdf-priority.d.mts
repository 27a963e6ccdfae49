// Types of pdf-priority.mjs (plain JavaScript so that the worker thread runs it as is).
export const PDF_THREAD_NICE: number;
export function lowerThreadPriority(nice?: number): number | null;
