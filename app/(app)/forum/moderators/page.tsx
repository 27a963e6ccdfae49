// «Модераторы форума» (MSG-4): ADMIN (forum.moderate) appoints the users who may hide posts.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadModeratorCandidates } from "@/lib/messages/forum/loaders";
import { ModeratorToggle } from "@/components/messages/forum-forms";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Модераторы форума" };

const COLUMNS: readonly DataColumn[] = [
  { key: "name", header: "Сотрудник", rowHeader: true, sortable: true },
  { key: "role", header: "Роль на форуме", className: "text-slate-600" },
  { key: "toggle", header: "", align: "right" },
];

export default async function ModeratorsPage() {
  const { user } = await requireAccess("forum.moderate");
  const people = await loadModeratorCandidates(user);
  const rows = people.map((p) => ({
    key: p.userId,
    cells: {
      name: p.name,
      role: p.isModerator ? "модератор" : "",
      toggle: <ModeratorToggle userId={p.userId} isModerator={p.isModerator} name={p.name} />,
    },
  }));
  return (
    <div className="space-y-4">
      <PageHeader title="Модераторы форума" />
      <p className="text-sm text-slate-600">
        Модератор может скрывать сообщения форума. Назначаются сотрудники организации.
      </p>
      <DataTable label="Сотрудники" empty="Сотрудников нет" columns={COLUMNS} rows={rows} className="max-w-2xl" />
    </div>
  );
}
