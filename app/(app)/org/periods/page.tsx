// «Учебный год»: periods with editable boundaries and holidays (ORG-3); a closed year is read-only.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { formatDate } from "@/lib/org/time";
import { PERIOD_KINDS, PERIOD_KIND_LABELS } from "@/lib/org/schema";
import { loadYears } from "@/lib/org/setup/loaders";
import { DirectoryTable } from "@/components/org/directory-table";
import { newRowOf, rowsOf } from "@/components/org/rows";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Учебный год" };

const STATUS = { PLANNED: "планируется", OPEN: "открыт", CLOSED: "закрыт (только просмотр)" } as const;

export default async function PeriodsPage() {
  const { user } = await requireAccess("periods.edit");
  const years = await loadYears(user);
  const periodFields = [
    {
      name: "kind",
      label: "Тип",
      type: "select" as const,
      options: PERIOD_KINDS.map((k) => ({ value: k, label: PERIOD_KIND_LABELS[k] })),
    },
    { name: "number", label: "№", type: "number" as const },
    { name: "name", label: "Название" },
    { name: "startDate", label: "Начало", type: "date" as const },
    { name: "endDate", label: "Окончание", type: "date" as const },
  ];
  const holidayFields = [
    { name: "name", label: "Каникулы" },
    { name: "startDate", label: "Начало", type: "date" as const },
    { name: "endDate", label: "Окончание", type: "date" as const },
    { name: "grade", label: "Только для параллели", type: "number" as const },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title="Учебные годы и периоды" />
      {years.map((y) => {
        const editable = y.status !== "CLOSED";
        return (
          <div key={y.id} className="space-y-2">
            <h2 className="text-lg font-semibold">
              {y.name} · {formatDate(y.startDate)}–{formatDate(y.endDate)} · {STATUS[y.status]}
              {y.isCurrent && " · текущий"}
            </h2>
            <DirectoryTable
              title="Периоды"
              fields={periodFields}
              widths={["9rem", "4rem", "minmax(0,2fr)", "9rem", "9rem"]}
              rows={rowsOf("period", y.periods, periodFields, editable)}
              newRow={editable ? newRowOf("period", y.id, { kind: "QUARTER" }) : null}
            />
            <DirectoryTable
              title="Каникулы"
              fields={holidayFields}
              widths={["minmax(0,2fr)", "9rem", "9rem", "8rem"]}
              rows={rowsOf("holiday", y.holidays, holidayFields, editable)}
              newRow={editable ? newRowOf("holiday", y.id) : null}
            />
          </div>
        );
      })}
    </div>
  );
}
