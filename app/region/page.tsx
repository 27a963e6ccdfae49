// «Территория» (REG-1): the authority account's territory and its organisations with counts only —
// classes, pupils, staff cards, active logins; never a person. Every authority role (region.view).
import type { Metadata } from "next";
import { requireAccessAsAuthority } from "@/lib/access/guard";
import { authorityAllows } from "@/lib/access/authority";
import { AUTHORITY_ROLE_LABELS } from "@/lib/auth/authority/rules";
import { loadTerritoryOrganisations } from "@/lib/auth/authority/loaders";
import { Card, Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Территория" };

const KIND = { SCHOOL: "Школа", COLLEGE: "Колледж" } as const;

export default async function RegionPage() {
  const { authority } = await requireAccessAsAuthority("region.view");
  const organisations = await loadTerritoryOrganisations(authority);
  const sum = (key: "classes" | "students" | "staff" | "activeLogins") =>
    organisations.reduce((total, o) => total + o[key], 0);
  return (
    <div className="space-y-4">
      <PageHeader
        title={authority.territoryName}
        subtitle={
          <>
            {AUTHORITY_ROLE_LABELS[authority.role]}. Сводные показатели организаций территории — без персональных
            данных.
          </>
        }
      />
      <Card
        title={`Организации территории: ${organisations.length}`}
        actions={
          authorityAllows(authority.role, "region.reports") ? (
            <ButtonLink href="/region/reports" size="sm">
              Отчёт по территории
            </ButtonLink>
          ) : undefined
        }
      >
        {organisations.length === 0 ? (
          <Notice>В территории пока нет зарегистрированных организаций.</Notice>
        ) : (
          <DataTable
            label="Организации территории"
            empty="Организаций нет"
            search={{ label: "Поиск организации", placeholder: "Название" }}
            columns={[
              { key: "name", header: "Организация", rowHeader: true, sortable: true },
              { key: "kind", header: "Тип", sortable: true },
              { key: "municipality", header: "Муниципалитет", sortable: true },
              { key: "classes", header: "Классов / групп", align: "right", sortable: true, descFirst: true },
              { key: "students", header: "Обучающихся", align: "right", sortable: true, descFirst: true },
              { key: "staff", header: "Сотрудников", align: "right", sortable: true, descFirst: true },
              { key: "activeLogins", header: "Активных логинов", align: "right", sortable: true, descFirst: true },
            ]}
            rows={organisations.map((o) => ({
              key: o.id,
              cells: {
                name: o.name,
                kind: KIND[o.kind],
                municipality: o.municipality,
                classes: o.classes,
                students: o.students,
                staff: o.staff,
                activeLogins: o.activeLogins,
              },
            }))}
            totals={{
              name: "Итого по территории",
              classes: sum("classes"),
              students: sum("students"),
              staff: sum("staff"),
              activeLogins: sum("activeLogins"),
            }}
          />
        )}
      </Card>
    </div>
  );
}
