"use client";
// Materials of a plan's topics (LRN-2): each КТП topic with its attached materials; the plan's
// editor attaches one of the subject's materials to a topic (every lesson of the topic then shows
// it in the diary) or detaches it.
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import { attachMaterialAction } from "@/lib/learning/materials/actions";
import type { PlanMaterialsView } from "@/lib/learning/materials/loaders";

type Result = ActionResult<{ message: string }> | null;

const field = "rounded border border-slate-300 px-2 py-1 text-sm";

function useRefresh(state: Result) {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
}

function Detach({ topicId, materialId, title }: { topicId: number; materialId: number; title: string }) {
  const [state, action, pending] = useActionState(attachMaterialAction, null as Result);
  useRefresh(state);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="target" value="topic" />
      <input type="hidden" name="targetId" value={topicId} />
      <input type="hidden" name="materialId" value={materialId} />
      <input type="hidden" name="intent" value="detach" />
      <button
        disabled={pending}
        aria-label={`Открепить «${title}»`}
        className="px-1 text-xs text-slate-500 hover:text-red-700"
      >
        ×
      </button>
    </form>
  );
}

export function TopicMaterials({ view, canEdit }: { view: PlanMaterialsView; canEdit: boolean }) {
  const [state, action, pending] = useActionState(attachMaterialAction, null as Result);
  useRefresh(state);
  const [topic, setTopic] = useState("");
  const withMaterials = view.topics.filter((t) => t.materials.length > 0);
  return (
    <div className="space-y-3 text-sm">
      {withMaterials.length === 0 ? (
        <p className="text-slate-500">К темам плана материалы не прикреплены.</p>
      ) : (
        <ul className="space-y-1" aria-label="Материалы тем">
          {withMaterials.map((t) => (
            <li key={t.id}>
              <span className="text-slate-500">{t.position}.</span> {t.title}:{" "}
              {t.materials.map((m) => (
                <span key={m.id} className="mr-2 inline-flex items-center">
                  <a href={m.href} className="text-blue-700 hover:underline">
                    {m.title}
                  </a>
                  {canEdit && <Detach topicId={t.id} materialId={m.id} title={m.title} />}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        (view.available.length === 0 ? (
          <p className="text-xs text-slate-500">
            В библиотеке нет материалов этого предмета —{" "}
            <a href="/materials" className="text-blue-700 hover:underline">
              разместите их в «Учебных материалах»
            </a>
            .
          </p>
        ) : (
          <form action={action} className="flex flex-wrap items-end gap-2" aria-label="Прикрепить материал к теме">
            <input type="hidden" name="target" value="topic" />
            <input type="hidden" name="intent" value="attach" />
            <label>
              Тема
              <select
                name="targetId"
                required
                value={topic}
                onChange={(e) => setTopic(e.target.value)}
                className={`${field} block max-w-xs`}
              >
                <option value="">—</option>
                {view.topics.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.position}. {t.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Материал
              <select name="materialId" required className={`${field} block max-w-xs`}>
                {view.available.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}
                  </option>
                ))}
              </select>
            </label>
            <button
              disabled={pending}
              className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white disabled:opacity-50"
            >
              Прикрепить
            </button>
            {state && (
              <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-emerald-700" : "text-red-700"}>
                {state.ok ? state.data.message : state.message}
              </span>
            )}
          </form>
        ))}
    </div>
  );
}
