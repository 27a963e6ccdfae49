"use client";
// «Сообщить родителям» (DUT-5): the students at risk with a checkbox each, the reasons and the
// notices already sent, one editable message («{ученик}», «{причины}» are filled per student).
// On the kit (issue 19): a refusal keeps the ticks and the edited text; the button shows it works.
import { notifyRiskAction } from "@/lib/risk/actions";
import type { RiskRow } from "@/lib/risk/loaders";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { Checkbox, Field, Textarea } from "@/components/ui/field";

const RISK_COLUMNS: readonly DataColumn[] = [
  { key: "pick", header: <span className="sr-only">Выбрать</span> },
  { key: "name", header: "Обучающийся", rowHeader: true },
  { key: "reasons", header: "Причины" },
  { key: "sent", header: "Родителям сообщено" },
];

export function RiskForm({
  classId,
  rows,
  template,
  sentText,
}: {
  classId: number;
  rows: RiskRow[];
  template: string;
  sentText: Record<number, string[]>;
}) {
  return (
    <ActionForm
      action={notifyRiskAction}
      label="Сообщить родителям"
      submitLabel="Сообщить родителям"
      className="space-y-3"
    >
      <input type="hidden" name="classId" value={classId} />
      <DataTable
        label="Ученики группы риска"
        columns={RISK_COLUMNS}
        rows={rows.map((r) => ({
          key: r.studentId,
          cells: {
            pick: <Checkbox name="studentId" value={r.studentId} aria-label={`Выбрать: ${r.name}`} />,
            name: r.name,
            reasons: r.reasons.join("; "),
            sent: (sentText[r.studentId] ?? []).map((t) => (
              <p key={t} className="text-xs">
                {t}
              </p>
            )),
          },
        }))}
      />
      <Field label={`Текст сообщения («{ученик}» и «{причины}» подставятся для каждого ученика)`} name="text">
        <Textarea defaultValue={template} rows={6} maxLength={5000} />
      </Field>
    </ActionForm>
  );
}
