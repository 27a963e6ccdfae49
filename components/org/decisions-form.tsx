"use client";
// «Решения педсовета» of one class (REC-4): the batch's protocol and order, one decision per student
// starting from the recorded one (or the movement book's expulsion, or the year transition's default);
// «выбыл» takes the day of leaving. A closed year shows the same table without inputs.
import { useActionState } from "react";
import { saveDecisionsAction } from "@/lib/org/decisions/actions";
import { DECISION_KINDS, DECISION_LABELS, orderText, type DecisionKind } from "@/lib/org/decisions/rules";
import { formatDate } from "@/lib/org/time";

export type DecisionRow = {
  studentId: number;
  name: string;
  failing: string[];
  /** The recorded decision as the sheet reads it (lib/org/decisions/rules.ts recordedText). */
  recorded: { decision: DecisionKind; date: Date | null; text: string } | null;
  expulsion: { date: Date; orderNumber: string; orderDate: Date } | null;
  starting: { decision: DecisionKind; source: "recorded" | "movement" | "default" };
};

const input = "block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function DecisionsForm(props: {
  yearId: number;
  classId: number;
  readOnly: boolean;
  rows: DecisionRow[];
  today: string;
}) {
  const [state, action, pending] = useActionState(saveDecisionsAction, null);
  const err = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const table = (
    <table className="w-full border-collapse text-sm" aria-label="Решения по обучающимся">
      <thead>
        <tr className="border-b border-slate-300 text-left text-xs text-slate-500">
          <th className="px-2 py-1">№</th>
          <th className="px-2 py-1">Обучающийся</th>
          <th className="px-2 py-1">Годовые «2», н/а</th>
          <th className="px-2 py-1">Записано</th>
          {!props.readOnly && <th className="px-2 py-1">Решение</th>}
          {!props.readOnly && <th className="px-2 py-1">Дата выбытия</th>}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r, i) => (
          <tr key={r.studentId} className="border-b border-slate-100 align-top">
            <td className="px-2 py-1">{i + 1}</td>
            <td className="px-2 py-1">{r.name}</td>
            <td className="px-2 py-1 text-red-700">{r.failing.join(", ")}</td>
            <td className="px-2 py-1 text-slate-700">
              {r.recorded?.text ?? "—"}
              {r.expulsion && (
                <span className="block text-xs text-slate-500">
                  книга движения: выбыл {formatDate(r.expulsion.date)},{" "}
                  {orderText(r.expulsion.orderNumber, r.expulsion.orderDate)}
                </span>
              )}
            </td>
            {!props.readOnly && (
              <td className="px-2 py-1">
                <select
                  name={`decision_${r.studentId}`}
                  defaultValue={r.starting.decision}
                  aria-label={`Решение: ${r.name}`}
                  className={input}
                >
                  <option value="">— не решено —</option>
                  {DECISION_KINDS.filter((k) => !r.expulsion || k === "LEFT").map((k) => (
                    <option key={k} value={k}>
                      {DECISION_LABELS[k]}
                    </option>
                  ))}
                </select>
              </td>
            )}
            {!props.readOnly && (
              <td className="px-2 py-1">
                {r.expulsion ? (
                  <span className="text-slate-600">{formatDate(r.expulsion.date)}</span>
                ) : (
                  <input
                    type="date"
                    name={`date_${r.studentId}`}
                    aria-label={`Дата выбытия: ${r.name}`}
                    defaultValue={r.recorded?.date ? iso(r.recorded.date) : ""}
                    className={input}
                  />
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (props.readOnly) return table;
  return (
    <form action={action} className="space-y-3" aria-label="Решения педсовета">
      <input type="hidden" name="yearId" value={props.yearId} />
      <input type="hidden" name="classId" value={props.classId} />
      <section className="grid gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-4">
        <label className="text-xs text-slate-600">
          Протокол педсовета № *
          <input name="protocolNumber" className={input} />
          {err.protocolNumber && <span className="text-red-700">{err.protocolNumber.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600">
          Дата протокола *
          <input type="date" name="protocolDate" defaultValue={props.today} className={input} />
          {err.protocolDate && <span className="text-red-700">{err.protocolDate.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600">
          Приказ № (для выбытия — обязательно)
          <input name="orderNumber" className={input} />
          {err.orderNumber && <span className="text-red-700">{err.orderNumber.join("; ")}</span>}
        </label>
        <label className="text-xs text-slate-600">
          Дата приказа
          <input type="date" name="orderDate" className={input} />
          {err.orderDate && <span className="text-red-700">{err.orderDate.join("; ")}</span>}
        </label>
      </section>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white p-2">{table}</div>
      <p className="text-xs text-slate-500">
        Протокол записывается к новым и изменённым решениям; решения, уже внесённые с протоколом и не изменённые,
        сохраняют свой протокол. «Выбыл» без записи в книге движения записывается туда по приказу выше.
      </p>
      <div className="flex items-center gap-3">
        <button disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
          {pending ? "Сохранение…" : "Сохранить решения"}
        </button>
        {state?.ok && (
          <span role="status" className="text-sm text-emerald-700">
            Сохранено решений: {state.data.written}
          </span>
        )}
        {state && !state.ok && (
          <span role="alert" className="text-sm text-red-700">
            {state.message}
          </span>
        )}
      </div>
    </form>
  );
}
