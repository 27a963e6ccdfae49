// Picking a class, a teacher or a room for the week view (a plain GET form, no script needed).
import type { ViewPickers } from "@/lib/schedule/view/data";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

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
        <form key={g.name} method="get" action="/schedule" className="flex items-end gap-1 text-sm">
          <input type="hidden" name="week" value={week} />
          <label className="flex flex-col">
            <span className="text-xs text-slate-500">{g.label}</span>
            <Select name={g.name} defaultValue={selected.kind === g.name ? String(selected.id) : ""}>
              <option value="" disabled>
                —
              </option>
              {g.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </label>
          <Button variant="secondary" size="sm" type="submit">
            Показать
          </Button>
        </form>
      ))}
    </div>
  );
}
