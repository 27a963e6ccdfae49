// «Итоги учебного плана» (ORG-6): hours per class × period with totals per class and per period,
// one class's hours per subject × period, and the comparison with тарификация (gaps flagged).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadCurriculumOverview, type PeriodColumn } from "@/lib/org/curriculum/loaders";
import { LOAD_STATUS_LABELS, type CurriculumGrid } from "@/lib/org/curriculum/rules";
import { ClassPicker } from "@/components/org/class-picker";
import { cap, formatNumber, vocabulary } from "@/lib/org/vocabulary";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { compareRu } from "@/lib/org/collation";

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
    <DataTable
      caption={caption}
      label={caption}
      maxHeight="none"
      columns={[
        { key: "name", header: first, rowHeader: true, sortable: true },
        ...columns.map((c) => ({ key: `p${c.key}`, header: c.label, align: "right" as const, sortable: true })),
        { key: "total", header: "Итого", align: "right", sortable: true, descFirst: true, className: "font-medium" },
      ]}
      rows={rows.map((r) => {
        const row = grid.rows.get(r.id);
        return {
          key: r.id,
          cells: {
            name: r.name,
            ...Object.fromEntries(
              columns.map((c) => {
                const n = row?.byPeriod.get(c.key);
                return [`p${c.key}`, { value: hours(n), sort: n ?? null }];
              }),
            ),
            total: { value: hours(row?.total ?? 0), sort: row?.total ?? 0 },
          },
        };
      })}
      totals={{
        name: "Итого",
        ...Object.fromEntries(columns.map((c) => [`p${c.key}`, hours(grid.byPeriod.get(c.key) ?? 0)])),
        total: hours(grid.total),
      }}
    />
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
  const v = vocabulary(user.orgKind);
  const gaps = o.comparison.filter((r) => r.status !== "ok");
  const className = new Map(o.classes.map((c) => [c.id, c.name]));
  const subjectRows = o.classGrid
    ? [...o.classGrid.rows.keys()]
        .map((id) => ({ id, name: o.subjectName.get(id) ?? `№ ${id}` }))
        .sort((a, b) => compareRu(a.name, b.name))
    : [];
  return (
    <div className="space-y-4">
      <PageHeader
        title={<>Итоги учебного плана · {o.year.name}</>}
        actions={
          <nav className="flex gap-3 text-sm">
            <Link className="text-blue-700 hover:underline" href="/org/curriculum">
              Учебный план
            </Link>
            <Link className="text-blue-700 hover:underline" href="/org/load">
              Тарификация
            </Link>
          </nav>
        }
      />
      {o.classes.length === 0 ? (
        <p className="text-sm text-slate-600">{cap(v.class.genPl)} нет.</p>
      ) : (
        <>
          <GridTable
            caption={`Часы по ${v.class.datPl} и периодам`}
            first={cap(v.class.nom)}
            grid={o.grid}
            columns={o.columns}
            rows={o.classes}
          />
          <section className="space-y-2">
            <h2 className="font-semibold">
              {cap(v.class.nom)} по {v.subject.datPl}
            </h2>
            {o.cls && (
              <ClassPicker path="/org/curriculum/totals" classes={o.classes} current={o.cls.id} kind={user.orgKind} />
            )}
            {o.cls && o.classGrid && subjectRows.length > 0 ? (
              <GridTable
                caption={`${o.cls.name}: часы по ${v.subject.datPl} и периодам`}
                first={cap(v.subject.nom)}
                grid={o.classGrid}
                columns={o.classColumns}
                rows={subjectRows}
              />
            ) : (
              <p className="text-sm text-slate-600">В учебном плане {v.class.gen} нет часов.</p>
            )}
          </section>
          <section className="space-y-2 rounded border border-slate-200 bg-white p-3">
            <h2 className="font-semibold">Сравнение с тарификацией</h2>
            <p className="text-xs text-slate-600">
              Часы за год: по плану — сумма строк учебного плана; по тарификации — часов в год, а если не указано, часов
              в неделю × учебных недель {v.class.gen} (без каникул). {cap(v.subject.nom)} в подгруппах сравнивается по
              наименее обеспеченной подгруппе. Совпадают {o.comparison.length - gaps.length} из {o.comparison.length}.
            </p>
            {gaps.length === 0 ? (
              <p className="text-sm text-green-700">Расхождений нет.</p>
            ) : (
              <DataTable
                label="Расхождения с тарификацией"
                maxHeight="none"
                columns={[
                  { key: "class", header: cap(v.class.nom), sortable: true },
                  { key: "subject", header: cap(v.subject.nom), sortable: true },
                  { key: "planned", header: "По плану, ч", align: "right", sortable: true },
                  { key: "assigned", header: "По тарификации, ч", align: "right", sortable: true },
                  { key: "difference", header: "Разница", align: "right", sortable: true },
                  { key: "status", header: "Расхождение", sortable: true },
                ]}
                rows={gaps.map((g) => ({
                  key: `${g.classId}:${g.subjectId}`,
                  cells: {
                    class: className.get(g.classId),
                    subject: o.subjectName.get(g.subjectId) ?? `№ ${g.subjectId}`,
                    planned: { value: hours(g.planned), sort: g.planned },
                    assigned: { value: hours(g.assigned), sort: g.assigned },
                    difference: {
                      value: g.difference > 0 ? `+${hours(g.difference)}` : hours(g.difference),
                      sort: g.difference,
                    },
                    status: {
                      value: LOAD_STATUS_LABELS[g.status],
                      className: g.status === "over" || g.status === "notInPlan" ? "text-amber-700" : "text-red-700",
                    },
                  },
                }))}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
