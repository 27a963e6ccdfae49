// The schedule area's own menu: each link only for those who hold its permission (pages check again).
import Link from "@/components/ui/link";
import { getCurrentUser } from "@/lib/auth/session";
import { cap, vocabulary } from "@/lib/org/vocabulary";

const TABS = [
  { href: "/schedule", label: "Неделя", permission: ["schedule.viewAll", "schedule.viewOwn"] },
  { href: "/schedule/edit", label: "Составление", permission: ["schedule.edit"] },
  { href: "/schedule/changes", label: "Изменения и замены", permission: ["schedule.edit"] },
  { href: "/schedule/approval", label: "Утверждение", permission: ["schedule.edit", "timetable.approve"] },
  { href: "/schedule/lessons", label: "Уроки журнала", permission: ["schedule.edit"] },
  { href: "/schedule/setup", label: "Звонки и кабинеты", permission: ["schedule.edit"] },
  { href: "/schedule/events", label: "Мероприятия", permission: ["events.school", "events.class"] },
  // DAY-6: the label is the organisation's word (vocabulary().examSeason).
  { href: "/schedule/exams", label: "", permission: ["schedule.viewAll", "schedule.viewOwn"] },
  { href: "/schedule/feed", label: "Календарь (ICS)", permission: ["schedule.viewOwn"] },
] as const;

export async function ScheduleTabs({ held, current }: { held: { has(permission: string): boolean }; current: string }) {
  const user = await getCurrentUser();
  const v = vocabulary(user?.orgKind ?? "SCHOOL");
  const examSeason = v.examSeason;
  return (
    <nav aria-label="Разделы расписания" className="flex flex-wrap gap-2 border-b border-slate-200 pb-2 text-sm">
      {TABS.filter((t) => t.permission.some((p) => held.has(p))).map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === current ? "page" : undefined}
          className={`rounded px-2 py-1 ${t.href === current ? "bg-blue-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {t.href === "/schedule/exams"
            ? examSeason
            : t.href === "/schedule/lessons"
              ? `${cap(v.lesson.nomPl)} журнала`
              : t.label}
        </Link>
      ))}
    </nav>
  );
}
