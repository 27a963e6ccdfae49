// «Отчёты по территории» (REG-1, REG-2): the territory report over the organisations of the
// account's own territory (from the session, never from the request). Specialists and heads.
import type { Metadata } from "next";
import { requireAuthority } from "@/lib/access/guard";
import { loadTerritoryOrganisationIds } from "@/lib/authority/loaders";
import { Card, Notice } from "@/components/ui/card";

export const metadata: Metadata = { title: "Отчёты по территории" };

export default async function RegionReportsPage() {
  const { authority } = await requireAuthority("region.reports");
  const organisationIds = await loadTerritoryOrganisationIds(authority);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Отчёты по территории</h1>
      <Card title={authority.territoryName}>
        <p className="text-sm text-slate-700">Организаций в отчёте: {organisationIds.length}.</p>
        <Notice tone="info" className="mt-2">
          Отчёт по территории (успеваемость, посещаемость, заполнение журнала, контингент) формируется по организациям
          территории в PDF и XLSX.
        </Notice>
      </Card>
    </div>
  );
}
