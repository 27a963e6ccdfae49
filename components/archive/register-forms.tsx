"use client";
// Forms of «Реестр архива» (REC-5): the retention period per document kind (ADMIN's setting) and
// the act of destruction ADMIN confirms for documents past their retention.
import { disposeAction, saveRetentionAction } from "@/lib/archive/actions";
import { RETENTION_KINDS, RETENTION_LABELS, type RetentionKind } from "@/lib/archive/rules";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, Input } from "@/components/ui/field";

export function RetentionForm({ years }: { years: Record<RetentionKind, number> }) {
  return (
    <ActionForm action={saveRetentionAction} label="Сроки хранения" framed submitLabel="Сохранить сроки">
      <h2 className="font-semibold">Сроки хранения документов, лет</h2>
      <div className="flex flex-wrap gap-4">
        {RETENTION_KINDS.map((k) => (
          <Field key={k} label={RETENTION_LABELS[k]} name={k} className="max-w-56">
            <Input type="number" min={1} max={75} defaultValue={years[k]} className="w-24" />
          </Field>
        ))}
      </div>
    </ActionForm>
  );
}

export type ExpiredDoc = { id: number; label: string; retention: string };

export function DisposalForm({ documents }: { documents: ExpiredDoc[] }) {
  return (
    <ActionForm
      action={disposeAction}
      label="Акт о выделении к уничтожению"
      framed
      submitLabel="Утвердить акт о выделении к уничтожению"
      submitVariant="danger"
    >
      <h2 className="font-semibold">Документы с истёкшим сроком хранения</h2>
      <ul className="space-y-0.5 text-sm">
        {documents.map((d) => (
          <li key={d.id}>
            <Checkbox
              name="documentId"
              value={d.id}
              defaultChecked
              label={
                <span>
                  {d.label} <span className="text-slate-500">· {d.retention}</span>
                </span>
              }
            />
          </li>
        ))}
      </ul>
      <Field label="Основание (необязательно)" name="basis">
        <Input maxLength={300} placeholder="истечение сроков хранения" />
      </Field>
      <Checkbox name="confirm" value="1" label="Утверждаю акт: файлы выбранных документов будут удалены безвозвратно" />
    </ActionForm>
  );
}
