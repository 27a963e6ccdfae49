// «Класс / группа» → «Открыть» for the schedule's editing pages (a GET form: `?class=`).
import { Field, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { PickerForm } from "@/components/ui/picker-form";

export function ScheduleClassPicker({
  classes,
  classId,
}: {
  classes: readonly { id: number; name: string }[];
  classId: number | null;
}) {
  return (
    <PickerForm submitLabel="Открыть" label="Класс">
      <Field label="Класс / группа">
        <Select name="class" defaultValue={classId ?? ""} options={optionsOf(classes)} />
      </Field>
    </PickerForm>
  );
}
