// Picking a class, a teacher or a room for the week view (a plain GET form, no script needed).
import type { ViewPickers } from "@/lib/schedule/view/data";

type Props = { pickers: ViewPickers; week: string; selected: { kind: string; id: number } };

export function ViewPicker({ pickers, week, selected }: Props) {
  const groups = [
    { name: "class", label: "Класс", options: pickers.classes },
    { name: "teacher", label: "Учитель", options: pickers.teachers },
    { name: "room", label: "Кабинет", options: pickers.rooms },
  ] as const;
  return (
    <div className="flex flex-wrap items-end gap-4">
      {groups.map((g) => (
        <form key={g.name} method="get" action="/schedule" className="flex items-end gap-1 text-sm">
          <input type="hidden" name="week" value={week} />
          <label className="flex flex-col">
            <span className="text-xs text-slate-500">{g.label}</span>
            <select
              name={g.name}
              defaultValue={selected.kind === g.name ? String(selected.id) : ""}
              className="rounded border border-slate-300 px-1 py-0.5"
            >
              <option value="" disabled>
                —
              </option>
              {g.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">
            Показать
          </button>
        </form>
      ))}
    </div>
  );
}
