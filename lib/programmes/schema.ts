// PRG-1 forms: a new work programme, its sections' text, the workflow and the deputy's decision,
// a КТП from an approved programme. Russian messages (NFR-4); text through lib/schema (SEC-3).
import { z } from "zod";
import { multiLine, singleLine, idOf } from "@/lib/schema";
import { PROGRAMME_KINDS } from "./rules";

const id = idOf("Выберите значение");

export const createProgrammeForm = z.object({
  subjectId: id,
  kind: z.enum(PROGRAMME_KINDS, { error: "Выберите вид программы" }).optional().default("SUBJECT"),
  grade: z
    .union([z.literal(""), z.coerce.number().int().min(1).max(11)], {
      error: "Класс (параллель) или курс: число от 1 до 11",
    })
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  specialty: singleLine({ error: "Специальность: ожидается текст" })
    .trim()
    .max(200, { error: "Специальность не длиннее 200 символов" })
    .optional()
    .transform((v) => v || null),
  title: singleLine({ error: "Название: обязательно" })
    .trim()
    .min(1, { error: "Название: обязательно" })
    .max(300, { error: "Название не длиннее 300 символов" }),
});
export type NewProgramme = z.infer<typeof createProgrammeForm>;

export const sectionsForm = z.object({
  programmeId: id,
  sections: multiLine({ error: "Разделы: ожидается текст" }).max(50_000, { error: "Слишком длинный текст разделов" }),
});

export const programmeStepForm = z.object({
  programmeId: id,
  step: z.enum(["submit", "reopen"], { error: "Неизвестный шаг" }),
});

export const programmeReviewForm = z
  .object({
    programmeId: id,
    decision: z.enum(["approve", "return"], { error: "Выберите решение" }),
    comment: multiLine({ error: "Комментарий: ожидается текст" })
      .trim()
      .max(2000, { error: "Комментарий не длиннее 2000 символов" })
      .optional()
      .default(""),
  })
  .refine((v) => v.decision === "approve" || v.comment.length > 0, {
    error: "При возврате на доработку укажите комментарий",
    path: ["comment"],
  });

export const ktpFromProgrammeForm = z.object({ programmeId: id, loadId: id });
