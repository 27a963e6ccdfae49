// One event (SCH-1) as a line of a list: title, start, place, for whom, description — the events
// page and the week's timetable show it alike.
import type { WeekEvent } from "@/lib/schedule/view/data";
import { formatDateTime } from "@/lib/org/time";

export function EventLine({ event: e, timeZone }: { event: WeekEvent; timeZone: string }) {
  return (
    <li>
      <span className="font-medium">{e.title}</span> — {formatDateTime(e.startsAt, timeZone)}
      {e.place ? `, ${e.place}` : ""}
      {e.className ? ` · для ${e.className}` : " · для всей школы"}
      {e.description ? <span className="block text-slate-600">{e.description}</span> : null}
    </li>
  );
}
