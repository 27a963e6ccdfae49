"use client";
// The lesson panel's learning sections (LRN-1, LRN-2), loaded when the panel opens: «Сдача работ»
// (does the homework ask for a hand-in, by when, which assignment gets the mark; who handed in,
// who is late, who did not; the review) and «Материалы» (attached to the lesson or its КТП topic;
// attach one of the subject's materials from the library).
import { useActionState, useCallback, useEffect, useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { saveHandinSettingsAction } from "@/lib/learning/handin/actions";
import type { HandinSettingsView, ReviewView } from "@/lib/learning/handin/loaders";
import { attachMaterialAction } from "@/lib/learning/materials/actions";
import type { AttachedMaterial } from "@/lib/learning/materials/data";
import { HandinRoster, StateBadge } from "./handin-roster";

type Result = ActionResult<{ message: string }> | null;

type LessonLearningData = {
  ok: true;
  canEdit: boolean;
  canReview: boolean;
  homework: { settings: HandinSettingsView; review: ReviewView | null } | null;
  materials: {
    attached: AttachedMaterial[];
    available: { id: number; title: string; kind: string; topic: string | null }[];
  };
};

const input = "w-full rounded border border-slate-300 px-2 py-1 text-sm focus:border-blue-600 focus:outline-none";
const button = "rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50";

function Message({ state }: { state: Result }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state.ok ? state.data.message : state.message}
    </p>
  );
}

function useReloadOnSuccess(state: Result, reload: () => void) {
  useEffect(() => {
    if (state?.ok) reload();
  }, [state, reload]);
}

