// Named items (`{ id, name }`: classes, subjects, teachers, rooms) as a select's options. Server-safe
// (not a client module), so a server page can build the options it passes to the kit's Select.
import type { Option } from "./field";

export function optionsOf(items: readonly { id: number | string; name: string }[]): Option[] {
  return items.map((i) => ({ value: i.id, label: i.name }));
}
