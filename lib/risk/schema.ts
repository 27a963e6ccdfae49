// «Сообщить родителям» (DUT-5) input, with Russian messages (NFR-4).
import { z } from "zod";
import { idOf, multiLine } from "@/lib/schema";

const id = idOf("Неверный номер");

export const riskNotify = z.object({
  classId: id,
  studentIds: z
    .array(id, { error: "Отметьте учеников" })
    .min(1, "Отметьте хотя бы одного ученика")
    .max(60, "Не больше 60 учеников за раз"),
  // SEC-3: a multi-line text — line breaks allowed, control and bidi characters refused.
  text: multiLine({ error: "Введите текст сообщения" })
    .trim()
    .min(20, "Текст сообщения: не короче 20 символов")
    .max(5000, "Текст сообщения: не длиннее 5000 символов"),
});
export type RiskNotify = z.infer<typeof riskNotify>;
