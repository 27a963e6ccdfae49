import Link from "next/link";
import type { DayLesson } from "@/lib/schedule/data";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

/** `linkJournal`: the teacher's own lessons open their journal (the journal page checks access again). */
export function LessonsTable({
  lessons,
  showClass,
  linkJournal = false,
  kind = "SCHOOL",
}: {
  lessons: DayLesson[];
  showClass: boolean;
  linkJournal?: boolean;
  /** DAY-6: the organisation's words (группа, дисциплина, занятий at a college). */
  kind?: OrgKindName;
}) {
  const v = vocabulary(kind);
  if (lessons.length === 0) return <p className="text-sm text-slate-500">{cap(v.lesson.genPl)} нет.</p>;
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="border-b text-left text-slate-500">
          <th className="py-1 pr-2 font-normal">№</th>
          <th className="py-1 pr-2 font-normal">Время</th>
          {showClass && <th className="py-1 pr-2 font-normal">{cap(v.class.nom)}</th>}
          <th className="py-1 pr-2 font-normal">{cap(v.subject.nom)}</th>
          <th className="py-1 pr-2 font-normal">Кабинет</th>
          <th className="py-1 font-normal">Тема</th>
        </tr>
      </thead>
      <tbody>
        {lessons.map((l) => (
          <tr key={l.id} className={`border-b border-slate-100 ${l.cancelled ? "text-slate-400 line-through" : ""}`}>
            <td className="py-1 pr-2">{l.bellNumber}</td>
            <td className="py-1 pr-2 tabular-nums">{l.startTime ?? "—"}</td>
            {showClass && <td className="py-1 pr-2">{l.className}</td>}
            <td className="py-1 pr-2">
              {linkJournal ? (
                <Link href={l.journalHref} className="text-blue-700 hover:underline">
                  {l.subjectName}
                </Link>
              ) : (
                l.subjectName
              )}
              {l.substituted && <span className="ml-1 text-xs text-amber-700">(замена)</span>}
            </td>
            <td className="py-1 pr-2">{l.roomName ?? "—"}</td>
            <td className="py-1 text-slate-600">{l.topic ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