function SettingsForm({ s, canEdit, reload }: { s: HandinSettingsView; canEdit: boolean; reload: () => void }) {
  const [state, action, pending] = useActionState(saveHandinSettingsAction, null as Result);
  useReloadOnSuccess(state, reload);
  const [on, setOn] = useState(s.handin);
  return (
    <form
      action={action}
      className="space-y-2 rounded border border-slate-200 p-2 text-sm"
      aria-label="Настройки сдачи работ"
    >
      <input type="hidden" name="homeworkId" value={s.homeworkId} />
      <input type="hidden" name="handin" value={on ? "on" : "off"} />
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} disabled={!canEdit} />
        Ученики сдают работу в электронном виде (текст, фото, файлы)
      </label>
      {on && (
        <div className="grid grid-cols-2 gap-2">
          <label>
            Сдать до (дата)
            <input name="dueDate" type="date" defaultValue={s.dueDate} required disabled={!canEdit} className={input} />
          </label>
          <label>
            время
            <input
              name="dueTime"
              type="time"
              defaultValue={s.dueTime}
              disabled={!canEdit}
              className={input}
              placeholder="23:59"
            />
          </label>
          <label className="col-span-2">
            Отметка за работу
            <select name="markTarget" defaultValue={s.markTarget} disabled={!canEdit} className={input}>
              {s.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {canEdit && (
        <button className={button} disabled={pending}>
          Сохранить настройки сдачи
        </button>
      )}
      <Message state={state} />
    </form>
  );
}

function MaterialLink({ m }: { m: { id: number; title: string; kind: string; url: string | null } }) {
  const href = m.kind === "LINK" && m.url ? m.url : `/api/materials/${m.id}`;
  return (
    <a
      href={href}
      className="text-blue-700 hover:underline"
      {...(m.kind === "LINK" ? { target: "_blank", rel: "noreferrer" } : {})}
    >
      {m.title}
    </a>
  );
}

function AttachForm(props: {
  lessonId: number;
  materialId: number;
  intent: "attach" | "detach";
  label: string;
  reload: () => void;
}) {
  const [state, action, pending] = useActionState(attachMaterialAction, null as Result);
  useReloadOnSuccess(state, props.reload);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="target" value="lesson" />
      <input type="hidden" name="targetId" value={props.lessonId} />
      <input type="hidden" name="materialId" value={props.materialId} />
      <input type="hidden" name="intent" value={props.intent} />
      <button disabled={pending} className="rounded border border-slate-300 px-2 text-xs hover:bg-slate-100">
        {props.label}
      </button>
      {state && !state.ok && <span className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}

function Materials({ lessonId, data, reload }: { lessonId: number; data: LessonLearningData; reload: () => void }) {
  const attachedIds = new Set(data.materials.attached.map((m) => m.id));
  const free = data.materials.available.filter((m) => !attachedIds.has(m.id));
  const [pick, setPick] = useState<string>("");
  return (
    <section className="space-y-2" aria-label="Материалы урока">
      <h3 className="font-semibold">Материалы</h3>
      {data.materials.attached.length === 0 ? (
        <p className="text-xs text-slate-500">К уроку материалы не прикреплены.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {data.materials.attached.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2">
              <MaterialLink m={m} />
              {m.viaTopic ? (
                <span className="text-xs text-slate-500">(из темы КТП)</span>
              ) : (
                data.canEdit && (
                  <AttachForm lessonId={lessonId} materialId={m.id} intent="detach" label="Открепить" reload={reload} />
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {data.canEdit && free.length > 0 && (
        <div className="flex items-center gap-2 text-sm">
          <select
            aria-label="Материал из библиотеки"
            value={pick}
            onChange={(e) => setPick(e.target.value)}
            className={input}
          >
            <option value="">— материал из библиотеки —</option>
            {free.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
                {m.topic ? ` (${m.topic})` : ""}
              </option>
            ))}
          </select>
          {pick && (
            <AttachForm
              lessonId={lessonId}
              materialId={Number(pick)}
              intent="attach"
              label="Прикрепить"
              reload={reload}
            />
          )}
        </div>
      )}
      {data.canEdit && (
        <p className="text-xs text-slate-500">
          Новый материал — в разделе{" "}
          <a href="/materials" className="text-blue-700 hover:underline">
            «Учебные материалы»
          </a>
          .
        </p>
      )}
    </section>
  );
}

export function LessonLearning({ lessonId }: { lessonId: number }) {
  const [data, setData] = useState<LessonLearningData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void fetch(`/api/learning/lesson?lessonId=${lessonId}`, { cache: "no-store" })
      .then(async (res) => {
        const body = (await res.json()) as LessonLearningData | { ok: false; message: string };
        if (body.ok) setData(body);
        else setError(body.message);
      })
      .catch(() => setError("Не удалось загрузить сдачу работ и материалы"));
  }, [lessonId]);
  useEffect(reload, [reload]);
  if (error) return <p className="text-xs text-red-700">{error}</p>;
  if (!data) return <p className="text-xs text-slate-500">Загрузка сдачи работ и материалов…</p>;
  const review = data.homework?.review ?? null;
  return (
    <>
      <section className="space-y-2" aria-label="Сдача работ">
        <h3 className="font-semibold">Сдача работ</h3>
        {!data.homework ? (
          <p className="text-xs text-slate-500">
            Сначала сохраните домашнее задание — затем можно попросить сдать работу.
          </p>
        ) : (
          <SettingsForm
            key={JSON.stringify(data.homework.settings)}
            s={data.homework.settings}
            canEdit={data.canEdit}
            reload={reload}
          />
        )}
        {review && (
          <>
            <p className="flex flex-wrap gap-2 text-xs">
              {review.dueLabel && <span className="text-slate-600">Срок: {review.dueLabel}</span>}
              <StateBadge
                state="submitted"
                label={`сдали: ${review.counts.submitted + review.counts.late + review.counts.reviewed + review.counts.returned}`}
              />
              <StateBadge state="late" label={`с опозданием: ${review.counts.late}`} />
              {review.counts.waiting > 0 && (
                <StateBadge state="waiting" label={`ещё не сдали: ${review.counts.waiting}`} />
              )}
              {review.counts.missing > 0 && (
                <StateBadge state="missing" label={`не сдали в срок: ${review.counts.missing}`} />
              )}
              <a href={`/handins/${review.homeworkId}`} className="text-blue-700 hover:underline">
                Открыть на странице «Сдача работ»
              </a>
            </p>
            <HandinRoster
              roster={review.roster}
              canReview={data.canReview}
              hasMarkTarget={review.hasMarkTarget}
              onReviewed={reload}
            />
          </>
        )}
      </section>
      <Materials lessonId={lessonId} data={data} reload={reload} />
    </>
  );
}
