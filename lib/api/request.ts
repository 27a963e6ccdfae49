// Parsing of /api/v1 input (NFR-4): query strings, path ids and JSON bodies through zod, with
// Russian messages and field errors; bad input answers 400 and writes nothing.
import { isoDate } from "@/lib/org/time";
import { z } from "zod";
import { fail } from "@/lib/errors";
import { apiError } from "./gate";
import { idParam } from "./schema";

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

function invalid(error: z.ZodError): Response {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  const first = error.issues[0]?.message;
  return Response.json(fail("INVALID_INPUT", first ? `Проверьте введённые данные: ${first}` : undefined, fieldErrors), {
    status: 400,
    headers: { "cache-control": "no-store" },
  });
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): Parsed<z.output<S>> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const r = schema.safeParse(params);
  return r.success ? { ok: true, data: r.data } : { ok: false, response: invalid(r.error) };
}

export function parseId(value: string | undefined): Parsed<number> {
  const r = idParam.safeParse(value);
  return r.success ? { ok: true, data: r.data } : { ok: false, response: apiError("NOT_FOUND") };
}

export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: apiError("INVALID_INPUT", "Тело запроса — не JSON") };
  }
  const r = schema.safeParse(body);
  return r.success ? { ok: true, data: r.data } : { ok: false, response: invalid(r.error) };
}

/** A JSON answer typed by its response schema (the tests parse it with the same schema). */
export function json<S extends z.ZodType>(_schema: S, data: z.input<S>, status = 200): Response {
  return Response.json(data, { status, headers: { "cache-control": "private, no-store" } });
}

export const day = (d: Date): string => isoDate(d);
export const instant = (d: Date): string => d.toISOString();

/** Page `page` of `items` with `limit` rows (page/limit pagination, 1-based). */
export function pageOf<T>(items: readonly T[], page: number, limit: number) {
  const start = (page - 1) * limit;
  return {
    items: items.slice(start, start + limit),
    page,
    limit,
    total: items.length,
    hasMore: start + limit < items.length,
  };
}
