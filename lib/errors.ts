// One list of error codes with their Russian messages (ARCHITECTURE "Results and errors").
// Server actions return `ActionResult` values; they never throw messages to the client.
import { z } from "zod";
import { ru } from "zod/locales";
import { CROSS_SITE_MESSAGE } from "@/lib/access/same-origin";
import { currentRequestId } from "@/lib/ops/request-context";

// zod's own messages (a schema without a custom message: "Invalid input: expected number…") reach
// users through firstIssue()/fieldErrors: in Russian, like everything else (issue 11 fuzzing).
// Every action and route handler imports this module, so the setting is in place before parsing.
z.config(ru());

export const ERRORS = {
  UNAUTHENTICATED: "Войдите в систему",
  FORBIDDEN: "Нет доступа",
  NOT_FOUND: "Не найдено",
  INVALID_INPUT: "Проверьте введённые данные",
  CONFLICT: "Данные уже изменены другим пользователем",
  LOCKED: "Редактирование закрыто",
  RATE_LIMITED: "Слишком много запросов. Повторите позже",
  CROSS_SITE: CROSS_SITE_MESSAGE,
  INTERNAL: "Внутренняя ошибка. Повторите попытку позже",
  UNAVAILABLE: "Сервер перегружен или база данных недоступна. Повторите попытку через несколько секунд",
  TOO_LARGE: "Запрос слишком большой. Уменьшите файлы или отправьте их по частям",
} as const;

export type ErrorCode = keyof typeof ERRORS;

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; requestId?: string };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

/**
 * A refusal. Inside a request served by the app server it carries the request's id (issue 26),
 * the same id as the X-Request-Id header and the request's log line, so a user can quote it.
 */
export function fail(
  code: ErrorCode,
  message?: string,
  fieldErrors?: FieldErrors,
): { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; requestId?: string } {
  const requestId = currentRequestId();
  return {
    ok: false,
    code,
    message: message ?? ERRORS[code],
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** HTTP status of an error code, for route handlers. */
export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case "UNAUTHENTICATED":
      return 401;
    case "FORBIDDEN":
    case "CROSS_SITE":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "CONFLICT":
      return 409;
    case "LOCKED":
      return 423;
    case "RATE_LIMITED":
      return 429;
    case "INVALID_INPUT":
      return 400;
    case "UNAVAILABLE":
      return 503;
    case "TOO_LARGE":
      return 413;
    default:
      return 500;
  }
}

// Prisma / pg errors that mean "the database is busy or the connection dropped" (no pool slot
// within maxWait, a terminated or refused connection): the request can simply be retried, so
// they are answered 503 UNAVAILABLE instead of a 500 (issue 11, NFR-3).
const TRANSIENT_CODES = new Set([
  "P2028",
  "P1001",
  "P1002",
  "P1017",
  "P2024",
  "ECONNREFUSED",
  "ECONNRESET",
  "57P01",
  "57P02",
  "57P03",
  "08006",
  "08003",
]);
const TRANSIENT_TEXT =
  /Unable to start a transaction in the given time|Connection terminated|terminating connection|Timed out fetching a new connection|ECONNREFUSED|ECONNRESET|Can't reach database server/i;

export function isTransientDbError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 5; depth++) {
    const { code, message, cause } = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
    if (typeof message === "string" && TRANSIENT_TEXT.test(message)) return true;
    cur = cause;
  }
  return false;
}
