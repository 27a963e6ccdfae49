// Staff card (PPL-1): the full card for staff.manage (ADMIN, SECRETARY), «краткие сведения» for staff.brief.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { formatDate } from "@/lib/org/time";
import { fullName } from "@/lib/people/names";
import { idSchema } from "@/lib/people/schema";
import { saveStaffAction } from "@/lib/people/staff/actions";
import { loadStaffCard } from "@/lib/people/staff/loaders";
import { PERSON_FIELDS, PersonCard, type CardSpec } from "@/components/people/person-card";

export const metadata: Metadata = { title: "Карточка сотрудника" };

const FULL: CardSpec = [
  ...PERSON_FIELDS,
  ["position", "Должность", "text"],
  ["education", "Образование", "text"],
  ["category", "Категория", "text"],
  ["phone", "Телефон", "text"],
  ["email", "E-mail", "text"],
  ["snils", "СНИЛС", "text"],
  ["inn", "ИНН", "text"],
  ["hiredAt", "Принят", "date"],
  ["firedAt", "Уволен", "date"],
];

export default async function StaffCardPage({ params }: { params: Promise<{ staffId: string }> }) {
  const id = idSchema.safeParse((await params).staffId);
  if (!id.success) notFound();
  const { user } = await requireAccess("staff.brief");
  const manage = await authorize(user, "staff.manage");
  const full = manage.allowed && manage.scopes.includes("all");
  const card = await loadStaffCard(user, id.data, full);
  if (!card) notFound();
  return (
    <PersonCard
      name={fullName(card)}
      full={full}
      action={saveStaffAction.bind(null, card.id)}
      spec={FULL}
      record={card}
      brief={[
        ["Должность", card.position],
        ["Телефон", card.phone],
        ["E-mail", card.email],
      ]}
      footer={
        full && card.hiredAt && <p className="mt-2 text-xs text-slate-500">Работает с {formatDate(card.hiredAt)}</p>
      }
    />
  );
}
