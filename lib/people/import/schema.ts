// The import form's order fields (PPL-5): target class, admission date, order number and date.
import { z } from "zod";
import { dateField, requiredText } from "../schema";

export const importOrderSchema = z.object({
  classId: z.coerce
    .number({ error: "Выберите класс" })
    .int("Выберите класс")
    .positive("Выберите класс")
    .max(2_147_483_647, "Выберите класс"),
  date: dateField("дата зачисления"),
  orderNumber: requiredText("номер приказа", 40),
  orderDate: dateField("дата приказа"),
});
