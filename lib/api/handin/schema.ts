// /api/v1 homework hand-in (LRN-1): the family reads each homework that asks for a hand-in with its
// state, the hand-in, the teacher's comment and mark; the student hands in as JSON (files base64).
import { z } from "zod";
import { multiLine } from "@/lib/schema";
import { HANDIN_TEXT_MAX } from "@/lib/learning/handin/schema";
import { MAX_FILES_PER_ITEM } from "@/lib/storage/rules";
import { fileSchema, id, isoDay, isoInstant, personRef, weekSchema } from "../schema";

export const handinStateSchema = z.enum(["waiting", "missing", "submitted", "late", "reviewed", "returned"]).meta({
  description:
    "waiting — ожидается, missing — не сдано (срок прошёл), submitted — сдано, late — сдано с опозданием, reviewed — проверено, returned — возвращено на доработку",
});

export const handinSchema = z.object({
  homeworkId: id,
  lessonId: id,
  lessonDate: isoDay,
  subjectName: z.string(),
  text: z.string().meta({ description: "Текст домашнего задания" }),
  dueAt: isoInstant.nullable().meta({ description: "Срок сдачи (момент времени)" }),
  state: handinStateSchema,
  stateLabel: z.string(),
  submission: z
    .object({
      submittedAt: isoInstant,
      isLate: z.boolean(),
      attempts: z.int().min(1),
      text: z.string().nullable(),
      files: z.array(fileSchema),
      reviewComment: z.string().nullable(),
      reviewedAt: isoInstant.nullable(),
    })
    .nullable(),
  mark: z
    .object({ label: z.string(), comment: z.string().nullable() })
    .nullable()
    .meta({ description: "Отметка за работу в журнале (если выставлена)" }),
});

export const handinListSchema = z.object({ student: personRef, week: weekSchema, items: z.array(handinSchema) });

export const handinBodySchema = z.object({
  text: multiLine()
    .max(HANDIN_TEXT_MAX, `Текст работы — не длиннее ${HANDIN_TEXT_MAX} символов`)
    .optional()
    .meta({ description: "Текст работы" }),
  files: z
    .array(
      z.object({
        fileName: z.string().min(1, "Имя файла пусто").max(200, "Имя файла — не длиннее 200 символов"),
        mimeType: z.string().max(200).optional(),
        contentBase64: z
          .string()
          .max(14_000_000, "Файл больше 10 МБ")
          .regex(/^[A-Za-z0-9+/=\r\n]*$/, "Содержимое файла — не base64")
          .meta({ description: "Содержимое файла в base64 (до 10 МБ)" }),
      }),
    )
    .max(MAX_FILES_PER_ITEM, `Не больше ${MAX_FILES_PER_ITEM} файлов`)
    .optional()
    .meta({ description: `Фото и файлы работы — до ${MAX_FILES_PER_ITEM} файлов по 10 МБ; заменяют сданные ранее` }),
});
