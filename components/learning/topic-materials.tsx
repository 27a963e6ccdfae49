"use client";
// Materials of a plan's topics (LRN-2): each КТП topic with its attached materials; the plan's
// editor attaches one of the subject's materials to a topic (every lesson of the topic then shows
// it in the diary) or detaches it. On the kit (issue 19).
import { useRouter } from "next/navigation";
import { attachMaterialAction } from "@/lib/learning/materials/actions";
import type { PlanMaterialsView } from "@/lib/learning/materials/loaders";
import { ActionForm } from "@/components/ui/action-form";
import { ActionButton } from "@/components/ui/action-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { Field, Select } from "@/components/ui/field";

/** The attach/detach action's fields (the names the action and the fuzz test know). */
export function attachFields(target: "lesson" | "topic", targetId: number, materialId: number, intent: string) {
  return { target, targetId, materialId, intent };
}

function Detach({ topicId, materialId, title }: { topicId: number; materialId: number; title: string }) {
  const detach = useFormAction(attachMaterialAction, attachFields("topic", topicId, materialId, "detach"));
  return (
    <ActionButton action={detach} variant="ghost" aria-label={`Открепить «${title}»`}>
      ×
    </ActionButton>
  );
}

export function TopicMaterials({ view, canEdit }: { view: PlanMaterialsView; canEdit: boolean }) {
  const router = useRouter();
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
          <ActionForm
            action={attachMaterialAction}
            label="Прикрепить материал к теме"
            layout="inline"
            submitLabel="Прикрепить"
            // The chosen topic stays: several materials usually go to one topic.
            resetOnSuccess={false}
            onSuccess={() => router.refresh()}
          >
            <input type="hidden" name="target" value="topic" />
            <input type="hidden" name="intent" value="attach" />
            <Field label="Тема" name="targetId" required>
              <Select
                required
                defaultValue=""
                placeholder="—"
                options={view.topics.map((t) => ({ value: t.id, label: `${t.position}. ${t.title}` }))}
                className="max-w-xs"
              />
            </Field>
            <Field label="Материал" name="materialId" required>
              <Select
                required
                options={view.available.map((m) => ({ value: m.id, label: m.title }))}
                className="max-w-xs"
              />
            </Field>
          </ActionForm>
        ))}
    </div>
  );
}
