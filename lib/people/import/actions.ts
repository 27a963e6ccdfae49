"use server";
// Import of class lists (PPL-5): «Проверить» parses and validates without writing; «Импортировать»
// re-reads the same file on the server and writes only the valid rows in one transaction.
import { fieldErrorsOf, formRecord } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { requestAddress } from "@/lib/auth/request";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { todayIn } from "@/lib/org/time";
import { existingStudents } from "./data";
import { importStudents } from "./mutations";
import { readTable } from "./read";
import { personKey, previewRows, type PreviewRow } from "./rules";
import { importOrderSchema } from "./schema";

export type ImportPreview = { rows: Omit<PreviewRow, "data">[]; valid: number; invalid: number };
export type ImportState = ActionResult<{ stage: "preview"; preview: ImportPreview } | { stage: "done"; count: number }>;

async function analyse(form: FormData, organisationId: number, timeZone: string): Promise<ActionResult<PreviewRow[]>> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return fail("INVALID_INPUT", "Выберите файл XLSX или CSV", { file: ["Выберите файл XLSX или CSV"] });
  const read = await readTable(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return fail("INVALID_INPUT", read.message, { file: [read.message] });
  const parsed = previewRows(read.table, todayIn(timeZone));
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message, { file: [parsed.message] });
  const valid = parsed.rows.flatMap((r) => (r.data ? [r.data] : []));
  const existing = new Set((await existingStudents(organisationId, valid)).map((s) => personKey(s)));
  for (const r of parsed.rows)
    if (r.data && existing.has(personKey(r.data))) {
      r.errors.push("Ученик с такими ФИО и датой рождения уже есть");
      r.data = null;
    }
  return ok(parsed.rows);
}

export async function importAction(_prev: ImportState | null, form: FormData): Promise<ImportState> {
  const order = importOrderSchema.safeParse(formRecord(form));
  if (!order.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(order.error));
  const access = await requireAccessForAction("movement.edit", { kind: "class", classId: order.data.classId });
  if (!access.ok) return access;
  const rows = await analyse(form, access.user.organisationId, access.user.timeZone);
  if (!rows.ok) return rows;
  if (form.get("intent") !== "confirm") {
    const valid = rows.data.filter((r) => r.data).length;
    return ok({
      stage: "preview",
      preview: { rows: rows.data.map(({ data: _d, ...r }) => r), valid, invalid: rows.data.length - valid },
    });
  }
  const valid = rows.data.flatMap((r) => (r.data ? [r.data] : []));
  if (valid.length === 0) return fail("INVALID_INPUT", "Нет строк без ошибок");
  const result = await importStudents(
    access.user.organisationId,
    access.user.id,
    order.data,
    valid,
    await requestAddress(),
  );
  if (!result.ok) return fail("INVALID_INPUT", result.message);
  revalidatePath(`/people/classes/${order.data.classId}`);
  return ok({ stage: "done", count: result.count });
}
