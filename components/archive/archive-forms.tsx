"use client";
// Buttons of «Архив» (ARC-1): build a year's set, verify a set; the result lines stay on screen.
import { useActionState } from "react";
import { buildArchiveAction, verifyArchiveAction } from "@/lib/archive/actions";
import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type State = Awaited<ReturnType<typeof buildArchiveAction>> | null;

function Result({ state }: { state: State }) {
  if (!state) return null;
  if (!state.ok)
    return (
      <p role="alert" className="text-sm text-red-700">
        {state.message}
      </p>
    );
  return (
    <div role="status" className="text-sm">
      <p
        className={
          state.data.lines.length && state.data.message.startsWith("Нарушена")
            ? "font-medium text-red-700"
            : "text-emerald-700"
        }
      >
        {state.data.message}
      </p>
      {state.data.lines.length > 0 && (
        <ul className="list-disc pl-5 text-slate-700">
          {state.data.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function BuildArchiveForm({
  years,
  selected,
}: {
  years: { id: number; name: string; status: string }[];
  /** The year chosen on the page (its year selector), preselected here. */
  selected?: number;
}) {
  const [state, action, pending] = useActionState(buildArchiveAction, null);
  return (
    <form
      action={action}
      className="space-y-2 rounded border border-slate-200 bg-white p-4"
      aria-label="Сформировать архив"
    >
      <h2 className="font-semibold">Сформировать архив учебного года</h2>
      <div className="flex flex-wrap items-end gap-2">
        <label className="block text-sm">
          Учебный год
          <Select name="yearId" defaultValue={selected}>
            {years.map((y) => (
              <option key={y.id} value={y.id}>
                {y.name} {y.status === "CLOSED" ? "(закрыт)" : y.status === "OPEN" ? "(текущий)" : "(планируется)"}
              </option>
            ))}
          </Select>
        </label>
        <SubmitButton>{pending ? "Формируется…" : "Сформировать"}</SubmitButton>
      </div>
      <Result state={state} />
    </form>
  );
}

export function VerifyArchiveForm({ setId }: { setId: number }) {
  const [state, action] = useActionState(verifyArchiveAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="setId" value={setId} />
      <SubmitButton variant="secondary" size="sm">
        Проверить целостность
      </SubmitButton>
      <Result state={state} />
    </form>
  );
}
