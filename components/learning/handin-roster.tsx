"use client";
// Who handed in, who is late, who did not (LRN-1), per student, with the hand-in (text, files,
// photos) and the review form: a comment and a mark into the journal cell of the hand-in's
// assignment, or «на доработку». Used by the lesson panel and the «Сдача работ» page.
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { reviewHandinAction } from "@/lib/learning/handin/actions";
import type { RosterView } from "@/lib/learning/handin/loaders";
import type { HandinState } from "@/lib/learning/handin/rules";
import type { ActionResult } from "@/lib/errors";
import { STATE_TONE } from "./state-tone";

type Result = ActionResult<{ message: string }> | null;

export function StateBadge({ state, label }: { state: HandinState; label: string }) {
  return (
    <span data-state={state} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_TONE[state]}`}>
      {label}
    </span>
  );
}

const input = "w-full rounded border border-slate-300 px-2 py-1 text-sm focus:border-blue-600 focus:outline-none";

function ReviewForm({ row, hasMarkTarget, onDone }: { row: RosterView; hasMarkTarget: boolean; onDone?: () => void }) {
  const [state, action, pending] = useActionState(reviewHandinAction, null as Result);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) {
      onDone?.();
      router.refresh();
    }
  }, [state, router, onDone]);
  const s = row.submission!;
  return (
    <form action={action} className="mt-2 grid grid-cols-[1fr_auto] gap-2" aria-label={`Проверка: ${row.name}`}>
      <input type="hidden" name="submissionId" value={s.submissionId} />
      <input type="hidden" name="version" value={s.version} />
      <label className="col-span-2 text-xs">
        Комментарий
        <input name="comment" defaultValue={s.reviewComment ?? ""} maxLength={500} className={input} />
      </label>
      {hasMarkTarget ? (
        <label className="text-xs">
          Отметка в журнал
          <input
            name="mark"
            defaultValue={row.mark ?? ""}
            maxLength={10}
            inputMode="numeric"
            className={`${input} w-20`}
          />
        </label>
      ) : (
        <p className="text-xs text-slate-500">Отметка не выставляется (задание для отметки не выбрано).</p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <button
          name="intent"
          value="review"
          disabled={pending}
          className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
        >
          Проверено
        </button>
        <button
          name="intent"
          value="return"
          disabled={pending}
          className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50"
        >
          На доработку
        </button>
      </div>
      {state && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`col-span-2 text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.ok ? state.data.message : state.message}
        </p>
      )}
    </form>
  );
}

export function HandinRoster(props: {
  roster: RosterView[];
  canReview: boolean;
  hasMarkTarget: boolean;
  onReviewed?: () => void;
}) {
  if (props.roster.length === 0) return <p className="text-sm text-slate-500">В классе нет учеников на дату урока.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label="Сдача работ по ученикам">
      {props.roster.map((row) => (
        <li key={row.studentId} className="py-2" data-student={row.studentId}>
          <div className="flex flex-wrap items-baseline gap-2">
            <span className="font-medium">{row.name}</span>
            <StateBadge state={row.state} label={row.stateLabel} />
            {row.mark && (
              <span className="rounded bg-slate-800 px-1.5 text-xs font-semibold text-white">{row.mark}</span>
            )}
            {row.submission && <span className="text-xs text-slate-500">{row.submission.submittedLabel}</span>}
          </div>
          {row.submission && (
            <div className="mt-1 space-y-1">
              {row.submission.text && (
                <p className="whitespace-pre-line break-words text-slate-700">{row.submission.text}</p>
              )}
              {row.submission.files.length > 0 && (
                <ul className="flex flex-wrap gap-2">
                  {row.submission.files.map((f) => (
                    <li key={f.id}>
                      {f.image ? (
                        <a href={`${f.url}?inline=1`} target="_blank" rel="noreferrer" title={f.name}>
                          <img
                            src={`${f.url}?inline=1`}
                            alt={`Фото работы: ${f.name}`}
                            className="h-20 w-20 rounded border border-slate-200 object-cover"
                          />
                        </a>
                      ) : (
                        <a href={f.url} className="text-blue-700 hover:underline">
                          {f.name}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {row.submission.reviewComment && (
                <p className="text-xs text-slate-600">Комментарий учителя: {row.submission.reviewComment}</p>
              )}
              {props.canReview && (
                <ReviewForm row={row} hasMarkTarget={props.hasMarkTarget} onDone={props.onReviewed} />
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
