"use client";
// PLAN-3: lesson date ↔ topic of an approved plan, in the journal's order; the teacher binds it
// again or puts one topic on another lesson.
import { useActionState } from "react";
import { bindAction } from "@/lib/plans/actions";
import { BindReportText } from "./bind-report";
import { FormStatus } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

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
  const [state, action] = useActionState(bindAction, null);
  const [oneState, oneAction, onePending] = useActionState(bindAction, null);
  return (
    <div className="space-y-3">
      {canEdit && (
        <div className="space-y-2">
          <form action={action} className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="planId" value={planId} />
            <SubmitButton variant="secondary">Привязать темы к урокам заново</SubmitButton>
            <FormStatus state={state} success={null} />
          </form>
          {state?.ok === true && <BindReportText report={state.data} />}
          <form action={oneAction} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="planId" value={planId} />
            <label className="text-sm">
              <span className="block text-slate-600">Урок</span>
              <Select name="lessonId">
                {rows
                  .filter((r) => !r.cancelled)
                  .map((r) => (
                    <option key={r.lessonId} value={r.lessonId}>
                      {r.date}, {r.bellNumber} урок
                      {rows.some((x) => x.className !== r.className) ? `, ${r.className}` : ""}
                    </option>
                  ))}
              </Select>
            </label>
            <label className="text-sm">
              <span className="block text-slate-600">Тема плана</span>
              <Select className="max-w-md" name="topicId">
                <option value="">— без темы —</option>
                {topics.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.position}. {t.title}
                  </option>
                ))}
              </Select>
            </label>
            <Button type="submit" disabled={onePending}>
              Привязать
            </Button>
            <FormStatus state={oneState} success={(r) => `Уроков изменено: ${r.changed}`} />
          </form>
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
