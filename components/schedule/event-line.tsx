// One event (SCH-1) as a line of a list: title, start, place, for whom, description — the events
// page and the week's timetable show it alike.
import type { WeekEvent } from "@/lib/schedule/view/data";
import { formatDateTime } from "@/lib/org/time";
import { vocabulary, wholeOrganisation, type OrgKindName } from "@/lib/org/vocabulary";

/** `kind`: DAY-6 (issue 22 round 24) — a college's event is «для всего колледжа». */
export function EventLine({
  event: e,
  timeZone,
  kind = "SCHOOL",
}: {
  event: WeekEvent;
  timeZone: string;
  kind?: OrgKindName;
}) {
  return (
    <li>
      <span className="font-medium">{e.title}</span> — {formatDateTime(e.startsAt, timeZone)}
      {e.place ? `, ${e.place}` : ""}
      {e.className ? ` · для ${e.className}` : ` · для ${wholeOrganisation(vocabulary(kind), true)}`}
      {e.description ? <span className="block text-slate-600">{e.description}</span> : null}
    </li>
  );
}
