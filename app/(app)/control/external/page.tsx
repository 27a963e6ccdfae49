// «Внешние оценки» (REG-3): import of ГИА and ВПР results and their comparison with the year marks —
// per class and for the organisation: how many wrote lower, the same or higher than their year mark,
// the share differing by one or more (the objectivity indicator), and each task's success rate.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireAccess } from "@/lib/access/guard";
import { loadExternalResults } from "@/lib/external/loaders";
import { EXAM_LABELS, type Exam } from "@/lib/external/rules";
import { cap, formatNumber, vocabulary } from "@/lib/org/vocabulary";
import { Card } from "@/components/ui/card";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { ExternalImport } from "@/components/control/external-import";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Внешние оценки" };

const percent = (x: number | null) => (x === null ? "—" : `${formatNumber(Math.round(x * 1000) / 10, 1)} %`);
const avg = (x: number | null) => (x === null ? "—" : formatNumber(Math.round(x * 100) / 100, 2));
const EXAMS = new Set(["OGE", "EGE", "VPR"]);

export default async function ExternalResultsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireAccess("results.import");
  const q = await searchParams;
  const exam = typeof q.exam === "string" && EXAMS.has(q.exam) ? (q.exam as Exam) : undefined;
  const subjectId = typeof q.subject === "string" && /^\d{1,9}$/.test(q.subject) ? Number(q.subject) : undefined;
  const { year, sets, comparison } = await loadExternalResults(user, { exam, subjectId });
  const v = vocabulary(user.orgKind);
  const tasks = comparison ? Math.max(0, ...comparison.rows.map((r) => r.taskSuccess.length)) : 0;
  const columns: DataColumn[] = [
    { key: "class", header: cap(v.class.nom), rowHeader: true },
    { key: "results", header: "Результатов", align: "right" },
    { key: "compared", header: "С годовой", align: "right", title: "есть и отметка экзамена, и годовая" },
    { key: "lower", header: "Ниже годовой", align: "right" },
    { key: "same", header: "Равна", align: "right" },
    { key: "higher", header: "Выше годовой", align: "right" },
    { key: "differing", header: "Расходятся на 1 и более", align: "right", sortable: true, descFirst: true },
    { key: "exam", header: "Средняя за работу", align: "right" },
    { key: "year", header: "Средняя годовая", align: "right" },
    ...Array.from({ length: tasks }, (_, t) => ({
      key: `t${t}`,
      header: `З${t + 1}`,
      align: "right" as const,
      title: `Задание ${t + 1}: доля набранных баллов от максимума`,
    })),
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={<>Внешние оценки (ГИА, ВПР){year ? ` · ${year.name}` : ""}</>} />
      <Card title="Загрузка результатов">
        <ExternalImport />
      </Card>
      <Card title="Сравнение с годовыми отметками">
        {sets.length === 0 ? (
          <p className="text-sm text-slate-600">Результатов за этот учебный год ещё нет.</p>
        ) : (
          <div className="space-y-3">
            <nav aria-label="Работы" className="flex flex-wrap gap-2 text-sm">
              {sets.map((s) => {
                const current = comparison?.set.exam === s.exam && comparison.set.subjectId === s.subjectId;
                return (
                  <Link
                    key={`${s.exam}-${s.subjectId}`}
                    href={`/control/external?exam=${s.exam}&subject=${s.subjectId}`}
                    aria-current={current ? "page" : undefined}
                    className={`rounded border px-2 py-1 ${current ? "border-blue-700 bg-blue-50 font-semibold" : "border-slate-300"}`}
                  >
                    {EXAM_LABELS[s.exam]} · {s.subject} ({s.count})
                  </Link>
                );
              })}
            </nav>
            {comparison && (
              <DataTable
                label={`${EXAM_LABELS[comparison.set.exam]} · ${comparison.set.subject}: сравнение с годовыми отметками`}
                columns={columns}
                dense
                rows={comparison.rows.slice(0, -1).map((r) => ({
                  key: r.classId!,
                  cells: {
                    class: comparison.classNames.get(r.classId!) ?? "",
                    results: r.results,
                    compared: r.compared,
                    lower: r.lower,
                    same: r.same,
                    higher: r.higher,
                    differing: { value: percent(r.differing), sort: r.differing ?? -1 },
                    exam: avg(r.examAverage),
                    year: avg(r.yearAverage),
                    ...Object.fromEntries(r.taskSuccess.map((x, t) => [`t${t}`, percent(x)])),
                  },
                }))}
                totals={(() => {
                  const t = comparison.rows[comparison.rows.length - 1];
                  return {
                    class: "Организация",
                    results: t.results,
                    compared: t.compared,
                    lower: t.lower,
                    same: t.same,
                    higher: t.higher,
                    differing: percent(t.differing),
                    exam: avg(t.examAverage),
                    year: avg(t.yearAverage),
                    ...Object.fromEntries(t.taskSuccess.map((x, i) => [`t${i}`, percent(x)])),
                  };
                })()}
              />
            )}
            <p className="max-w-3xl text-xs text-slate-500">
              «Расходятся на 1 и более» — доля {v.student.genPl}, у которых отметка за работу отличается от годовой
              отметки по {v.subject.dat} хотя бы на балл: высокая доля (особенно «ниже годовой») — повод проверить
              объективность текущего оценивания.
            </p>
          </div>
        )}
      </Card>
    </div>
  );
}
