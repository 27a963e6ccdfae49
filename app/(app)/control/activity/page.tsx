// «Активность пользователей» (CTL-3, seed 003 §8.1): per user for a week — sign-ins, journal
// edits, messages sent and page views; the whole organisation, so the «all» scope only.
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireAccess } from "@/lib/access/guard";
import { loadActivityPage } from "@/lib/control/loaders";
import { formatDate } from "@/lib/org/time";
import { DateChoice, FilterForm, ReportLine } from "@/components/control/filter-bits";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Активность пользователей" };

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("control.view");
  if (!scopes.includes("all")) forbidden();
  const page = await loadActivityPage(user, await searchParams);
  const a = page.activity;
  return (
    <div className="space-y-4">
      <PageHeader title="Активность пользователей за неделю" />
      <FilterForm error={page.error}>
        <DateChoice name="date" label="Дата в неделе" value={page.raw.date} />
      </FilterForm>
      {a && (
        <>
          <ReportLine report="activity" query={page.raw}>
            Неделя {formatDate(a.from)} — {formatDate(a.to)}: активных пользователей {a.rows.length}
          </ReportLine>
          {a.rows.length > 0 && (
            <DataTable
              label="Активность"
              columns={[
                { key: "name", header: "Пользователь", rowHeader: true, sortable: true },
                { key: "roles", header: "Роли", sortable: true },
                { key: "signIns", header: "Входов", align: "right", sortable: true, descFirst: true },
                { key: "journalEdits", header: "Изменений в журнале", align: "right", sortable: true, descFirst: true },
                { key: "messages", header: "Сообщений", align: "right", sortable: true, descFirst: true },
                { key: "pageViews", header: "Просмотров", align: "right", sortable: true, descFirst: true },
              ]}
              rows={a.rows.map((r) => ({
                key: r.userId,
                cells: {
                  name: r.name,
                  roles: r.roles,
                  signIns: r.signIns,
                  journalEdits: r.journalEdits,
                  messages: r.messages,
                  pageViews: r.pageViews,
                },
              }))}
            />
          )}
        </>
      )}
    </div>
  );
}
