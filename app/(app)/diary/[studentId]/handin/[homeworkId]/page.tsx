// A homework in the diary with its hand-in (LRN-1), phone first: the task, by when, the state
// («ожидается», «сдано», «сдано с опозданием», «проверено», «на доработку»), what was handed in,
// the teacher's comment and mark. The student hands in (or again, until it is reviewed); a parent
// sees the same page read-only. Only the student and their parents (diary.view) open it.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadStudentHandin } from "@/lib/learning/handin/loaders";
import { HandinForm } from "@/components/learning/handin-form";
import { StateBadge } from "@/components/learning/handin-roster";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Сдача работы" };

const params = z.object({
  studentId: idSchema,
  homeworkId: idSchema,
});

export default async function StudentHandinPage({
  params: raw,
}: {
  params: Promise<{ studentId: string; homeworkId: string }>;
}) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { studentId, homeworkId } = parsed.data;
  const { user } = await requireAccess("diary.view", { kind: "student", studentId });
  const view = await loadStudentHandin(user, studentId, homeworkId);
  if (!view) notFound();
  const v = vocabulary(user.orgKind);
  const handin = await authorize(user, "homework.handin", { kind: "student", studentId });
  const s = view.submission;
  return (
    <div className="mx-auto max-w-2xl space-y-3">
      <PageHeader
        back={{ href: `/diary/${studentId}`, label: "Дневник" }}
        title={`${view.subjectName}: домашнее задание`}
        subtitle={
          <>
            {cap(v.lesson.nom)} {view.lessonDate}
            {view.dueLabel ? ` · сдать ${view.dueLabel}` : ""}
          </>
        }
      />
      <div className="rounded border border-slate-200 bg-white p-3">
        <p className="whitespace-pre-line break-words">{view.text}</p>
        {view.files.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-3 text-sm">
            {view.files.map((f) => (
              <li key={f.id}>
                <a href={f.url} className="text-blue-700 hover:underline">
                  {f.name}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      {view.handin && (
        <section className="space-y-2 rounded border border-slate-200 bg-white p-3" aria-label="Моя работа">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="font-semibold">Работа</h2>
            <StateBadge state={view.state} label={view.stateLabel} />
            {view.mark && (
              <span className="rounded bg-slate-800 px-2 py-0.5 text-sm font-semibold text-white" aria-label="Отметка">
                {view.mark}
              </span>
            )}
          </div>
          {s ? (
            <>
              <p className="text-xs text-slate-500">
                {s.submittedLabel}
                {s.attempts > 1 ? ` · попытка ${s.attempts}` : ""}
              </p>
              {s.text && <p className="whitespace-pre-line break-words text-sm">{s.text}</p>}
              {s.files.length > 0 && (
                <ul className="flex flex-wrap gap-2">
                  {s.files.map((f) => (
                    <li key={f.id}>
                      {f.image ? (
                        <a href={`${f.url}?inline=1`} target="_blank" rel="noreferrer">
                          <img
                            src={`${f.url}?inline=1`}
                            alt={`Фото: ${f.name}`}
                            className="h-24 w-24 rounded border object-cover"
                          />
                        </a>
                      ) : (
                        <a href={f.url} className="text-sm text-blue-700 hover:underline">
                          {f.name}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {s.reviewComment && (
                <p className="rounded bg-emerald-50 p-2 text-sm" data-testid="review-comment">
                  Комментарий {v.teacher.gen}: {s.reviewComment}
                </p>
              )}
              {s.reviewedLabel && <p className="text-xs text-slate-500">{s.reviewedLabel}</p>}
            </>
          ) : (
            <p className="text-sm text-slate-600">Работа ещё не сдана.</p>
          )}
        </section>
      )}
      {view.handin && handin.allowed && !view.reviewed && (
        <HandinForm
          homeworkId={view.homeworkId}
          studentId={studentId}
          text={s?.text ?? ""}
          files={s?.files.map((f) => ({ id: f.id, name: f.name })) ?? []}
          again={s !== null}
        />
      )}
      {view.handin && handin.allowed && view.reviewed && (
        <p className="text-sm text-slate-600">Работа проверена — сдать её заново нельзя.</p>
      )}
    </div>
  );
}
