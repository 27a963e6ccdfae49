// «Выполнение программ» (PLAN-5, 001 §4.2.2.6): per class × subject the hours planned to date
// (curriculum pro rata of study days) against the hours given; lagging subjects are flagged. PRG-1: beside
// them the approved work programme's hours and the КТП's, per section.
import type { Metadata } from "next";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { formatDate } from "@/lib/org/time";
import { loadFulfilment } from "@/lib/plans/loaders";
import { LAG_MIN_HOURS, LAG_SHARE } from "@/lib/plans/rules";
import { FulfilmentTable } from "@/components/plans/fulfilment-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Выполнение программ" };

const query = z.object({ lagging: z.literal("1").optional().catch(undefined) });

export default async function FulfilmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("plans.viewAll");
  const onlyLagging = query.parse(await searchParams).lagging === "1";
  const report = await loadFulfilment(user, scopes.includes("all"));
  const lines = report?.lines ?? [];
  const lagging = lines.filter((l) => l.lagging).length;
  return (
    <div className="space-y-3">
      <PageHeader title="Выполнение программ" />
      <p className="max-w-3xl text-sm text-slate-600">
        На {report ? formatDate(report.today) : "—"}: «план» — часы учебного плана, приходящиеся на прошедшие учебные
        дни (пропорционально учебным дням без каникул), «дано» — часы проведённых уроков без отменённых. Отстаёт —
        меньше плана больше чем на {LAG_MIN_HOURS} ч и больше чем на {LAG_SHARE * 100} %. «По программе» — часы
        утверждённой рабочей программы, «В КТП» — часы КТП класса (цветом — расхождение с программой); по разделам —
        часы программы, КТП и проведённые уроки по темам раздела.
      </p>
      <p role="note" className={lagging ? "text-sm font-medium text-red-700" : "text-sm text-green-800"}>
        Отстающих предметов: {lagging}
      </p>
      <nav className="flex gap-4 text-sm">
        <a href="/plans/fulfilment" className={onlyLagging ? "text-blue-700 hover:underline" : "font-medium"}>
          Все
        </a>
        <a href="/plans/fulfilment?lagging=1" className={onlyLagging ? "font-medium" : "text-blue-700 hover:underline"}>
          Только отстающие
        </a>
      </nav>
      <FulfilmentTable
        lines={onlyLagging ? lines.filter((l) => l.lagging) : lines}
        kind={user.orgKind}
        comparisons={report?.comparisons}
      />
    </div>
  );
}
