// Shared zod pieces (ARCHITECTURE: the one home of ids, text and form errors). SEC-3: every text a
// user sends — forms, JSON, query strings, imported files — goes through `singleLine` or
// `multiLine`, which refuse
//  - NUL and the other C0 controls (U+0000–U+001F; tab, line feed and carriage return are allowed
//    in multi-line text only), DEL and the C1 controls (U+007F–U+009F): PostgreSQL refuses NUL in
//    text (a 500 before this), the others corrupt printed forms, CSV/XLSX exports and logs;
//  - bidirectional controls: the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069
//    and the marks U+200E/U+200F/U+061C — a Russian school's text needs none of them, and they make
//    «evil\u202Egpj.txt» look like «eviltxt.jpg» («Trojan Source»).
// The refusal comes with a Russian message; nothing is silently removed from what a user typed.
// File names are cleaned instead (lib/storage/rules.ts `cleanFileName`): a name is not prose.
import { z } from "zod";
import { fail, type FieldErrors } from "@/lib/errors";

export const CONTROL_CHARS_MESSAGE =
  "Текст содержит недопустимые невидимые символы (управляющие или меняющие направление письма) — удалите их";

const BIDI = "\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";
const SINGLE_LINE_FORBIDDEN = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${BIDI}]`, "u");
const MULTI_LINE_FORBIDDEN = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BIDI}]`, "u");
const EVERY_FORBIDDEN = new RegExp(SINGLE_LINE_FORBIDDEN.source, "gu");

/** Does the text hold a character SEC-3 refuses? Tab and line breaks count only in single-line text. */
export function hasForbiddenChars(text: string, multiLine = false): boolean {
  return (multiLine ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(text);
}

/** The text with every character SEC-3 refuses removed (for names that are not prose: files). */
export function withoutForbiddenChars(text: string): string {
  return text.replace(EVERY_FORBIDDEN, "");
}

type StringParams = Parameters<typeof z.string>[0];

/** A one-line text field (names, titles, codes, search words): no control or bidi characters at all. */
export function singleLine(params?: StringParams) {
  return z.string(params).refine((v) => !hasForbiddenChars(v), CONTROL_CHARS_MESSAGE);
}

/** A multi-line text field (message bodies, notes, homework): tab and line breaks allowed, nothing else. */
export function multiLine(params?: StringParams) {
  return z.string(params).refine((v) => !hasForbiddenChars(v, true), CONTROL_CHARS_MESSAGE);
}

// Ids, form records and zod errors (issue 19 item 3): the one home — domain schemas import these.

const ID_MESSAGE = "Неверный идентификатор";
const MAX_ID = 2_147_483_647;

/** A database id from a form, a URL or JSON: a positive 32-bit integer; `message` says what was wrong. */
export function idOf(message = ID_MESSAGE) {
  return z.coerce.number({ error: message }).int(message).positive(message).max(MAX_ID, message);
}

/** An id inside a JSON body: a number already, never coerced from a string or a boolean. */
export function jsonIdOf(message = ID_MESSAGE) {
  return z.number({ error: message }).int(message).positive(message).max(MAX_ID, message);
}

/** The id every schema uses unless its message says more. */
export const idSchema = idOf();

/** An empty form value ("" or null) is «not given». */
export const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** An optional id: blank or absent → undefined. */
export function optionalIdOf(message = ID_MESSAGE) {
  return z.preprocess(blankToUndefined, idOf(message).optional());
}

/** The key of a message that belongs to the whole form, not to one field. */
export const FORM_KEY = "_";

/** zod issues → Russian messages by field (the first path segment; FORM_KEY for the whole form). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : FORM_KEY;
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The first message of a failed parse (the form's one-line refusal). */
export function firstIssue(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? "Проверьте введённые данные";
}

/** Every message of a failed parse on one line (GET filters, report queries). */
export function issuesText(error: { issues: readonly { message: string }[] }): string {
  return error.issues.map((i) => i.message).join("; ");
}

/** FormData → a plain record of its strings (files dropped). */
export function formRecord(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

/**
 * A form's strings (files dropped) parsed by `schema`, or the action's refusal: the first message
 * on the form and every message under its field (FORM_KEY for the whole form) — nothing is written.
 */
export function formInput<S extends z.ZodType>(
  schema: S,
  form: FormData,
): { ok: true; data: z.output<S> } | ReturnType<typeof fail> {
  const parsed = schema.safeParse(formRecord(form));
  return parsed.success
    ? { ok: true, data: parsed.data }
    : fail("INVALID_INPUT", firstIssue(parsed.error), fieldErrorsOf(parsed.error));
}
