// PPL-3: the order of a movement (номер и дата приказа) — the same two fields when one student is
// added, when a list is imported and in the year transition (ORG-3, PPL-4); with the admission's
// date before them for an enrolment.
import { DateInput, Field, Input } from "@/components/ui/field";

/** An order's number and date, both required, the date today by default. */
export function OrderFields({ today, numberLabel = "Номер приказа" }: { today: string; numberLabel?: string }) {
  return (
    <>
      <Field label={numberLabel} name="orderNumber" required>
        <Input />
      </Field>
      <Field label="Дата приказа" name="orderDate" required>
        <DateInput defaultValue={today} />
      </Field>
    </>
  );
}

export function EnrolmentOrderFields({ today }: { today: string }) {
  return (
    <>
      <Field label="Дата зачисления" name="date" required>
        <DateInput defaultValue={today} />
      </Field>
      <OrderFields today={today} />
    </>
  );
}
