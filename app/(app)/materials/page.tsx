// «Учебные материалы» (LRN-2): the organisation's library — files and links per subject, for a
// class, a grade or every grade, on a topic — searched by title (and topic, description), subject
// and grade. Staff see it by their scope of materials.view; a student and a parent see what is for
// their (child's) class and grade or attached to its lessons and КТП topics. Teachers place
// materials for their own subjects and classes (materials.edit «own»), the administration anywhere.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadLibrary } from "@/lib/learning/materials/loaders";
import { searchSchema } from "@/lib/learning/materials/schema";
import { Panel } from "@/components/home/panel";
import { DeleteMaterial, MaterialForm } from "@/components/learning/material-forms";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { PickerForm } from "@/components/ui/picker-form";
import { PageHeader } from "@/components/ui/page-header";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Учебные материалы" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MaterialsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("materials.view");
  const raw = await searchParams;
  const filter = searchSchema.parse({
    q: first(raw.q) || undefined,
    subject: first(raw.subject) || undefined,
    grade: first(raw.grade) || undefined,
  });
  const lib = await loadLibrary(user, scopes, filter);
  const v = vocabulary(user.orgKind);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Учебные материалы"
        subtitle={
          lib.family
            ? `Материалы ${v.teacher.genPl} для ${v.yourClass}: файлы и ссылки по ${v.subject.datPl} и темам.`
            : `Библиотека организации: файлы и ссылки по ${v.subject.datPl}, ${v.class.datPl} и темам. К ${v.lesson.dat} и теме КТП материал прикрепляют в карточке ${v.lesson.gen} журнала и в плане.`
        }
      />
      <PickerForm role="search" label="Поиск материалов" submitLabel="Найти">
        <Field label="Название или тема" name="q">
          <Input defaultValue={filter.q ?? ""} className="w-64" />
        </Field>
        <Field label={cap(v.subject.nom)} name="subject">
          <Select defaultValue={filter.subject ?? ""} placeholder="все" options={optionsOf(lib.subjects)} />
        </Field>
        <Field label={cap(v.parallel.nom)} name="grade">
          <Select
            defaultValue={filter.grade ?? ""}
            placeholder="все"
            options={Array.from({ length: 11 }, (_, i) => ({ value: i + 1, label: i + 1 }))}
          />
        </Field>
      </PickerForm>
      {lib.items.length === 0 ? (
        <p className="text-sm text-slate-500">Материалов не найдено.</p>
      ) : (
        <Card padding="sm">
          <ul className="divide-y divide-slate-200" aria-label="Материалы">
            {lib.items.map((m) => (
              <li key={m.id} className="space-y-0.5 px-1 py-2">
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <a
                    href={m.href}
                    className="font-medium text-blue-700 hover:underline"
                    {...(m.kind === "LINK" ? { target: "_blank", rel: "noreferrer" } : {})}
                  >
                    {m.title}
                  </a>
                  <span className="text-xs text-slate-500">{m.kind === "LINK" ? "ссылка" : m.fileLabel}</span>
                  {m.removable && <DeleteMaterial materialId={m.id} title={m.title} />}
                </div>
                <p className="text-xs text-slate-600">
                  {m.subjectName} · {m.audience}
                  {m.topic ? ` · тема: ${m.topic}` : ""} · {m.author}, {m.createdAt}
                </p>
                {m.description && <p className="text-sm text-slate-700">{m.description}</p>}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {lib.canEdit && (
        <Panel title="Разместить материал">
          <MaterialForm subjects={lib.form.subjects} classes={lib.form.classes} kind={v.kind} />
        </Panel>
      )}
    </div>
  );
}
