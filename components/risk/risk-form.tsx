"use client";
// «Сообщить родителям» (DUT-5): the students at risk with a checkbox each, the reasons and the
// notices already sent, one editable message («{ученик}», «{причины}» are filled per student).
// On the kit (issue 19): a refusal keeps the ticks and the edited text; the button shows it works.
import { notifyRiskAction } from "@/lib/risk/actions";
import type { RiskRow } from "@/lib/risk/loaders";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, Textarea } from "@/components/ui/field";

const cell = "border px-2 py-1 align-top";

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
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse bg-white text-sm" aria-label="Ученики группы риска">
          <thead className="bg-slate-100 text-left text-xs">
            <tr>
              <th className={cell}>
                <span className="sr-only">Выбрать</span>
              </th>
              <th className={cell}>Обучающийся</th>
              <th className={cell}>Причины</th>
              <th className={cell}>Родителям сообщено</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.studentId}>
                <td className={cell}>
                  <Checkbox name="studentId" value={r.studentId} aria-label={`Выбрать: ${r.name}`} />
                </td>
                <td className={cell}>{r.name}</td>
                <td className={cell}>{r.reasons.join("; ")}</td>
                <td className={cell}>
                  {(sentText[r.studentId] ?? []).map((t) => (
                    <p key={t} className="text-xs">
                      {t}
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Field label={`Текст сообщения («{ученик}» и «{причины}» подставятся для каждого ученика)`} name="text">
        <Textarea defaultValue={template} rows={6} maxLength={5000} />
      </Field>
    </ActionForm>
  );
}
