// Parent card (PPL-1): the full card (editable) with people.manage on any of the children,
// «краткие сведения» otherwise; the parent–child links are added and removed here too.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden, notFound } from "next/navigation";
import { authorize } from "@/lib/access/authorize";
import { requireUser } from "@/lib/auth/session";
import { addChildLinkAction, removeChildLinkAction, saveParentAction } from "@/lib/people/actions";
import { loadParentCard } from "@/lib/people/card/loaders";
import { loadManagedStudentOptions } from "@/lib/people/lists/loaders";
import { fullName } from "@/lib/people/names";
import { idSchema } from "@/lib/people/schema";
import { FieldForm } from "@/components/people/field-form";
import { PERSON_FIELDS, PersonCard, type CardSpec } from "@/components/people/person-card";
import { ActionButton } from "@/components/ui/action-button";

export const metadata: Metadata = { title: "Карточка родителя" };

const FULL: CardSpec = [
  ...PERSON_FIELDS,
  ["phone", "Телефон", "tel"],
  ["email", "E-mail", "email"],
  ["preferredContact", "Предпочтительный способ связи", "text"],
  ["address", "Адрес", "text"],
  ["workplace", "Место работы", "text"],
  ["position", "Должность", "text"],
];

export default async function ParentCardPage({ params }: { params: Promise<{ parentId: string }> }) {
  const id = idSchema.safeParse((await params).parentId);
  if (!id.success) notFound();
  const user = await requireUser();
  const view = await loadParentCard(user, id.data);
  if (!view) forbidden();
  const { card } = view;
  const manage = view.full ? await authorize(user, "people.manage") : null;
  const options = manage?.allowed ? await loadManagedStudentOptions(user, manage.scopes) : [];
  const linked = new Set(card.children.map((c) => c.studentId));
  const candidates = options.filter((o) => !linked.has(o.id));
  return (
    <PersonCard
      name={fullName(card)}
      full={view.full}
      action={saveParentAction.bind(null, card.id)}
      spec={FULL}
      record={card}
      required={["lastName", "firstName"]}
      brief={[
        ["Телефон", card.phone],
        ["E-mail", card.email],
        ["Предпочтительный способ связи", card.preferredContact],
      ]}
    >
      <section className="space-y-2 rounded border border-slate-200 bg-white p-3">
        <h2 className="font-semibold">Дети</h2>
        <ul className="text-sm">
          {card.children.map((c) => (
            <li key={c.studentId}>
              <Link className="text-blue-700 hover:underline" href={`/people/students/${c.studentId}`}>
                {c.fullName}
              </Link>
              {c.kinship && <span className="text-slate-500"> · {c.kinship}</span>}
              {view.full && options.some((o) => o.id === c.studentId) && (
                <ActionButton
                  action={removeChildLinkAction.bind(null, card.id, c.studentId)}
                  done="Связь удалена"
                  variant="danger"
                  className="ml-2"
                  aria-label={`Убрать связь с ребёнком: ${c.fullName}`}
                >
                  Убрать связь
                </ActionButton>
              )}
            </li>
          ))}
          {card.children.length === 0 && <li className="text-slate-500">Дети не указаны</li>}
        </ul>
        {view.full && candidates.length > 0 && (
          <details>
            <summary className="cursor-pointer text-sm text-blue-700">Добавить ребёнка</summary>
            <FieldForm
              action={addChildLinkAction.bind(null, card.id)}
              submitLabel="Добавить"
              savedText="Ребёнок добавлен"
              fields={[
                {
                  name: "studentId",
                  label: cap(vocabulary(user.orgKind).student.nom),
                  type: "select",
                  options: [
                    { value: "", label: "— выберите" },
                    ...candidates.map((o) => ({ value: String(o.id), label: o.label })),
                  ],
                },
                { name: "kinship", label: "Степень родства" },
              ]}
            />
          </details>
        )}
      </section>
    </PersonCard>
  );
}
