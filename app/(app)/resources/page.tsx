// «Школьные ресурсы» (LRN-4): the organisation's catalogue of links and resources (educational
// platforms, the library, the region's services …) by section; each one shown to the roles its list
// names. resources.view opens the page; resources.edit adds, edits and removes entries.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadResources } from "@/lib/resources/loaders";
import { Panel } from "@/components/home/panel";
import { ResourceForm } from "@/components/learning/resource-forms";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Школьные ресурсы" };

export default async function ResourcesPage() {
  const { user } = await requireAccess("resources.view");
  const { canEdit, groups } = await loadResources(user);
  return (
    <div className="space-y-4">
      <PageHeader title="Школьные ресурсы" subtitle="Полезные ссылки и ресурсы организации." />
      {groups.length === 0 && <p className="text-sm text-slate-500">Каталог пока пуст.</p>}
      {groups.map((g) => (
        <section key={g.category} className="rounded border border-slate-200 bg-white p-3">
          <h2 className="mb-1 font-semibold">{g.category}</h2>
          <ul className="divide-y divide-slate-100">
            {g.items.map((r) => (
              <li key={r.id} className="py-2">
                {r.url ? (
                  <a
                    href={r.url}
                    target="_blank"
                    rel="noreferrer"
                    className="font-medium text-blue-700 hover:underline"
                  >
                    {r.title}
                  </a>
                ) : (
                  <span className="font-medium">{r.title}</span>
                )}
                {r.description && <p className="text-sm text-slate-700">{r.description}</p>}
                {canEdit && (
                  <details className="mt-1 text-sm">
                    <summary className="cursor-pointer text-xs text-slate-500">
                      Видят: {r.visibility} · изменить
                    </summary>
                    <div className="mt-2">
                      <ResourceForm values={r} kind={user.orgKind} />
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {canEdit && (
        <Panel title="Добавить ресурс">
          <ResourceForm values={null} kind={user.orgKind} />
        </Panel>
      )}
    </div>
  );
}
