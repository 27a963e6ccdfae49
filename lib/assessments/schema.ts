// PRG-4 inputs: publishing a class's schedule for a period; the printable file's query (a class
// for the staff, a student for the family's diary). Russian messages (NFR-4).
import { z } from "zod";
import { idOf, optionalIdOf } from "@/lib/schema";

export const publishForm = z.object({
  classId: idOf("Класс: выберите из списка"),
  periodId: idOf("Период: выберите из списка"),
});

export const fileQuery = z
  .object({
    format: z.enum(["pdf", "xlsx"], { error: "Формат: pdf или xlsx" }),
    classId: optionalIdOf("Класс: неверный идентификатор"),
    studentId: optionalIdOf("Обучающийся: неверный идентификатор"),
    periodId: optionalIdOf("Период: неверный идентификатор"),
  })
  .refine((q) => (q.classId === undefined) !== (q.studentId === undefined), {
    message: "Укажите класс или обучающегося",
  });
