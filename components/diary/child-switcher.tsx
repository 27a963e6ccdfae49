// DAY-4: the one child switcher of the diary (every diary page): a parent's children as plain links
// that keep what the page shows (the day, the view); nothing when there is only one child. The links open
// on the client through ONE SoftNav (issue 22 item 5).
import type { DiaryChild } from "@/lib/diary/data";
import { SoftNav } from "@/components/ui/soft-nav";

export function ChildSwitcher({
  students,
  current,
  path = "",
  query = "",
}: {
  students: DiaryChild[];
  current: number;
  /** The diary page under /diary/<id>: "" (the week), "/marks". */
  path?: string;
  /** What the switch keeps, e.g. `day=2026-12-07` (no leading «?»). */
  query?: string;
}) {
  if (students.length < 2) return null;
  return (
    <SoftNav aria-label="Дети" className="flex flex-wrap gap-1">
      {students.map((c) => (
        <a
          key={c.studentId}
          aria-current={c.studentId === current ? "page" : undefined}
          className={`rounded-full px-3 py-1 text-sm ${c.studentId === current ? "bg-blue-700 text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`}
          href={`/diary/${c.studentId}${path}${query ? `?${query}` : ""}`}
        >
          {c.name}
        </a>
      ))}
    </SoftNav>
  );
}
