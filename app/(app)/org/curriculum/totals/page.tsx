// «Итоги учебного плана» (ORG-6): hours per class × period with totals per class and per period,
// one class's hours per subject × period, and the comparison with тарификация (gaps flagged).
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadCurriculumOverview, type PeriodColumn } from "@/lib/org/curriculum/loaders";
import { LOAD_STATUS_LABELS, type CurriculumGrid } from "@/lib/org/curriculum/rules";
import { ClassPicker } from "@/components/org/class-picker";
import { formatNumber } from "@/lib/org/vocabulary";
import { idSchema } from "@/lib/schema";

export const metadata: Metadata = { title: "Итоги учебного плана" };

const search = z.object({ classId: idSchema.optional() });
const hours = (n: number | undefined) => (n === undefined ? "—" : formatNumber(n));

function GridTable({
  caption,
  first,
  grid,
  columns,
  rows,
}: {
  caption: string;
  first: string;
  grid: CurriculumGrid;
  columns: PeriodColumn[];
  rows: { id: number; name: string }[];
}) {
  return (
    <table className="w-full rounded border border-slate-200 bg-white text-sm">
      <caption className="p-2 text-left font-semibold">{caption}</caption>
      <thead className="bg-slate-50 text-left text-xs text-slate-500">
        <tr>
          <th className="px-2">{first}</th>
          {columns.map((c) => (
            <th key={c.key} className="text-right">
              {c.label}
            </th>
          ))}
          <th className="px-2 text-right">Итого</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const row = grid.rows.get(r.id);
          return (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="px-2">{r.name}</td>
              {columns.map((c) => (
                <td key={c.key} className="text-right tabular-nums">
                  {hours(row?.byPeriod.get(c.key))}
                </td>
              ))}
              <td className="px-2 text-right font-medium tabular-nums">{hours(row?.total ?? 0)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot className="border-t border-slate-300 font-medium">
        <tr>
          <td className="px-2">Итого</td>
          {columns.map((c) => (
            <td key={c.key} className="text-right tabular-nums">
              {hours(grid.byPeriod.get(c.key) ?? 0)}
            </td>
          ))}
          <td className="px-2 text-right tabular-nums">{hours(grid.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export default async function CurriculumTotalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("curriculum.view");
  const q = search.safeParse(await searchParams);
  const o = await loadCurriculumOverview(user, scopes, q.success ? q.data.classId : undefined);
  if (!o) return <p>Текущий учебный год не задан.</p>;
  const gaps = o.comparison.filter((r) => r.status !== "ok");
  const className = new Map(o.classes.map((c) => [c.id, c.name]));
  const subjectRows = o.classGrid
    ? [...o.classGrid.rows.keys()]
        .map((id) => ({ id, name: o.subjectName.get(id) ?? `№ ${id}` }))
        .sort((a, b) => a.name.localeCompare(b.name, "ru"))
    : [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold">Итоги учебного плана · {o.year.name}</h1>
        <nav className="flex gap-3 text-sm">
          <Link className="text-blue-700 hover:underline" href="/org/curriculum">
            Учебный план
          </Link>
          <Link className="text-blue-700 hover:underline" href="/org/load">
            Тарификация
          </Link>
        </nav>
      </div>
      {o.classes.length === 0 ? (
        <p className="text-sm text-slate-600">Классов нет.</p>
      ) : (
        <>
          <GridTable
            caption="Часы по классам и периодам"
            first="Класс/группа"
            grid={o.grid}
            columns={o.columns}
            rows={o.classes}
          />
          <section className="space-y-2">
            <h2 className="font-semibold">Класс по предметам</h2>
            {o.cls && <ClassPicker path="/org/curriculum/totals" classes={o.classes} current={o.cls.id} />}
            {o.cls && o.classGrid && subjectRows.length > 0 ? (
              <GridTable
                caption={`${o.cls.name}: часы по предметам и периодам`}
                first="Предмет"
                grid={o.classGrid}
                columns={o.classColumns}
                rows={subjectRows}
              />
            ) : (
              <p className="text-sm text-slate-600">В учебном плане класса нет часов.</p>
            )}
          </section>
          <section className="space-y-2 rounded border border-slate-200 bg-white p-3">
            <h2 className="font-semibold">Сравнение с тарификацией</h2>
            <p className="text-xs text-slate-600">
              Часы за год: по плану — сумма строк учебного плана; по тарификации — часов в год, а если не указано, часов
              в неделю × учебных недель класса (без каникул). Предмет в подгруппах сравнивается по наименее обеспеченной
              подгруппе. Совпадают {o.comparison.length - gaps.length} из {o.comparison.length}.
            </p>
            {gaps.length === 0 ? (
              <p className="text-sm text-green-700">Расхождений нет.</p>
            ) : (
              <table className="w-full text-sm">
                <thead className="text-left text-xs text-slate-500">
                  <tr>
                    <th>Класс</th>
                    <th>Предмет</th>
                    <th className="text-right">По плану, ч</th>
                    <th className="text-right">По тарификации, ч</th>
                    <th className="text-right">Разница</th>
                    <th className="pl-3">Расхождение</th>
                  </tr>
                </thead>
                <tbody>
                  {gaps.map((g) => (
                    <tr key={`${g.classId}:${g.subjectId}`} className="border-t border-slate-100">
                      <td>{className.get(g.classId)}</td>
                      <td>{o.subjectName.get(g.subjectId) ?? `№ ${g.subjectId}`}</td>
                      <td className="text-right tabular-nums">{hours(g.planned)}</td>
                      <td className="text-right tabular-nums">{hours(g.assigned)}</td>
                      <td className="text-right tabular-nums">
                        {g.difference > 0 ? `+${hours(g.difference)}` : hours(g.difference)}
                      </td>
                      <td
                        className={`pl-3 ${g.status === "over" || g.status === "notInPlan" ? "text-amber-700" : "text-red-700"}`}
                      >
                        {LOAD_STATUS_LABELS[g.status]}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
