// The quick answer on chosen files (LRN-1…LRN-5): the limits of lib/storage checked in the browser
// before a form's files go up, as a refusal of the form's own action (ActionForm shows it and keeps
// every typed value); the server checks the same limits again.
import type { ActionResult } from "@/lib/errors";
import { ALLOWED_FILE_TYPES, MAX_FILES_PER_ITEM, checkFile } from "@/lib/storage/rules";

/** The `accept` of a file input: every allowed extension (and photos from a phone's camera). */
export function acceptFiles(images = false): string {
  return [...(images ? ["image/*"] : []), ...Object.keys(ALLOWED_FILE_TYPES).map((e) => `.${e}`)].join(",");
}

/** What is wrong with the files chosen in `field` (none chosen is not a problem here), or null. */
export function pickedFilesProblem(form: FormData, field: string, max = MAX_FILES_PER_ITEM): string | null {
  const files = form.getAll(field).filter((f): f is File => typeof f !== "string" && (f.size > 0 || f.name !== ""));
  if (files.length > max) return `Можно приложить не больше ${max} файлов`;
  for (const f of files) {
    const c = checkFile(f.name, f.type, f.size);
    if (!c.ok) return c.message;
  }
  return null;
}

/** The action, run only when the files chosen in `field` pass the limits. */
export function withFileCheck<T>(
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
  field: string,
  max?: number,
): (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>> {
  return async (prev, form) => {
    const problem = pickedFilesProblem(form, field, max);
    if (problem) return { ok: false, code: "INVALID_INPUT", message: problem, fieldErrors: { [field]: [problem] } };
    return action(prev, form);
  };
}
