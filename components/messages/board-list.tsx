// «Доска объявлений» (MSG-3): dates shown (from, the last day shown), audience, author; timetable changes
// posted by the schedule are marked. Text is React text with line breaks kept.
import type { BoardItem } from "@/lib/messages/data";
import { roleLabel } from "@/lib/access/roles";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { formatDate, formatDateTime, todayIn } from "@/lib/org/time";
import { DeleteAnnouncement } from "./delete-announcement";

// DAY-6: «для роли «Преподаватель»», «для группы» at a college.
function audienceLabel(a: BoardItem, kind: OrgKindName): string {
  if (a.audience === "ROLE" && a.role) return `для роли «${roleLabel(a.role, kind)}»`;
  if (a.audience === "CLASS") return `для ${a.className ?? vocabulary(kind).class.gen}`;
  return "для всех";
}

export function BoardList({
  items,
  now,
  timeZone,
  canRemoveAny,
  kind = "SCHOOL",
}: {
  items: BoardItem[];
  now: Date;
  timeZone: string;
  canRemoveAny: boolean;
  kind?: OrgKindName;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-500">Объявлений нет.</p>;
  return (
    <ul className="space-y-3">
      {items.map((a) => (
        <li key={a.id} className="rounded border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-baseline gap-2">
            <h2 className="font-semibold break-words">{a.title}</h2>
            {a.source === "schedule" && (
              <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">Изменение расписания</span>
            )}
            {a.startsAt > now && <span className="rounded bg-slate-100 px-1.5 text-xs">ещё не показывается</span>}
          </div>
          <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-800">{a.body}</p>
          {/* DAY-12: a <div>, not a <p> — the «Снять» form inside a <p> is invalid HTML, the browser
              splits it and hydration fails (#418) for everyone who may remove an announcement */}
          <div className="mt-2 text-xs text-slate-500">
            {formatDateTime(a.startsAt, timeZone)}
            {a.expiresAt && <> · по {formatDate(todayIn(timeZone, new Date(a.expiresAt.getTime() - 1)))}</>} ·{" "}
            {a.authorName} · {audienceLabel(a, kind)}
            {(a.mine || canRemoveAny) && (
              <>
                {" · "}
                <DeleteAnnouncement id={a.id} />
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
