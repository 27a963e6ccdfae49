// One list of error codes with their Russian messages (ARCHITECTURE "Results and errors").
// Server actions return `ActionResult` values; they never throw messages to the client.

export const ERRORS = {
  UNAUTHENTICATED: "Войдите в систему",
  FORBIDDEN: "Нет доступа",
  NOT_FOUND: "Не найдено",
  INVALID_INPUT: "Проверьте введённые данные",
  CONFLICT: "Данные уже изменены другим пользователем",
  LOCKED: "Редактирование закрыто",
  RATE_LIMITED: "Слишком много запросов. Повторите позже",
  CROSS_SITE: "Запрос отклонён: он пришёл с другого сайта",
  INTERNAL: "Внутренняя ошибка. Повторите попытку позже",
} as const;

export type ErrorCode = keyof typeof ERRORS;

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message?: string, fieldErrors?: FieldErrors): { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors } {
  return { ok: false, code, message: message ?? ERRORS[code], ...(fieldErrors ? { fieldErrors } : {}) };
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
    default:
      return 500;
  }
}
