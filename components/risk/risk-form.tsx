"use client";
// «Сообщить родителям» (DUT-5): the students at risk with a checkbox each, the reasons and the
// notices already sent, one editable message («{ученик}», «{причины}» are filled per student).
import { useActionState } from "react";
import { notifyRiskAction } from "@/lib/risk/actions";
import type { RiskRow } from "@/lib/risk/loaders";

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
  const [state, action, pending] = useActionState(notifyRiskAction, null);
  return (
    <form action={action} className="space-y-3" aria-label="Сообщить родителям">
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
                  <input type="checkbox" name="studentId" value={r.studentId} aria-label={`Выбрать: ${r.name}`} />
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
      <label className="block text-sm">
        Текст сообщения («{"{ученик}"}» и «{"{причины}"}» подставятся для каждого ученика)
        <textarea
          name="text"
          defaultValue={template}
          rows={6}
          maxLength={5000}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <div className="flex items-center gap-3">
        <button disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
          Сообщить родителям
        </button>
        {state && (
          <span
            role={state.ok ? "status" : "alert"}
            className={state.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}
          >
            {state.ok ? state.data.message : state.message}
          </span>
        )}
      </div>
    </form>
  );
}
