"use client";
// REG-4: the administrator's webhook forms — a new subscription (its secret shown once), and
// turning one off / on or deleting it.
import { createSubscriptionAction, deleteSubscriptionAction, toggleSubscriptionAction } from "@/lib/webhooks/actions";
import { Checkbox, Field, Input } from "@/components/ui/field";
import { FormButton } from "@/components/ui/form-button";
import { SecretForm } from "@/components/ui/secret-form";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateSubscriptionForm({ events }: { events: { value: string; label: string }[] }) {
  return (
    <SecretForm
      action={createSubscriptionAction}
      label="Новая подписка"
      secretOf={(d) => d.secret}
      secretLabel="Секрет для проверки подписи (показывается один раз — сохраните его у получателя)"
      secretClassName="w-full max-w-xl"
    >
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
    </SecretForm>
  );
}

export function SubscriptionActions({ id, active }: { id: number; active: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <FormButton
        action={toggleSubscriptionAction}
        values={{ subscriptionId: id, active: active ? "0" : "1" }}
        statusClassName="ml-2 inline"
      >
        {active ? "Отключить" : "Включить"}
      </FormButton>
      <FormButton
        action={deleteSubscriptionAction}
        values={{ subscriptionId: id }}
        variant="danger"
        statusClassName="ml-2 inline"
      >
        Удалить
      </FormButton>
    </div>
  );
}
