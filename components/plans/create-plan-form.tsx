"use client";
// PLAN-1: a new plan for one of the teacher loads (class × subject), or for its whole parallel.
import { createPlanAction } from "@/lib/plans/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, Select } from "@/components/ui/field";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export type LoadChoice = { id: number; label: string };

/** A teacher's loads under the teacher's name (the administration's choice of every load: an <optgroup> each). */
export type LoadGroup = { label: string; loads: LoadChoice[] };

export function CreatePlanForm({
  loads,
  groups,
  kind = "SCHOOL",
}: {
  loads: LoadChoice[];
  groups?: LoadGroup[];
  /** DAY-6: «Группа и дисциплина», «на весь курс» at a college. */
  kind?: OrgKindName;
}) {
  const v = vocabulary(kind);
  if (loads.length === 0 && !groups?.length)
    return <p className="text-sm text-slate-500">Нет нагрузки (тарификации), для которой можно создать план.</p>;
  return (
    <ActionForm action={createPlanAction} layout="inline" submitLabel="Создать план" success={null} label="Новый план">
      <Field label={`${cap(v.class.nom)} и ${v.subject.nom}`} name="loadId">
        <Select
          required
          options={loads.map((l) => ({ value: l.id, label: l.label }))}
          groups={groups?.map((g) => ({
            label: g.label,
            options: g.loads.map((l) => ({ value: l.id, label: l.label })),
          }))}
        />
      </Field>
      <Checkbox name="parallel" label={v.forWholeParallel} className="pb-1" />
    </ActionForm>
  );
}
