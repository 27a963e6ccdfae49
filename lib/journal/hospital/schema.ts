// Input of hospital marks (REC-6, seed 001 §5.6): the certificate and the marks taken from it.
import { z } from "zod";
import { dateField } from "@/lib/people/schema";

const id = z.coerce
  .number({ error: "Неверный идентификатор" })
  .int({ error: "Неверный идентификатор" })
  .positive({ error: "Неверный идентификатор" })
  .max(2_147_483_647, { error: "Неверный идентификатор" });

const bothDates = (v: { stayFrom: unknown; stayTo: unknown }) => v.stayFrom instanceof Date && v.stayTo instanceof Date;

export const certificateSchema = z
  .object({
    studentId: id,
    number: z
      .string({ error: "Укажите номер справки" })
      .trim()
      .min(1, { error: "Укажите номер справки" })
      .max(40, { error: "Номер справки — не длиннее 40 символов" }),
    issuedOn: dateField("дата справки"),
    stayFrom: dateField("начало пребывания"),
    stayTo: dateField("окончание пребывания"),
    institution: z
      .string()
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

/** The marks typed against the lessons of the stay: `m:<lessonId>` → «5», «4б», «з» (empty: none). */
export function markEntries(data: FormData): { lessonId: number; input: string }[] | null {
  const out: { lessonId: number; input: string }[] = [];
  for (const [key, value] of data.entries()) {
    const m = /^m:(\d{1,9})$/.exec(key);
    if (!m) continue;
    if (typeof value !== "string" || value.length > 10) return null;
    if (value.trim() === "") continue;
    out.push({ lessonId: Number(m[1]), input: value });
  }
  return out.length > 200 ? null : out;
}
