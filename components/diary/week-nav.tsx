import Link from "next/link";
import type { DiaryChild } from "@/lib/diary/data";
import { addDays, isoDate } from "@/lib/diary/rules";
import { formatDate } from "@/lib/org/time";
import { weekEnd, type StudyDays } from "@/lib/schedule/week";

export function WeekNav({
  studentId,
  monday,
  students,
  studyDays,
}: {
  studentId: number;
  monday: Date;
  students: DiaryChild[];
  studyDays: StudyDays;
}) {
  const link = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {students.length > 1 && (
        <nav aria-label="Дети" className="mr-2 flex flex-wrap gap-1">
          {students.map((c) => (
            <Link
              key={c.studentId}
              href={`/diary/${c.studentId}?week=${isoDate(monday)}`}
              aria-current={c.studentId === studentId ? "page" : undefined}
              className={`rounded-full px-3 py-1 text-sm ${c.studentId === studentId ? "bg-blue-700 text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`}
            >
              {c.name}
            </Link>
          ))}
        </nav>
      )}
      <Link href={`/diary/${studentId}?week=${isoDate(addDays(monday, -7))}`} className={link}>
        ← Предыдущая неделя
      </Link>
      <span className="text-sm text-slate-600">
        {formatDate(monday)} — {formatDate(weekEnd(monday, studyDays))}
      </span>
      <Link href={`/diary/${studentId}?week=${isoDate(addDays(monday, 7))}`} className={link}>
        Следующая неделя →
      </Link>
      <Link href={`/diary/${studentId}`} className="text-sm text-blue-700 hover:underline">
        Текущая неделя
      </Link>
    </div>
  );
}
