// The plan's topics read-only (submitted and approved plans, and for viewers).
import { fmtHours } from "@/lib/plans/rules";
import type { EditableTopic } from "./topic-editor";

export function TopicTable({ topics }: { topics: (EditableTopic & { id: number; position: number })[] }) {
  if (topics.length === 0) return <p className="text-sm text-slate-500">В плане нет тем.</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm" aria-label="Темы плана">
        <thead className="bg-slate-100 text-left">
          <tr>
            {["№", "Тема", "Часы", "КЭС", "Тип урока", "Вид контроля", "Домашнее задание"].map((h) => (
              <th key={h} className="px-2 py-1 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {topics.map((t) => (
            <tr key={t.id} className="border-t border-slate-100 align-top">
              <td className="px-2 py-0.5 tabular-nums">{t.position}</td>
              <td className="px-2 py-0.5">{t.title}</td>
              <td className="px-2 py-0.5 tabular-nums">{fmtHours(t.hours)}</td>
              <td className="px-2 py-0.5">{t.kesCodes}</td>
              <td className="px-2 py-0.5">{t.lessonType}</td>
              <td className="px-2 py-0.5">{t.controlKind}</td>
              <td className="px-2 py-0.5">{t.homework}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
