// Request body limits (SEC-6): a server action (forms with uploads) may carry
// MAX_FILES_PER_ITEM × MAX_FILE_BYTES of files plus the form's text; a route handler or an
// /api/v1 call takes JSON or a small form. A larger declared body is refused with 413 before
// anything reads it; a write without Content-Length (chunked) with 411, since its size cannot be
// checked before Next.js reads it (browsers and nginx always send the length). Pure.
import type { RouteKind } from "./routes";
import { MAX_FILES_PER_ITEM, MAX_FILE_BYTES } from "../storage/rules";

const MB = 1024 * 1024;
const KB = 1024;

/** Default for server actions: the files of one item plus 2 MB of form text (52 MB). */
export const DEFAULT_ACTION_BODY_BYTES = MAX_FILES_PER_ITEM * MAX_FILE_BYTES + 2 * MB;
/** Default for route handlers and /api/v1: JSON and small forms. */
export const DEFAULT_JSON_BODY_BYTES = 1 * MB;

export type BodyLimits = { action: number; other: number };

function parsePositive(raw: string | undefined, unit: number, name: string, fallback: number): number {
  const value = raw?.trim();
  if (!value) return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) === 0) {
    throw new Error(`${name} должен быть целым положительным числом, получено «${raw}»`);
  }
  return Number(value) * unit;
}

/** Limits from MAX_BODY_MB (server actions, uploads) and MAX_JSON_BODY_KB (routes and /api/v1). */
export function bodyLimits(env: { readonly [k: string]: string | undefined }): BodyLimits {
  return {
    action: Math.min(
      parsePositive(env.MAX_BODY_MB, MB, "MAX_BODY_MB", DEFAULT_ACTION_BODY_BYTES),
      DEFAULT_ACTION_BODY_BYTES,
    ),
    other: parsePositive(env.MAX_JSON_BODY_KB, KB, "MAX_JSON_BODY_KB", DEFAULT_JSON_BODY_BYTES),
  };
}

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS", "DELETE"]);

export type BodyVerdict = { ok: true } | { ok: false; status: 411 | 413; message: string };

/** Whether a request's declared body fits the limit of its kind (pages take POSTs only as actions). */
export function checkBody(
  limits: BodyLimits,
  kind: RouteKind,
  method: string,
  contentLength: string | undefined,
  chunked: boolean,
): BodyVerdict {
  if (BODYLESS.has(method.toUpperCase()) && !contentLength && !chunked) return { ok: true };
  const limit = kind === "action" || kind === "page" ? limits.action : limits.other;
  if (contentLength === undefined || contentLength === "") {
    if (!chunked) return { ok: true };
    return { ok: false, status: 411, message: "Запрос отклонён: не указан размер тела запроса (Content-Length)" };
  }
  const size = /^\d{1,15}$/.test(contentLength.trim()) ? Number(contentLength.trim()) : Number.NaN;
  if (!Number.isFinite(size))
    return { ok: false, status: 411, message: "Запрос отклонён: неверный размер тела запроса" };
  if (size > limit) return { ok: false, status: 413, message: tooLargeMessage(limit) };
  return { ok: true };
}

export function tooLargeMessage(limit: number): string {
  const size = limit >= MB ? `${Math.floor(limit / MB)} МБ` : `${Math.floor(limit / KB)} КБ`;
  return `Запрос слишком большой: не более ${size}. Уменьшите файлы или отправьте их по частям`;
}
