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
import { IMPORT_COLUMNS, IMPORT_HEADERS, personKey, previewRows, validateRow, type PreviewRow } from "./rules";
import { addStudentSchema, importOrderSchema } from "./schema";
import { formatDate } from "@/lib/org/time";
import type { FieldErrors } from "@/lib/errors";

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

/**
 * DAY-11: «Добавить ученика» — one student by hand, written exactly as an import of one row: the
 * same row rules (names, birth-date range, phone, e-mail), the same duplicate check, the same
 * mutation (card + admission in the movement book + class membership in one transaction), audited
 * as `people.student.created`. Bad input writes nothing.
 */
export async function addStudentAction(
  _prev: ActionResult<{ studentId: number; message: string }> | null,
  form: FormData,
): Promise<ActionResult<{ studentId: number; message: string }>> {
  const parsed = addStudentSchema.safeParse(formRecord(form));
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  const { classId, date, orderNumber, orderDate, ...person } = parsed.data;
  const access = await requireAccessForAction("movement.edit", { kind: "class", classId });
  if (!access.ok) return access;
  const row = validateRow(
    1,
    {
      lastName: person.lastName,
      firstName: person.firstName,
      middleName: person.middleName ?? "",
      birthDate: formatDate(person.birthDate),
      sex: person.sex === "MALE" ? "м" : person.sex === "FEMALE" ? "ж" : "",
      phone: person.phone ?? "",
      email: person.email ?? "",
    },
    todayIn(access.user.timeZone),
  );
  if (!row.data) {
    const errors: FieldErrors = {};
    for (const e of row.errors) {
      const column = IMPORT_COLUMNS.find((c) => e.startsWith(IMPORT_HEADERS[c])) ?? "_";
      (errors[column] ??= []).push(e);
    }
    return fail("INVALID_INPUT", row.errors[0], errors);
  }
  const existing = await existingStudents(access.user.organisationId, [row.data]);
  if (existing.some((s) => personKey(s) === personKey(row.data!)))
    return fail("CONFLICT", "Ученик с такими ФИО и датой рождения уже есть");
  const result = await importStudents(
    access.user.organisationId,
    access.user.id,
    { classId, date, orderNumber, orderDate },
    [row.data],
    await requestAddress(),
    "people.student.created",
  );
  if (!result.ok) return fail("INVALID_INPUT", result.message);
  revalidatePath(`/people/classes/${classId}`);
  const studentId = result.ids[0];
  return ok({ studentId, message: `Добавлен(а): ${row.data.lastName} ${row.data.firstName}` });
}
