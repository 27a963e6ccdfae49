// Input of hospital marks (REC-6, seed 001 §5.6): the certificate and the marks taken from it.
import { z } from "zod";
import { dateField } from "@/lib/people/schema";
import { singleLine, idOf } from "@/lib/schema";

const id = idOf("Неверный идентификатор");

const bothDates = (v: { stayFrom: unknown; stayTo: unknown }) => v.stayFrom instanceof Date && v.stayTo instanceof Date;

export const certificateSchema = z
  .object({
    studentId: id,
    number: singleLine({ error: "Укажите номер справки" })
      .trim()
      .min(1, { error: "Укажите номер справки" })
      .max(40, { error: "Номер справки — не длиннее 40 символов" }),
    issuedOn: dateField("дата справки"),
    stayFrom: dateField("начало пребывания"),
    stayTo: dateField("окончание пребывания"),
    institution: singleLine()
      .trim()
      .max(200, { error: "Учреждение — не длиннее 200 символов" })
      .optional()
      .transform((v) => v || null),
  })
  // zod 4 runs object refinements even when a field failed: compare only real dates.
  .refine((v) => !bothDates(v) || v.stayFrom.getTime() <= v.stayTo.getTime(), {
    error: "Начало пребывания позже окончания",
    path: ["stayTo"],
  })
  .refine((v) => !bothDates(v) || v.stayTo.getTime() - v.stayFrom.getTime() <= 366 * 86_400_000, {
    error: "Пребывание — не дольше года",
    path: ["stayTo"],
  })
  .refine((v) => !(v.issuedOn instanceof Date && bothDates(v)) || v.issuedOn.getTime() >= v.stayFrom.getTime(), {
    error: "Справка выдана раньше начала пребывания",
    path: ["issuedOn"],
  });

export type CertificateInput = z.output<typeof certificateSchema>;

const markInput = singleLine().max(10, { error: "Отметка — не длиннее 10 символов" });

/**
 * The marks typed against the lessons of the stay: `m:<lessonId>` → «5», «4б», «з» (empty: none).
 * A typed mark is text a user sends (SEC-3): a control or bidi character in it is refused by name.
 */
export function markEntries(
  data: FormData,
): { ok: true; entries: { lessonId: number; input: string }[] } | { ok: false; message: string } {
  const entries: { lessonId: number; input: string }[] = [];
  for (const [key, value] of data.entries()) {
    const m = /^m:(\d{1,9})$/.exec(key);
    if (!m) continue;
    if (typeof value !== "string") return { ok: false, message: "Проверьте введённые данные" };
    const input = markInput.safeParse(value);
    if (!input.success) return { ok: false, message: input.error.issues[0]?.message ?? "Проверьте введённые данные" };
    if (input.data.trim() === "") continue;
    entries.push({ lessonId: Number(m[1]), input: input.data });
  }
  return entries.length > 200 ? { ok: false, message: "Слишком много отметок за раз" } : { ok: true, entries };
}
