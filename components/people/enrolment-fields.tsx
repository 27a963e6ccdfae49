// PPL-3: the admission's date and order (номер и дата приказа) — the same three fields when one
// student is added and when a list is imported.
import { DateInput, Field, Input } from "@/components/ui/field";

export function EnrolmentOrderFields({ today }: { today: string }) {
  return (
    <>
      <Field label="Дата зачисления" name="date" required>
        <DateInput defaultValue={today} />
      </Field>
      <Field label="Номер приказа" name="orderNumber" required>
        <Input />
      </Field>
      <Field label="Дата приказа" name="orderDate" required>
        <DateInput defaultValue={today} />
      </Field>
    </>
  );
}
