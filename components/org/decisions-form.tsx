"use client";
// «Решения педсовета» of one class (REC-4): the batch's protocol and order, one decision per student
// starting from the recorded one (or the movement book's expulsion, or the year transition's default);
// «выбыл» takes the day of leaving. A closed year shows the same table without inputs.
import { saveDecisionsAction } from "@/lib/org/decisions/actions";
import { DECISION_KINDS, DECISION_LABELS, orderText, type DecisionKind } from "@/lib/org/decisions/rules";
import { formatDate, isoDate } from "@/lib/org/time";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, Input, Select } from "@/components/ui/field";
import { RowTh, Table, Td, THead, Tr } from "@/components/ui/table";

export type DecisionRow = {
  studentId: number;
  name: string;
  failing: string[];
  /** The recorded decision as the sheet reads it (lib/org/decisions/rules.ts recordedText). */
  recorded: { decision: DecisionKind; date: Date | null; text: string } | null;
  expulsion: { date: Date; orderNumber: string; orderDate: Date } | null;
  starting: { decision: DecisionKind; source: "recorded" | "movement" | "default" };
};

export function DecisionsForm(props: {
  yearId: number;
  classId: number;
  readOnly: boolean;
  rows: DecisionRow[];
  today: string;
}) {
  const table = (
    <Table label="Решения по обучающимся" maxHeight="none">
      <THead
        headers={[
          { label: "№", align: "right" },
          "Обучающийся",
          "Годовые «2», н/а",
          "Записано",
          !props.readOnly && "Решение",
          !props.readOnly && "Дата выбытия",
        ]}
      />
      <tbody>
        {props.rows.map((r, i) => (
          <Tr key={r.studentId}>
            <Td align="right">{i + 1}</Td>
            <RowTh>{r.name}</RowTh>
            <Td className="text-red-700">{r.failing.join(", ")}</Td>
            <Td className="text-slate-700">
              {r.recorded?.text ?? "—"}
              {r.expulsion && (
                <span className="block text-xs text-slate-500">
                  книга движения: выбыл {formatDate(r.expulsion.date)},{" "}
                  {orderText(r.expulsion.orderNumber, r.expulsion.orderDate)}
                </span>
              )}
            </Td>
            {!props.readOnly && (
              <Td>
                <Select
                  name={`decision_${r.studentId}`}
                  defaultValue={r.starting.decision}
                  aria-label={`Решение: ${r.name}`}
                  className="w-full"
                >
                  <option value="">— не решено —</option>
                  {DECISION_KINDS.filter((k) => !r.expulsion || k === "LEFT").map((k) => (
                    <option key={k} value={k}>
                      {DECISION_LABELS[k]}
                    </option>
                  ))}
                </Select>
              </Td>
            )}
            {!props.readOnly && (
              <Td>
                {r.expulsion ? (
                  <span className="text-slate-600">{formatDate(r.expulsion.date)}</span>
                ) : (
                  <DateInput
                    name={`date_${r.studentId}`}
                    aria-label={`Дата выбытия: ${r.name}`}
                    defaultValue={r.recorded?.date ? isoDate(r.recorded.date) : ""}
                    className="w-full"
                  />
                )}
              </Td>
            )}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
  if (props.readOnly) return table;
  return (
    <ActionForm
      action={saveDecisionsAction}
      label="Решения педсовета"
      className="space-y-3"
      layout="bare"
      resetOnSuccess={false}
      submitLabel="Сохранить решения"
      success={(d) => `Сохранено решений: ${d.written}`}
    >
      <input type="hidden" name="yearId" value={props.yearId} />
      <input type="hidden" name="classId" value={props.classId} />
      <section className="grid gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-4">
        <Field label="Протокол педсовета № *" name="protocolNumber">
          <Input className="w-full" />
        </Field>
        <Field label="Дата протокола *" name="protocolDate">
          <DateInput defaultValue={props.today} className="w-full" />
        </Field>
        <Field label="Приказ № (для выбытия — обязательно)" name="orderNumber">
          <Input className="w-full" />
        </Field>
        <Field label="Дата приказа" name="orderDate">
          <DateInput className="w-full" />
        </Field>
      </section>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white p-2">{table}</div>
      <p className="text-xs text-slate-500">
        Протокол записывается к новым и изменённым решениям; решения, уже внесённые с протоколом и не изменённые,
        сохраняют свой протокол. «Выбыл» без записи в книге движения записывается туда по приказу выше.
      </p>
    </ActionForm>
  );
}
