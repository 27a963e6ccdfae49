// PRG-3 forms: submitting a timetable version (a note) and the director's decision (a comment
// required to return it). Russian messages for bad input (NFR-4).
import { z } from "zod";
import { multiLine } from "@/lib/schema";
import { idParam } from "../schema";

export const submitVersionForm = z.object({
  note: multiLine({ error: "Комментарий: ожидается текст" })
    .trim()
    .max(1000, { error: "Комментарий не длиннее 1000 символов" })
    .optional()
    .default(""),
});

export const approveVersionForm = z.object({ versionId: idParam });

export const returnVersionForm = z.object({
  versionId: idParam,
  comment: multiLine({ error: "Комментарий: ожидается текст" })
    .trim()
    .min(1, { error: "Укажите, что исправить: комментарий обязателен" })
    .max(2000, { error: "Комментарий не длиннее 2000 символов" }),
});
