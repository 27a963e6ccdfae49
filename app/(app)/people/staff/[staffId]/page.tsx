// Staff card (PPL-1): the full card for staff.manage (ADMIN, SECRETARY), «краткие сведения» for staff.brief.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { formatDate } from "@/lib/org/time";
import { SEX_LABELS } from "@/lib/people/card-rules";
import { fullName } from "@/lib/people/names";
import { idSchema } from "@/lib/people/schema";
import { saveStaffAction } from "@/lib/people/staff/actions";
import { loadStaffCard } from "@/lib/people/staff/loaders";
import { FieldForm } from "@/components/people/field-form";
import { asInput } from "@/components/org/rows";

export const metadata: Metadata = { title: "Карточка сотрудника" };

const FULL: [string, string, "text" | "date" | "select"][] = [
  ["lastName", "Фамилия", "text"],
  ["firstName", "Имя", "text"],
  ["middleName", "Отчество", "text"],
  ["birthDate", "Дата рождения", "date"],
  ["sex", "Пол", "select"],
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
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{fullName(card)}</h1>
      <p className="text-sm text-slate-600">{full ? "полная карточка" : "краткие сведения"}</p>
      <section className="rounded border border-slate-200 bg-white p-3">
        {full ? (
          <FieldForm
            action={saveStaffAction.bind(null, card.id)}
            fields={FULL.map(([name, label, type]) => ({
              name,
              label,
              type,
              value: asInput((card as Record<string, unknown>)[name]),
              ...(type === "select"
                ? {
                    options: [
                      { value: "", label: "—" },
                      { value: "MALE", label: SEX_LABELS.MALE },
                      { value: "FEMALE", label: SEX_LABELS.FEMALE },
                    ],
                  }
                : {}),
            }))}
          />
        ) : (
          <dl className="grid gap-2 text-sm sm:grid-cols-3">
            {(["position", "phone", "email"] as const).map((k) => (
              <div key={k}>
                <dt className="text-xs text-slate-500">
                  {{ position: "Должность", phone: "Телефон", email: "E-mail" }[k]}
                </dt>
                <dd>{card[k] ?? "—"}</dd>
              </div>
            ))}
          </dl>
        )}
        {full && card.hiredAt && <p className="mt-2 text-xs text-slate-500">Работает с {formatDate(card.hiredAt)}</p>}
      </section>
    </div>
  );
}
