// PRG-4: the subjects' assessments against 10 % of their hours in the period (a subject over it in red).
import type { SubjectLoad } from "@/lib/assessments/rules";
import { DataTable } from "@/components/ui/data-table";

export function SubjectLoads({ loads, subjectWord }: { loads: readonly SubjectLoad[]; subjectWord: string }) {
  return (
    <DataTable
      label="Оценочные процедуры по предметам"
      empty="Оценочных процедур в периоде нет"
      columns={[
        { key: "subject", header: subjectWord, rowHeader: true, sortable: true },
        { key: "hours", header: "Часов в периоде", align: "right", sortable: true },
        { key: "count", header: "Процедур", align: "right", sortable: true },
        { key: "allowed", header: "Допустимо (10 %)", align: "right" },
      ]}
      rows={loads.map((l) => ({
        key: l.subjectId,
        cells: {
          subject: l.subject,
          hours: l.hours,
          count:
            l.count > l.allowed
              ? { value: <span className="font-medium text-red-700">{l.count}</span>, sort: l.count }
              : l.count,
          allowed: l.allowed,
        },
      }))}
    />
  );
}
