// Picking a class, a teacher or a room for the week view: one picker form each (no script needed).
import type { ViewPickers } from "@/lib/schedule/view/data";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { Field, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { PickerForm } from "@/components/ui/picker-form";

type Props = { pickers: ViewPickers; week: string; selected: { kind: string; id: number }; college?: boolean };

export function ViewPicker({ pickers, week, selected, college = false }: Props) {
  const v = vocabulary(college);
  const groups = [
    { name: "class", label: cap(v.class.nom), options: pickers.classes },
    { name: "teacher", label: cap(v.teacher.nom), options: pickers.teachers },
    { name: "room", label: "Кабинет", options: pickers.rooms },
  ] as const;
  return (
    <div className="flex flex-wrap items-end gap-4">
      {groups.map((g) => (
        <PickerForm key={g.name} action="/schedule" label={`Расписание: ${g.label}`} size="sm">
          <input type="hidden" name="week" value={week} />
          <Field label={g.label} name={g.name}>
            <Select
              defaultValue={selected.kind === g.name ? String(selected.id) : ""}
              placeholder="—"
              placeholderDisabled
              options={optionsOf(g.options)}
            />
          </Field>
        </PickerForm>
      ))}
    </div>
  );
}
