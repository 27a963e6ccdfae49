// One document of the store (LRN-3): its card and every version, the newest first — a new version
// keeps the old ones downloadable for whoever may read the document. A reader whose roles are not
// on the document's list gets «Нет доступа» (403); docs.edit edits the card and uploads versions.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { loadDocument } from "@/lib/documents/loaders";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/home/panel";
import { DocumentCardForm, VersionForm } from "@/components/documents/document-forms";
import { idSchema } from "@/lib/schema";

export const metadata: Metadata = { title: "Документ" };

const params = z.object({ documentId: idSchema });

export default async function DocumentPage({ params: raw }: { params: Promise<{ documentId: string }> }) {
  // Every signed-in user may ask; the document's own list of roles decides (loadDocument).
  const user = await requireUser();
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const doc = await loadDocument(user, parsed.data.documentId);
  if (!doc) notFound();
  if (doc === "forbidden") forbidden();
  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: "/documents", label: "Документы" }}
        title={doc.title}
        subtitle={[doc.categoryLabel, doc.number && `№ ${doc.number}`, doc.date && `от ${doc.date}`]
          .filter(Boolean)
          .join(" · ")}
      >
        {doc.canEdit && <p className="text-xs text-slate-500">Видят: {doc.visibility}</p>}
      </PageHeader>
      <Panel title="Редакции">
        <ol className="space-y-2 text-sm" aria-label="Редакции документа">
          {doc.versions.map((v, i) => (
            <li key={v.id} className="flex flex-wrap items-baseline gap-x-2">
              <a href={`/api/documents/versions/${v.id}`} className="font-medium text-blue-700 hover:underline">
                Редакция {v.version}
                {i === 0 ? " (действующая)" : ""}
              </a>
              <span className="text-xs text-slate-600">
                {v.fileName}, {Math.max(1, Math.ceil(v.size / 1024))} КБ · {v.at}
                {v.by ? ` · ${v.by}` : ""}
              </span>
              {v.note && <span className="w-full text-xs text-slate-600">{v.note}</span>}
            </li>
          ))}
        </ol>
      </Panel>
      {doc.canEdit && (
        <>
          <Panel title="Новая редакция">
            <VersionForm documentId={doc.id} />
          </Panel>
          <Panel title="Карточка">
            <DocumentCardForm
              kind={user.orgKind}
              values={{
                documentId: doc.id,
                title: doc.title,
                category: doc.category,
                number: doc.number,
                isoDate: doc.isoDate,
                visibleTo: doc.visibleTo,
                regulation: doc.regulation,
              }}
            />
          </Panel>
        </>
      )}
    </div>
  );
}
