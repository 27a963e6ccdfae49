// «Класс» / «Группа» → «Открыть» for the schedule's editing pages (a GET form: `?class=`); the word is the
// organisation's (DAY-6, round 23: it was «Класс / группа» for both).
import { Field, Select } from "@/components/ui/field";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { optionsOf } from "@/components/ui/options";
import { PickerForm } from "@/components/ui/picker-form";

export function ScheduleClassPicker({
  classes,
  classId,
  kind,
}: {
  classes: readonly { id: number; name: string }[];
  classId: number | null;
  kind?: OrgKindName;
}) {
  const v = vocabulary(kind ?? "SCHOOL");
  return (
    <PickerForm submitLabel="Открыть" label={`Выбор ${v.class.gen}`}>
      <Field label={cap(v.class.nom)}>
        <Select name="class" defaultValue={classId ?? ""} options={optionsOf(classes)} />
      </Field>
    </PickerForm>
  );
}
