"use client";
// Closing a period (REC-1): the period, what to close (a class, a parallel, a department or the
// whole organisation) and the order it rests on. A refusal lists the missing finals. A period not
// yet over (the organisation's «today» before its last day) shows how many lessons still to come
// the closing locks, per class in scope, and asks for «Закрыть до окончания периода» — the server
// refuses without it.
import { useState } from "react";
import { closePeriodAction } from "@/lib/journal/closing/actions";
import { EARLY_LABEL, earlyWarning } from "@/lib/journal/closing/rules";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";

export type Option = { value: string; label: string };

/** A target of the select with the classes it names (before the period's kind filters them). */
export type TargetOption = Option & { classIds: number[] };

/** A period not over yet: its last day (YYYY-MM-DD) and, per open class of its kind, the lessons after today. */
export type EarlyPeriod = { end: string; classes: { id: number; name: string; count: number }[] };

/** A required select whose value the form follows (the warning depends on the period and the target). */
function choice(label: string, name: string, value: string, set: (v: string) => void, options: Option[]) {
  return (
    <Field label={label} name={name} required>
      <Select
        required
        value={value}
        onChange={(e) => set(e.target.value)}
        placeholder="выберите"
        placeholderDisabled
        options={options}
      />
    </Field>
  );
}

export function ClosePeriodForm(props: {
  periods: Option[];
  targets: TargetOption[];
  early: Record<string, EarlyPeriod>;
  orgKind: OrgKindName;
}) {
  const [periodId, setPeriodId] = useState("");
  const [target, setTarget] = useState("");
  const early = props.early[periodId];
  const named = new Set(props.targets.find((t) => t.value === target)?.classIds ?? []);
  const inScope = early?.classes.filter((c) => named.has(c.id)) ?? [];
  const warning =
    early && inScope.length > 0
      ? earlyWarning(
          vocabulary(props.orgKind),
          new Date(`${early.end}T00:00:00.000Z`),
          inScope.map((c) => ({ className: c.name, count: c.count })),
        )
      : null;
  return (
    <ActionForm
      action={closePeriodAction}
      label="Закрыть период"
      layout="inline"
      framed
      submitLabel="Закрыть период"
      onSuccess={() => {
        setPeriodId("");
        setTarget("");
      }}
      success={(d) => (
        <>
          {d.message}
          {d.lines.map((l) => (
            <span key={l} className="block">
              {l}
            </span>
          ))}
        </>
      )}
    >
      {choice("Период", "periodId", periodId, setPeriodId, props.periods)}
      {choice("Для", "target", target, setTarget, props.targets)}
      <Field label="Основание (приказ, протокол педсовета)" name="basis" required className="min-w-64 flex-1">
        <Input required minLength={3} maxLength={200} placeholder="приказ № 112 от 28.12.2026" />
      </Field>
      {warning && (
        <div className="basis-full space-y-1 text-sm text-amber-800" data-testid="closing-early">
          {warning.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <Checkbox name="early" label={EARLY_LABEL} />
        </div>
      )}
    </ActionForm>
  );
}
