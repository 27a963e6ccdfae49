// «Документы» (LRN-3, seed 000 §4.2): the organisation's regulations, orders, local acts and
// instructions with number, date and the current version; searched by title or number. Staff read
// it through docs.view and each document's list of roles; a student or a parent sees only the
// documents whose list names them (the journal's regulation, public orders). docs.edit adds and keeps.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { loadDocuments } from "@/lib/documents/loaders";
import { CATEGORY_LABELS, DOCUMENT_CATEGORIES, type DocumentCategoryName } from "@/lib/documents/rules";
import { Panel } from "@/components/home/panel";
import { DocumentCardForm } from "@/components/documents/document-forms";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { PickerForm } from "@/components/ui/picker-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Документы" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DocumentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Every signed-in user opens the store; what each one sees is decided per document (loadDocuments).
  const user = await requireUser();
  const raw = await searchParams;
  const q = first(raw.q)?.trim().slice(0, 200) || undefined;
  const c = first(raw.category);
  const category = (DOCUMENT_CATEGORIES as readonly string[]).includes(c ?? "")
    ? (c as DocumentCategoryName)
    : undefined;
  const { items, canEdit } = await loadDocuments(user, { q, category });
  return (
    <div className="space-y-4">
      <PageHeader title="Документы" subtitle="Положения, приказы и локальные акты организации." />
      <PickerForm role="search" label="Поиск документов" submitLabel="Найти">
        <Field label="Название или номер" name="q">
          <Input defaultValue={q ?? ""} className="w-64" />
        </Field>
        <Field label="Раздел" name="category">
          <Select
            defaultValue={category ?? ""}
            placeholder="все"
            options={DOCUMENT_CATEGORIES.map((k) => ({ value: k, label: CATEGORY_LABELS[k] }))}
          />
        </Field>
      </PickerForm>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">Документов нет.</p>
      ) : (
        DOCUMENT_CATEGORIES.filter((k) => items.some((d) => d.category === k)).map((k) => (
          <Card key={k} title={CATEGORY_LABELS[k]}>
            <ul className="divide-y divide-slate-100">
              {items
                .filter((d) => d.category === k)
                .map((d) => (
                  <li key={d.id} className="py-2">
                    <Link href={`/documents/${d.id}`} className="font-medium text-blue-700 hover:underline">
                      {d.title}
                    </Link>
                    {d.regulation && (
                      <span className="ml-2 rounded bg-blue-50 px-1.5 text-xs text-blue-900">положение об ЭЖ</span>
                    )}
                    <p className="text-xs text-slate-600">
                      {[
                        d.number && `№ ${d.number}`,
                        d.date && `от ${d.date}`,
                        d.latest && `редакция ${d.latest.version}`,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                      {canEdit && ` · видят: ${d.visibility}`}
                    </p>
                  </li>
                ))}
            </ul>
          </Card>
        ))
      )}
      {canEdit && (
        <Panel title="Добавить документ">
          <DocumentCardForm values={null} kind={user.orgKind} />
        </Panel>
      )}
    </div>
  );
}
