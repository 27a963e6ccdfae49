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
  const field = "rounded border border-slate-300 px-2 py-1 text-sm";
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Учебные материалы</h1>
        <p className="text-sm text-slate-600">
          {lib.family
            ? "Материалы учителей для вашего класса: файлы и ссылки по предметам и темам."
            : "Библиотека организации: файлы и ссылки по предметам, классам и темам. К уроку и теме КТП материал прикрепляют в карточке урока журнала и в плане."}
        </p>
      </div>
      <form className="flex flex-wrap items-end gap-2" role="search" aria-label="Поиск материалов">
        <label className="text-sm">
          Название или тема
          <input name="q" defaultValue={filter.q ?? ""} className={`${field} block w-64`} />
        </label>
        <label className="text-sm">
          Предмет
          <select name="subject" defaultValue={filter.subject ?? ""} className={`${field} block`}>
            <option value="">все</option>
            {lib.subjects.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Параллель
          <select name="grade" defaultValue={filter.grade ?? ""} className={`${field} block`}>
            <option value="">все</option>
            {Array.from({ length: 11 }, (_, i) => i + 1).map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <button className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white">Найти</button>
      </form>
      {lib.items.length === 0 ? (
        <p className="text-sm text-slate-500">Материалов не найдено.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label="Материалы">
          {lib.items.map((m) => (
            <li key={m.id} className="space-y-0.5 p-3">
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
      )}
      {lib.canEdit && (
        <Panel title="Разместить материал">
          <MaterialForm subjects={lib.form.subjects} classes={lib.form.classes} />
        </Panel>
      )}
    </div>
  );
}
