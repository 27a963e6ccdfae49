"use client";
// The lesson panel's learning sections (LRN-1, LRN-2), loaded when the panel opens: «Сдача работ»
// (does the homework ask for a hand-in, by when, which assignment gets the mark; who handed in,
// who is late, who did not; the review) and «Материалы» (attached to the lesson or its КТП topic;
// attach one of the subject's materials from the library).
import { useCallback, useEffect, useState } from "react";
import { saveHandinSettingsAction } from "@/lib/learning/handin/actions";
import type { HandinSettingsView, ReviewView } from "@/lib/learning/handin/loaders";
import { attachMaterialAction } from "@/lib/learning/materials/actions";
import type { AttachedMaterial } from "@/lib/learning/materials/data";
import { ActionButton } from "@/components/ui/action-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Checkbox, DateInput, Field, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { HandinRoster, StateBadge } from "./handin-roster";
import { attachFields } from "./topic-materials";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

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

function SettingsForm({
  s,
  canEdit,
  reload,
  kind,
}: {
  s: HandinSettingsView;
  canEdit: boolean;
  reload: () => void;
  kind: OrgKindName;
}) {
  const [on, setOn] = useState(s.handin);
  return (
    <ActionForm
      action={saveHandinSettingsAction}
      label="Настройки сдачи работ"
      framed
      submitLabel={canEdit ? "Сохранить настройки сдачи" : undefined}
      // Saved settings stay on screen (the panel reloads them after a success).
      resetOnSuccess={false}
      onSuccess={reload}
    >
      <input type="hidden" name="homeworkId" value={s.homeworkId} />
      <input type="hidden" name="handin" value={on ? "on" : "off"} />
      <Checkbox
        checked={on}
        onChange={(e) => setOn(e.target.checked)}
        disabled={!canEdit}
        label={`${cap(vocabulary(kind).student.nomPl)} сдают работу в электронном виде (текст, фото, файлы)`}
      />
      {on && (
        <div className="grid grid-cols-2 gap-2">
          <Field label="Сдать до (дата)" name="dueDate" required>
            <DateInput defaultValue={s.dueDate} required disabled={!canEdit} />
          </Field>
          <Field label="время" name="dueTime">
            <Input type="time" defaultValue={s.dueTime} disabled={!canEdit} placeholder="23:59" className="w-full" />
          </Field>
          <Field label="Отметка за работу" name="markTarget" className="col-span-2">
            <Select
              defaultValue={s.markTarget}
              disabled={!canEdit}
              options={s.options.map((o) => ({ value: o.value, label: o.label }))}
              className="w-full"
            />
          </Field>
        </div>
      )}
    </ActionForm>
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

/** Detach a material from the lesson: one click, the panel reloads after it. */
function DetachButton(props: { lessonId: number; materialId: number; title: string; reload: () => void }) {
  const detach = useFormAction(
    attachMaterialAction,
    attachFields("lesson", props.lessonId, props.materialId, "detach"),
    props.reload,
  );
  return (
    <ActionButton action={detach} aria-label={`Открепить «${props.title}»`}>
      Открепить
    </ActionButton>
  );
}

/** Attach one of the subject's materials from the library to the lesson. */
function AttachForm(props: {
  lessonId: number;
  kind: OrgKindName;
  free: { id: number; title: string; topic: string | null }[];
  reload: () => void;
}) {
  const [pick, setPick] = useState("");
  return (
    <ActionForm
      action={attachMaterialAction}
      label={`Прикрепить материал к ${vocabulary(props.kind).lesson.dat}`}
      layout="inline"
      size="sm"
      onSuccess={() => {
        setPick("");
        props.reload();
      }}
      status="manual"
    >
      <input type="hidden" name="target" value="lesson" />
      <input type="hidden" name="targetId" value={props.lessonId} />
      <input type="hidden" name="intent" value="attach" />
      <Select
        name="materialId"
        aria-label="Материал из библиотеки"
        value={pick}
        onChange={(e) => setPick(e.target.value)}
        placeholder="— материал из библиотеки —"
        options={props.free.map((m) => ({ value: m.id, label: `${m.title}${m.topic ? ` (${m.topic})` : ""}` }))}
        className="min-w-0 max-w-full"
      />
      {pick && (
        <SubmitButton variant="secondary" size="sm">
          Прикрепить
        </SubmitButton>
      )}
      <FormStatus size="sm" />
    </ActionForm>
  );
}

function Materials({
  lessonId,
  data,
  reload,
  kind,
}: {
  lessonId: number;
  data: LessonLearningData;
  reload: () => void;
  kind: OrgKindName;
}) {
  const v = vocabulary(kind);
  const attachedIds = new Set(data.materials.attached.map((m) => m.id));
  const free = data.materials.available.filter((m) => !attachedIds.has(m.id));
  return (
    <section className="space-y-2" aria-label={`Материалы ${v.lesson.gen}`}>
      <h3 className="font-semibold">Материалы</h3>
      {data.materials.attached.length === 0 ? (
        <p className="text-xs text-slate-500">К {v.lesson.dat} материалы не прикреплены.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {data.materials.attached.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2">
              <MaterialLink m={m} />
              {m.viaTopic ? (
                <span className="text-xs text-slate-500">(из темы КТП)</span>
              ) : (
                data.canEdit && <DetachButton lessonId={lessonId} materialId={m.id} title={m.title} reload={reload} />
              )}
            </li>
          ))}
        </ul>
      )}
      {data.canEdit && free.length > 0 && <AttachForm lessonId={lessonId} free={free} reload={reload} kind={kind} />}
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

/** `kind`: the organisation's words (DAY-6, issue 22 round 24) — a college's «студенты», «занятие», «преподаватель». */
export function LessonLearning({ lessonId, kind = "SCHOOL" }: { lessonId: number; kind?: OrgKindName }) {
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
            kind={kind}
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
              kind={kind}
            />
          </>
        )}
      </section>
      <Materials lessonId={lessonId} data={data} reload={reload} kind={kind} />
    </>
  );
}
