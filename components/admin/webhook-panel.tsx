"use client";
// REG-4: the administrator's webhook forms — a new subscription (its secret shown once), and
// turning one off / on or deleting it.
import { useState } from "react";
import { createSubscriptionAction, deleteSubscriptionAction, toggleSubscriptionAction } from "@/lib/webhooks/actions";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Checkbox, Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateSubscriptionForm({ events }: { events: { value: string; label: string }[] }) {
  // The secret is shown once, from the last successful answer.
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <ActionForm
      action={createSubscriptionAction}
      framed
      status="manual"
      success={null}
      label="Новая подписка"
      className="text-sm"
      onResult={(r) => setSecret(r.ok ? r.data.secret : null)}
    >
      <div className="space-y-3">
        <h2 className="font-semibold">Новая подписка</h2>
        <Field label="Адрес получателя (https://…)" name="url">
          <Input className="w-full max-w-xl" required maxLength={500} inputMode="url" placeholder="https://" />
        </Field>
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
          <legend className="mb-1 text-xs text-slate-500">События</legend>
          {events.map((e) => (
            <Checkbox key={e.value} name="events" value={e.value} label={`${e.label} (${e.value})`} />
          ))}
        </fieldset>
        <SubmitButton>Подписаться</SubmitButton>
        {secret && (
          <div className="space-y-1">
            <label className="block text-xs text-slate-500" htmlFor="new-secret">
              Секрет для проверки подписи (показывается один раз — сохраните его у получателя)
            </label>
            <Input className="w-full max-w-xl" size="sm" id="new-secret" readOnly value={secret} />
          </div>
        )}
        <FormStatus />
      </div>
    </ActionForm>
  );
}

export function SubscriptionActions({ id, active }: { id: number; active: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ActionForm action={toggleSubscriptionAction} layout="bare" status="manual" success={null} className="inline">
        <input type="hidden" name="subscriptionId" value={id} />
        <input type="hidden" name="active" value={active ? "0" : "1"} />
        <SubmitButton variant="secondary" size="sm">
          {active ? "Отключить" : "Включить"}
        </SubmitButton>
        <FormStatus size="sm" className="ml-2 inline" />
      </ActionForm>
      <ActionForm action={deleteSubscriptionAction} layout="bare" status="manual" success={null} className="inline">
        <input type="hidden" name="subscriptionId" value={id} />
        <SubmitButton variant="danger" size="sm">
          Удалить
        </SubmitButton>
        <FormStatus size="sm" className="ml-2 inline" />
      </ActionForm>
    </div>
  );
}
