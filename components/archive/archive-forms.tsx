"use client";
// Buttons of «Архив» (ARC-1): build a year's set, verify a set; the result lines stay on screen.
import { useState } from "react";
import { buildArchiveAction, verifyArchiveAction } from "@/lib/archive/actions";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Outcome = Extract<Awaited<ReturnType<typeof buildArchiveAction>>, { ok: true }>["data"];

/** The status line: a broken chain («Нарушена …») is an answer, not a refusal, but reads red. */
function outcomeLine(d: Outcome) {
  const broken = d.lines.length > 0 && d.message.startsWith("Нарушена");
  return <span className={broken ? "font-medium text-red-700" : undefined}>{d.message}</span>;
}

function Lines({ outcome }: { outcome: Outcome | null }) {
  if (!outcome || outcome.lines.length === 0) return null;
  return (
    <ul className="list-disc pl-5 text-sm text-slate-700">
      {outcome.lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
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
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <ActionForm
      action={buildArchiveAction}
      framed
      status="manual"
      resetOnSuccess={false}
      label="Сформировать архив"
      success={outcomeLine}
      onResult={(r) => setOutcome(r.ok ? r.data : null)}
    >
      <h2 className="font-semibold">Сформировать архив учебного года</h2>
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Учебный год" name="yearId">
          <Select
            defaultValue={selected}
            options={years.map((y) => ({
              value: y.id,
              label: `${y.name} ${y.status === "CLOSED" ? "(закрыт)" : y.status === "OPEN" ? "(текущий)" : "(планируется)"}`,
            }))}
          />
        </Field>
        <SubmitButton>Сформировать</SubmitButton>
      </div>
      <FormStatus />
      <Lines outcome={outcome} />
    </ActionForm>
  );
}

export function VerifyArchiveForm({ setId }: { setId: number }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <ActionForm
      action={verifyArchiveAction}
      status="manual"
      size="sm"
      label="Проверка целостности"
      success={outcomeLine}
      onResult={(r) => setOutcome(r.ok ? r.data : null)}
      className="space-y-1"
    >
      <input type="hidden" name="setId" value={setId} />
      <SubmitButton variant="secondary" size="sm">
        Проверить целостность
      </SubmitButton>
      <FormStatus />
      <Lines outcome={outcome} />
    </ActionForm>
  );
}
