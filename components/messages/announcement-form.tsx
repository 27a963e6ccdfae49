"use client";
// New announcement (MSG-3): to everyone, a role or a class, with an optional first and last day.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { postAnnouncementAction } from "@/lib/messages/actions";
import { ROLES, ROLE_LABELS } from "@/lib/access/roles";
import { DateInput, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function AnnouncementForm({ classes }: { classes: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(postAnnouncementAction, null);
  const [audience, setAudience] = useState("ALL");
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        startTransition(() => action(data));
      }}
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
    >
      <h2 className="font-semibold">Новое объявление</h2>
      <label className="block text-sm">
        <span className="font-medium">Заголовок</span>
        <Input className="w-full" name="title" required maxLength={200} />
      </label>
      <label className="block text-sm">
        <span className="font-medium">Текст</span>
        <Textarea className="w-full" name="body" required maxLength={5000} rows={4} />
      </label>
      <div className="flex flex-wrap gap-3 text-sm">
        <label>
          <span className="mr-1 font-medium">Кому</span>
          <Select name="audience" value={audience} onChange={(e) => setAudience(e.target.value)}>
            <option value="ALL">Всем</option>
            <option value="ROLE">Роли</option>
            <option value="CLASS">Классу</option>
          </Select>
        </label>
        {audience === "ROLE" && (
          <label>
            <span className="sr-only">Роль</span>
            <Select name="role" required>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </label>
        )}
        {audience === "CLASS" && (
          <label>
            <span className="sr-only">Класс</span>
            <Select name="classId" required>
              {classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </label>
        )}
        <label>
          <span className="mr-1 font-medium">Показывать с</span>
          <DateInput name="startsOn" />
        </label>
        <label>
          <span className="mr-1 font-medium">по</span>
          <DateInput name="expiresOn" />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{pending ? "Публикация…" : "Опубликовать"}</SubmitButton>
        <p role="status" className="text-sm">
          {state?.ok === true && <span className="text-green-700">Объявление опубликовано</span>}
          {state?.ok === false && <span className="text-red-700">{state.message}</span>}
        </p>
      </div>
    </form>
  );
}
