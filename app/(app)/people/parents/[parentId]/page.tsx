// Parent card (PPL-1): full card with people.manage, «краткие сведения» otherwise; through a child.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { loadParentCard } from "@/lib/people/card/loaders";
import { fullName } from "@/lib/people/names";
import { idSchema } from "@/lib/people/schema";

export const metadata: Metadata = { title: "Карточка родителя" };

export default async function ParentCardPage({ params }: { params: Promise<{ parentId: string }> }) {
  const id = idSchema.safeParse((await params).parentId);
  if (!id.success) notFound();
  const user = await requireUser();
  const view = await loadParentCard(user, id.data);
  if (!view) forbidden();
  const { card } = view;
  const rows: [string, string | null | undefined][] = [
    ["Телефон", card.phone],
    ["E-mail", card.email],
    ["Предпочтительный способ связи", card.preferredContact],
    ...(view.full
      ? ([
          ["Адрес", card.address],
          ["Место работы", card.workplace],
          ["Должность", card.position],
        ] as [string, string | null | undefined][])
      : []),
  ];
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{fullName(card)}</h1>
      <p className="text-sm text-slate-600">{view.full ? "полная карточка" : "краткие сведения"}</p>
      <dl className="grid gap-2 rounded border border-slate-200 bg-white p-3 text-sm sm:grid-cols-3">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs text-slate-500">{k}</dt>
            <dd>{v || "—"}</dd>
          </div>
        ))}
      </dl>
      <h2 className="font-semibold">Дети</h2>
      <ul className="text-sm">
        {card.children.map((c) => (
          <li key={c.studentId}>
            <Link className="text-blue-700 hover:underline" href={`/people/students/${c.studentId}`}>
              {c.fullName}
            </Link>
            {c.kinship && <span className="text-slate-500"> · {c.kinship}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
