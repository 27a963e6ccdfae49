"use client";
// Forms of «Реестр архива» (REC-5): the retention period per document kind (ADMIN's setting) and
// the act of destruction ADMIN confirms for documents past their retention.
import { useActionState } from "react";
import { disposeAction, saveRetentionAction } from "@/lib/archive/actions";
import { RETENTION_KINDS, RETENTION_LABELS, type RetentionKind } from "@/lib/archive/rules";

type State = Awaited<ReturnType<typeof saveRetentionAction>> | null;

const input = "mt-1 block w-24 rounded border border-slate-300 bg-white px-2 py-1 text-sm";

function Result({ state }: { state: State }) {
  if (!state) return null;
  if (!state.ok)
    return (
      <p role="alert" className="text-sm text-red-700">
        {state.message}
        {state.fieldErrors &&
          Object.values(state.fieldErrors)
            .flat()
            .filter((m) => m !== state.message)
            .map((m) => ` ${m}`)}
      </p>
    );
  return (
    <p role="status" className="text-sm text-emerald-700">
      {state.data.message}
    </p>
  );
}

export function RetentionForm({ years }: { years: Record<RetentionKind, number> }) {
  const [state, action, pending] = useActionState(saveRetentionAction, null);
  return (
    <form
      action={action}
      className="space-y-2 rounded border border-slate-200 bg-white p-4"
      aria-label="Сроки хранения"
    >
      <h2 className="font-semibold">Сроки хранения документов, лет</h2>
      <div className="flex flex-wrap gap-4">
        {RETENTION_KINDS.map((k) => (
          <label key={k} className="block max-w-56 text-xs text-slate-600">
            {RETENTION_LABELS[k]}
            <input type="number" name={k} min={1} max={75} defaultValue={years[k]} className={input} />
          </label>
        ))}
      </div>
      <button disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
        {pending ? "Сохранение…" : "Сохранить сроки"}
      </button>
      <Result state={state} />
    </form>
  );
}

export type ExpiredDoc = { id: number; label: string; retention: string };

export function DisposalForm({ documents }: { documents: ExpiredDoc[] }) {
  const [state, action, pending] = useActionState(disposeAction, null);
  return (
    <form
      action={action}
      className="space-y-2 rounded border border-red-200 bg-white p-4"
      aria-label="Акт о выделении к уничтожению"
    >
      <h2 className="font-semibold">Документы с истёкшим сроком хранения</h2>
      <ul className="space-y-0.5 text-sm">
        {documents.map((d) => (
          <li key={d.id}>
            <label className="flex items-start gap-2">
              <input type="checkbox" name="documentId" value={d.id} defaultChecked className="mt-1" />
              <span>
                {d.label} <span className="text-slate-500">· {d.retention}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <label className="block text-xs text-slate-600">
        Основание (необязательно)
        <input
          name="basis"
          maxLength={300}
          placeholder="истечение сроков хранения"
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" value="1" />
        Утверждаю акт: файлы выбранных документов будут удалены безвозвратно
      </label>
      <button disabled={pending} className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white">
        {pending ? "Утверждение…" : "Утвердить акт о выделении к уничтожению"}
      </button>
      <Result state={state} />
    </form>
  );
}
