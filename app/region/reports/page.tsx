// «Отчёты по территории» (REG-1, REG-2): the territory report — progress, attendance, journal fill or
// contingent per organisation with the territory's totals, for a period, PDF or XLSX — over the
// organisations of the account's own territory (from the session, never from the form). Specialists
// and heads (region.reports). The form is a GET to /api/region/report sent by fetch (DownloadHandler);
// while the server is busy the request is queued, and «В фоне» orders it as a background job at once —
// «Мои отчёты» lists the account's jobs of this territory with their status and download links.
import type { Metadata } from "next";
import { requireAccessAsAuthority } from "@/lib/access/guard";
import { loadTerritoryOrganisationIds } from "@/lib/auth/authority/loaders";
import { isoDate, todayIn } from "@/lib/org/time";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { DateRangeFields, DownloadButtons } from "@/components/reports/report-fields";
import { JobButtons } from "@/components/reports/job-buttons";
import { ReportJobs } from "@/components/reports/report-jobs";
import { territoryJobList } from "@/lib/region/jobs/orders";
import { PageHeader } from "@/components/ui/page-header";

const JOBS = "/api/region/report/jobs";

export const metadata: Metadata = { title: "Отчёты по территории" };

const KINDS = [
  { value: "progress", label: "Успеваемость (итоги, качество, объективность по ГИА/ВПР)" },
  { value: "attendance", label: "Посещаемость по причинам пропусков" },
  { value: "fill", label: "Заполнение журнала (в срок, плотность отметок)" },
  { value: "contingent", label: "Контингент" },
];

/** A job's title in «Мои отчёты»: the kind's name without its parenthesis. */
const TITLES = Object.fromEntries(
  KINDS.map((k) => [k.value, `Отчёт по территории: ${k.label.replace(/ \(.*\)$/, "")}`]),
);

/** The school year's first day (1 September) on or before `today`. */
function schoolYearStart(today: Date): string {
  const year = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return `${year}-09-01`;
}

export default async function RegionReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { authority } = await requireAccessAsAuthority("region.reports");
  // A plain (script-less) download queued while the server was busy came back here with its job.
  const ordered = /^\d{1,9}$/.test(String((await searchParams).job ?? ""));
  const [organisationIds, jobs] = await Promise.all([
    loadTerritoryOrganisationIds(authority),
    territoryJobList(authority),
  ]);
  const today = todayIn(authority.timeZone);
  return (
    <div className="space-y-4">
      <PageHeader title="Отчёты по территории" />
      {ordered && (
        <p role="status" className="rounded border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
          Сейчас формируется много больших отчётов — ваш поставлен в очередь. Ход — ниже, в «Мои отчёты».
        </p>
      )}
      <Card title={authority.territoryName}>
        <p className="mb-3 text-sm text-slate-600">
          По каждой организации территории (организаций: {organisationIds.length}) и итог по территории. Только сводные
          показатели — без имён обучающихся и сотрудников.
        </p>
        <form action="/api/region/report" method="get" className="max-w-xl space-y-3">
          <label className="block text-sm">
            Отчёт
            <Select name="kind" options={KINDS} defaultValue="progress" className="w-full" />
          </label>
          <DateRangeFields from={schoolYearStart(today)} to={isoDate(today)} required />
          <DownloadButtons />
          <JobButtons endpoint={JOBS} />
        </form>
      </Card>
      <ReportJobs titles={TITLES} initial={jobs} endpoint={JOBS} />
    </div>
  );
}
