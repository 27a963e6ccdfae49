// What a binding did (PLAN-3): lessons changed, homework added, and the teacher's own topics kept.
import { formatDate } from "@/lib/org/time";
import type { BindReport } from "@/lib/plans/binding";

export function BindReportText({ report }: { report: BindReport }) {
  return (
    <div className="text-sm text-slate-700">
      <p>
        Уроков изменено: {report.changed}; домашних заданий добавлено: {report.homework}.
      </p>
      {report.locked && report.locked.length > 0 && (
        <p className="mt-1 text-slate-600">
          Не изменены уроки закрытого периода или года ({report.locked.length}): {report.locked[0].reason}.
        </p>
      )}
      {report.keptTyped.length > 0 && (
        <div className="mt-1 text-amber-900">
          <p>Оставлены темы, введённые учителем ({report.keptTyped.length}):</p>
          <ul className="list-disc pl-5">
            {report.keptTyped.slice(0, 20).map((k) => (
              <li key={k.lessonId}>
                {formatDate(new Date(k.date))}: {k.topic}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
