// PLAN-5: planned vs given hours per class × subject (× subgroup), lagging rows flagged.
import { fmtHours, type FulfilmentLine } from "@/lib/plans/rules";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export function FulfilmentTable({ lines, kind = "SCHOOL" }: { lines: FulfilmentLine[]; kind?: OrgKindName }) {
  const v = vocabulary(kind);
  if (lines.length === 0) return <p className="text-sm text-slate-500">Нет данных учебного плана.</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm" aria-label="Выполнение программ">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="px-2 py-1 font-medium">{cap(v.class.nom)}</th>
            <th className="px-2 py-1 font-medium">Предмет</th>
            <th className="px-2 py-1 text-right font-medium">За год</th>
            <th className="px-2 py-1 text-right font-medium">План на дату</th>
            <th className="px-2 py-1 text-right font-medium">Дано</th>
            <th className="px-2 py-1 text-right font-medium">Разница</th>
            <th className="px-2 py-1 font-medium">Оценка</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr
              key={`${l.classId}:${l.subjectId}:${l.subgroupId ?? 0}`}
              className={`border-t border-slate-100 ${l.lagging ? "bg-red-50" : ""}`}
            >
              <td className="px-2 py-0.5">{l.className}</td>
              <td className="px-2 py-0.5">
                {l.subjectName}
                {l.subgroupName && <span className="text-slate-500"> ({l.subgroupName})</span>}
              </td>
              <td className="px-2 py-0.5 text-right tabular-nums">{fmtHours(l.yearHours)}</td>
              <td className="px-2 py-0.5 text-right tabular-nums">{fmtHours(l.planned)}</td>
              <td className="px-2 py-0.5 text-right tabular-nums">{fmtHours(l.given)}</td>
              <td className={`px-2 py-0.5 text-right tabular-nums ${l.difference < 0 ? "text-red-700" : ""}`}>
                {l.difference > 0 ? "+" : l.difference < 0 ? "−" : ""}
                {fmtHours(Math.abs(l.difference))}
              </td>
              <td className="px-2 py-0.5">
                {l.lagging ? <span className="font-medium text-red-700">отстаёт</span> : "в норме"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
