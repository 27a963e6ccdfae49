// The import form's order fields (PPL-5): target class, admission date, order number and date.
import { z } from "zod";
import { briefFieldsSchema, dateField, requiredText } from "../schema";
import { idOf } from "@/lib/schema";

export const importOrderSchema = z.object({
  classId: idOf("Выберите класс или группу"),
  date: dateField("дата зачисления"),
  orderNumber: requiredText("номер приказа", 40),
  orderDate: dateField("дата приказа"),
});

/** DAY-11: one student added by hand — the same order fields as an import, and the card's brief fields. */
export const addStudentSchema = importOrderSchema.extend(
  briefFieldsSchema.pick({
    lastName: true,
    firstName: true,
    middleName: true,
    birthDate: true,
    sex: true,
    phone: true,
    email: true,
  }).shape,
);
