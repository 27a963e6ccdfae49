// PLAN-5: planned vs given hours per class × subject (× subgroup), lagging rows flagged; PRG-1: beside
// them the approved work programme's hours and the КТП's, per section under «по разделам».
import { fmtHours, type FulfilmentLine, type ProgrammeComparison } from "@/lib/plans/rules";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export function FulfilmentTable({
  lines,
  kind = "SCHOOL",
  comparisons = new Map(),
}: {
  lines: FulfilmentLine[];
  kind?: OrgKindName;
  /** PRG-1: the work programme compared with, per `${classId}:${subjectId}`. */
  comparisons?: ReadonlyMap<string, ProgrammeComparison>;
}) {
  const v = vocabulary(kind);
  if (lines.length === 0) return <p className="text-sm text-slate-500">Нет данных учебного плана.</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      {/* The cells' classes are declared once on the table (ROWS): 656 rows × 9 cells carried them in the HTML and
          again in the RSC payload (issue 22). Columns 3–8 are numbers. */}
      <table className={`w-full text-sm ${ROWS}`} aria-label="Выполнение программ">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="px-2 py-1 font-medium">{cap(v.class.nom)}</th>
            <th className="px-2 py-1 font-medium">Предмет</th>
            <th className="px-2 py-1 text-right font-medium">За год</th>
            <th className="px-2 py-1 text-right font-medium">По программе</th>
            <th className="px-2 py-1 text-right font-medium">В КТП</th>
            <th className="px-2 py-1 text-right font-medium">План на дату</th>
            <th className="px-2 py-1 text-right font-medium">Дано</th>
            <th className="px-2 py-1 text-right font-medium">Разница</th>
            <th className="px-2 py-1 font-medium">Оценка</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const p = comparisons.get(`${l.classId}:${l.subjectId}`);
            return (
              <tr
                key={`${l.classId}:${l.subjectId}:${l.subgroupId ?? 0}`}
                className={l.lagging ? "bg-red-50" : undefined}
              >
                <td>{l.className}</td>
                <td>
                  {l.subjectName}
                  {l.subgroupName && <span className="text-slate-500"> ({l.subgroupName})</span>}
                  {p && <ProgrammeSections comparison={p} />}
                </td>
                <td>{fmtHours(l.yearHours)}</td>
                <td>{p ? fmtHours(p.programmeHours) : "—"}</td>
                <td
                  className={p?.mismatch ? "font-medium text-amber-800" : undefined}
                  title={p?.mismatch ? "Часы КТП не совпадают с рабочей программой" : undefined}
                >
                  {p ? (p.ktpHours === null ? "нет КТП" : fmtHours(p.ktpHours)) : "—"}
                </td>
                <td>{fmtHours(l.planned)}</td>
                <td>{fmtHours(l.given)}</td>
                <td className={l.difference < 0 ? "text-red-700" : undefined}>
                  {l.difference > 0 ? "+" : l.difference < 0 ? "−" : ""}
                  {fmtHours(Math.abs(l.difference))}
                </td>
                <td>{l.lagging ? <span className="font-medium text-red-700">отстаёт</span> : "в норме"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Every body row and cell of the table (the nested sections' tables are not direct children). */
const ROWS =
  "[&>tbody>tr]:border-t [&>tbody>tr]:border-slate-100 [&>tbody>tr>td]:px-2 [&>tbody>tr>td]:py-0.5 " +
  "[&>tbody>tr>td:nth-child(n+3):nth-child(-n+8)]:text-right [&>tbody>tr>td:nth-child(n+3):nth-child(-n+8)]:tabular-nums";

/** The programme's sections: hours by the programme, in the КТП and given to date. */
function ProgrammeSections({ comparison: p }: { comparison: ProgrammeComparison }) {
  return (
    <details className="mt-0.5 text-xs">
      <summary className="cursor-pointer text-blue-700">по разделам программы</summary>
      <p className="text-slate-500">«{p.programmeTitle}»</p>
      <table className="mt-1" aria-label={`Разделы программы «${p.programmeTitle}»`}>
        <thead>
          <tr className="text-left text-slate-500">
            <th className="pr-2 font-normal">Раздел</th>
            <th className="pr-2 text-right font-normal">Программа</th>
            <th className="pr-2 text-right font-normal">КТП</th>
            <th className="text-right font-normal">Дано</th>
          </tr>
        </thead>
        <tbody>
          {p.sections.map((s) => (
            <tr key={s.title}>
              <td className="pr-2">{s.title}</td>
              <td className="pr-2 text-right tabular-nums">{s.programme === null ? "—" : fmtHours(s.programme)}</td>
              <td
                className={`pr-2 text-right tabular-nums ${s.programme !== null && s.ktp !== s.programme ? "text-amber-800" : ""}`}
              >
                {fmtHours(s.ktp)}
              </td>
              <td className="text-right tabular-nums">{fmtHours(s.given)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
