"use client";
// PLAN-3: lesson date ↔ topic of an approved plan, in the journal's order; the teacher binds it
// again or puts one topic on another lesson.
import { useState } from "react";
import type { BindReport } from "@/lib/plans/binding";
import { bindAction } from "@/lib/plans/actions";
import { BindReportText } from "./bind-report";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";

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
        <div className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-sm" aria-label="Темы в уроках журнала">
            <thead className="sticky top-0 bg-slate-100 text-left">
              <tr>
                <th className="px-2 py-1 font-medium">Дата</th>
                <th className="px-2 py-1 font-medium">Урок</th>
                <th className="px-2 py-1 font-medium">№ темы</th>
                <th className="px-2 py-1 font-medium">Тема урока</th>
                <th className="px-2 py-1 font-medium">Домашнее задание</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.lessonId}
                  className={`border-t border-slate-100 ${r.cancelled ? "text-slate-400 line-through" : ""}`}
                >
                  <td className="px-2 py-0.5 tabular-nums">{r.date}</td>
                  <td className="px-2 py-0.5 tabular-nums">
                    {r.bellNumber}
                    {r.cancelled && " (отменён)"}
                  </td>
                  <td className="px-2 py-0.5 tabular-nums">{r.topicPosition ?? "—"}</td>
                  <td className="px-2 py-0.5">
                    {r.topic ?? <span className="text-slate-400">нет темы</span>}
                    {r.typed && (
                      <span
                        className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900"
                        title="Тема введена учителем и не заменена темой плана"
                      >
                        своя тема
                      </span>
                    )}
                  </td>
                  <td className="px-2 py-0.5">{r.homework}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
