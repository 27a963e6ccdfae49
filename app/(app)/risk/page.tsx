// «Группа риска» (DUT-5, seeds 001 §3.4, 002 §4.4.2): per class, the students with a forecast «2»,
// a risk of «н/а» or absences over the organisation's threshold (lib/journal/averages.ts figures);
// «Сообщить родителям» sends each family a templated, editable message with a push and records it
// per student. A subject teacher sees their own subjects only.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireAccess } from "@/lib/access/guard";
import { loadRiskPage } from "@/lib/risk/loaders";
import { RISK_TEMPLATE } from "@/lib/risk/rules";
import { formatDateTime } from "@/lib/org/time";
import { RiskForm } from "@/components/risk/risk-form";
import { PickerForm } from "@/components/ui/picker-form";
import { Field, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Группа риска" };

export default async function RiskPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("risk.notify");
  const v = vocabulary(user.orgKind);
  const page = await loadRiskPage(user, scopes, await searchParams);
  if (!page.allowed) forbidden();
  const classWord = cap(v.class.nom);
  const sentText = Object.fromEntries(
    page.rows.map((r) => [
      r.studentId,
      r.notices.map((n) => `${formatDateTime(n.sentAt, user.timeZone)} · ${n.sender}`),
    ]),
  );
  return (
    <div className="space-y-4">
      <PageHeader title="Группа риска" />
      <p className="text-sm text-slate-600">
        {cap(v.student.nomPl)} с прогнозом «2», риском «н/а» или пропусками от {page.percent} % уроков в текущем периоде
        {page.allSubjects ? "" : " — по вашим предметам"}.
      </p>
      <PickerForm label={`Выбор ${v.class.gen}`}>
        <Field label={classWord} name="class">
          <Select defaultValue={page.classId ?? undefined} options={optionsOf(page.classes)} />
        </Field>
      </PickerForm>
      {page.classId === null ? (
        <p className="text-sm text-slate-600">Нет {v.class.genPl}, за которые вы отвечаете.</p>
      ) : page.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{cap(v.student.genPl)} группы риска нет.</p>
      ) : (
        <RiskForm
          key={page.classId}
          classId={page.classId}
          rows={page.rows}
          template={RISK_TEMPLATE}
          sentText={sentText}
        />
      )}
    </div>
  );
}
