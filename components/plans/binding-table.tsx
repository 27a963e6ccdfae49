"use client";
// PLAN-3: lesson date ↔ topic of an approved plan, in the journal's order; the teacher binds it
// again or puts one topic on another lesson.
import { useState } from "react";
import type { BindReport } from "@/lib/plans/binding";
import { bindAction } from "@/lib/plans/actions";
import { BindReportText } from "./bind-report";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";
import { Table, THead, Td, Tr } from "@/components/ui/table";

export type BindingView = {
  lessonId: number;
  className: string;
  date: string;
  bellNumber: number;
  cancelled: boolean;
  topic: string | null;
  topicPosition: number | null;
  homework: string | null;
  /** The lesson keeps a topic the teacher typed instead of the plan's (PLAN-3). */
  typed: boolean;
};

export function BindingTable({
  planId,
  rows,
  topics,
  canEdit,
}: {
  planId: number;
  rows: BindingView[];
  topics: { id: number; position: number; title: string }[];
  canEdit: boolean;
}) {
  const [report, setReport] = useState<BindReport | null>(null);
  return (
    <div className="space-y-3">
      {canEdit && (
        <div className="space-y-2">
          <ActionForm
            action={bindAction}
            layout="inline"
            label="Привязка тем"
            submitLabel="Привязать темы к урокам заново"
            submitVariant="secondary"
            success={null}
            onResult={(r) => setReport(r.ok ? r.data : null)}
          >
            <input type="hidden" name="planId" value={planId} />
          </ActionForm>
          {report && <BindReportText report={report} />}
          <ActionForm
            action={bindAction}
            layout="inline"
            label="Тема одного урока"
            submitLabel="Привязать"
            resetOnSuccess={false}
            success={(r) => `Уроков изменено: ${r.changed}`}
          >
            <input type="hidden" name="planId" value={planId} />
            <Field label="Урок" name="lessonId">
              <Select>
                {rows
                  .filter((r) => !r.cancelled)
                  .map((r) => (
                    <option key={r.lessonId} value={r.lessonId}>
                      {r.date}, {r.bellNumber} урок
                      {rows.some((x) => x.className !== r.className) ? `, ${r.className}` : ""}
                    </option>
                  ))}
              </Select>
            </Field>
            <Field label="Тема плана" name="topicId">
              <Select
                className="max-w-md"
                placeholder="— без темы —"
                options={topics.map((t) => ({ value: t.id, label: `${t.position}. ${t.title}` }))}
              />
            </Field>
          </ActionForm>
        </div>
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">Уроков по этому предмету в журнале пока нет.</p>
      ) : (
        <Table label="Темы в уроках журнала" maxHeight="max-h-[32rem]">
          <THead headers={["Дата", "Урок", "№ темы", "Тема урока", "Домашнее задание"]} />
          <tbody>
            {rows.map((r) => (
              <Tr key={r.lessonId} className={r.cancelled ? "text-slate-400 line-through" : undefined}>
                <Td className="tabular-nums">{r.date}</Td>
                <Td className="tabular-nums">
                  {r.bellNumber}
                  {r.cancelled && " (отменён)"}
                </Td>
                <Td className="tabular-nums">{r.topicPosition ?? "—"}</Td>
                <Td>
                  {r.topic ?? <span className="text-slate-400">нет темы</span>}
                  {r.typed && (
                    <span
                      className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900"
                      title="Тема введена учителем и не заменена темой плана"
                    >
                      своя тема
                    </span>
                  )}
                </Td>
                <Td>{r.homework}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
