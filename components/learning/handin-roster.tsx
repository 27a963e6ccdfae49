"use client";
// Who handed in, who is late, who did not (LRN-1), per student, with the hand-in (text, files,
// photos) and the review form: a comment and a mark into the journal cell of the hand-in's
// assignment, or «на доработку». Used by the lesson panel and the «Сдача работ» page. The review
// form is on the kit (issue 19): a refusal keeps the comment and the mark, the buttons show it working.
import { useRouter } from "next/navigation";
import { reviewHandinAction } from "@/lib/learning/handin/actions";
import type { RosterView } from "@/lib/learning/handin/loaders";
import type { HandinState } from "@/lib/learning/handin/rules";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Field, Input } from "@/components/ui/field";
import { MarkBadge } from "@/components/ui/mark-badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { STATE_TONE } from "./state-tone";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export function StateBadge({ state, label }: { state: HandinState; label: string }) {
  return (
    <span data-state={state} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_TONE[state]}`}>
      {label}
    </span>
  );
}

function ReviewForm({ row, hasMarkTarget, onDone }: { row: RosterView; hasMarkTarget: boolean; onDone?: () => void }) {
  const router = useRouter();
  const s = row.submission!;
  return (
    <ActionForm
      action={reviewHandinAction}
      label={`Проверка: ${row.name}`}
      className="mt-2"
      layout="bare"
      status="manual"
      // The comment and the mark just saved stay in the form (the list shows them too).
      resetOnSuccess={false}
      onSuccess={() => {
        onDone?.();
        router.refresh();
      }}
    >
      <div className="grid grid-cols-[1fr_auto] gap-2">
        <input type="hidden" name="submissionId" value={s.submissionId} />
        <input type="hidden" name="version" value={s.version} />
        <Field label="Комментарий" name="comment" className="col-span-2">
          <Input defaultValue={s.reviewComment ?? ""} maxLength={500} className="w-full" />
        </Field>
        {hasMarkTarget ? (
          <Field label="Отметка в журнал" name="mark">
            <Input defaultValue={row.mark ?? ""} maxLength={10} inputMode="numeric" className="w-20" />
          </Field>
        ) : (
          <p className="text-xs text-slate-500">Отметка не выставляется (задание для отметки не выбрано).</p>
        )}
        <div className="flex flex-wrap items-end gap-2">
          <SubmitButton name="intent" value="review">
            Проверено
          </SubmitButton>
          <SubmitButton name="intent" value="return" variant="secondary">
            На доработку
          </SubmitButton>
        </div>
        <FormStatus size="sm" className="col-span-2" />
      </div>
    </ActionForm>
  );
}

export function HandinRoster(props: {
  roster: RosterView[];
  canReview: boolean;
  hasMarkTarget: boolean;
  onReviewed?: () => void;
  /** DAY-6 (issue 22 round 24): the organisation's words — a college's «студентам», «преподавателя». */
  kind?: OrgKindName;
}) {
  const v = vocabulary(props.kind ?? "SCHOOL");
  if (props.roster.length === 0)
    return (
      <p className="text-sm text-slate-500">
        В {v.class.prep} нет {v.student.genPl} на дату {v.lesson.gen}.
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label={`Сдача работ по ${v.student.datPl}`}>
      {props.roster.map((row) => (
        <li key={row.studentId} className="py-2" data-student={row.studentId}>
          <div className="flex flex-wrap items-baseline gap-2">
            <span className="font-medium">{row.name}</span>
            <StateBadge state={row.state} label={row.stateLabel} />
            {row.mark && <MarkBadge label={row.mark} title="Отметка в журнале" />}
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
                <p className="text-xs text-slate-600">
                  Комментарий {v.teacher.gen}: {row.submission.reviewComment}
                </p>
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
