"use server";
// REG-3: import of ГИА / ВПР results (results.import): «Проверить» reads the file and shows every row
// with its errors, writing nothing; «Импортировать» re-reads the same file and writes only the valid
// rows in one transaction.
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { readTable } from "@/lib/people/import/read";
import { currentYear, resultLookup } from "./data";
import { importResults } from "./mutations";
import { previewResultRows, type ResultPreviewRow } from "./rules";

export type ResultImportState = ActionResult<
  | { stage: "preview"; rows: Omit<ResultPreviewRow, "data">[]; valid: number; invalid: number }
  | { stage: "done"; count: number }
>;

export async function importResultsAction(_prev: ResultImportState | null, form: FormData): Promise<ResultImportState> {
  const access = await requireAccessForAction("results.import");
  if (!access.ok) return access;
  const { organisationId, id: userId, timeZone } = access.user;
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return fail("INVALID_INPUT", "Выберите файл XLSX или CSV", { file: ["Выберите файл XLSX или CSV"] });
  const read = await readTable(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return fail("INVALID_INPUT", read.message, { file: [read.message] });
  const year = await currentYear(organisationId);
  if (!year) return fail("INVALID_INPUT", "Текущий учебный год не задан");
  const parsed = previewResultRows(
    read.table,
    await resultLookup(organisationId, year.id, todayIn(timeZone, serverNow())),
  );
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message, { file: [parsed.message] });
  const valid = parsed.rows.flatMap((r) => (r.data ? [r.data] : []));
  if (form.get("intent") !== "confirm")
    return ok({
      stage: "preview",
      rows: parsed.rows.map(({ data: _d, ...r }) => r),
      valid: valid.length,
      invalid: parsed.rows.length - valid.length,
    });
  if (valid.length === 0) return fail("INVALID_INPUT", "Нет строк без ошибок");
  const count = await importResults(organisationId, year.id, userId, valid);
  revalidatePath("/control/external");
  return ok({ stage: "done", count });
}
