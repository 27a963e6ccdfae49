// The «Решения педсовета» form (REC-4): the batch's protocol and order, and one decision (with the
// day of leaving for «выбыл») per student as `decision_<id>` / `date_<id>`. Russian messages (NFR-4).
import { z } from "zod";
import { dateField, idSchema, optionalDate, optionalText, requiredText } from "@/lib/people/schema";
import { DECISION_KINDS, type SubmittedRow } from "./rules";

export const batchSchema = z
  .object({
    yearId: idSchema,
    classId: idSchema,
    protocolNumber: requiredText("номер протокола педсовета", 40),
    protocolDate: dateField("дата протокола"),
    orderNumber: optionalText(40),
    orderDate: optionalDate(),
  })
  .refine((b) => (b.orderNumber === null) === (b.orderDate === null), {
    message: "Укажите номер и дату приказа вместе",
    path: ["orderNumber"],
  });

const rowSchema = z.object({
  studentId: idSchema,
  decision: z.enum(DECISION_KINDS, { error: "Выберите решение из списка" }),
  date: optionalDate(),
});

const MAX_ROWS = 200;

/** The per-student rows of the form; a row left «—» is not part of the batch. */
export function parseRows(form: FormData): { ok: true; rows: SubmittedRow[] } | { ok: false; message: string } {
  const rows: SubmittedRow[] = [];
  for (const [key, value] of form.entries()) {
    const m = /^decision_(\d{1,10})$/.exec(key);
    if (!m || typeof value !== "string" || value === "") continue;
    const date = form.get(`date_${m[1]}`);
    const parsed = rowSchema.safeParse({
      studentId: m[1],
      decision: value,
      date: typeof date === "string" ? date : undefined,
    });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Неверная строка" };
    rows.push(parsed.data);
    if (rows.length > MAX_ROWS) return { ok: false, message: "Слишком много строк" };
  }
  if (rows.length === 0) return { ok: false, message: "Не выбрано ни одного решения" };
  return { ok: true, rows };
}
