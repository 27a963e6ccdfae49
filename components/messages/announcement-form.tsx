"use client";
// New announcement (MSG-3): to everyone, a role or a class, with an optional first and last day.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { postAnnouncementAction } from "@/lib/messages/actions";
import { ROLES, ROLE_LABELS } from "@/lib/access/roles";

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
        <input
          name="title"
          required
          maxLength={200}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium">Текст</span>
        <textarea
          name="body"
          required
          maxLength={5000}
          rows={4}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <div className="flex flex-wrap gap-3 text-sm">
        <label>
          <span className="mr-1 font-medium">Кому</span>
          <select
            name="audience"
            value={audience}
            onChange={(e) => setAudience(e.target.value)}
            className="rounded border border-slate-300 px-1 py-1"
          >
            <option value="ALL">Всем</option>
            <option value="ROLE">Роли</option>
            <option value="CLASS">Классу</option>
          </select>
        </label>
        {audience === "ROLE" && (
          <label>
            <span className="sr-only">Роль</span>
            <select name="role" required className="rounded border border-slate-300 px-1 py-1">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
        )}
        {audience === "CLASS" && (
          <label>
            <span className="sr-only">Класс</span>
            <select name="classId" required className="rounded border border-slate-300 px-1 py-1">
              {classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span className="mr-1 font-medium">Показывать с</span>
          <input type="date" name="startsOn" className="rounded border border-slate-300 px-1 py-0.5" />
        </label>
        <label>
          <span className="mr-1 font-medium">по</span>
          <input type="date" name="expiresOn" className="rounded border border-slate-300 px-1 py-0.5" />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          {pending ? "Публикация…" : "Опубликовать"}
        </button>
        <p role="status" className="text-sm">
          {state?.ok === true && <span className="text-green-700">Объявление опубликовано</span>}
          {state?.ok === false && <span className="text-red-700">{state.message}</span>}
        </p>
      </div>
    </form>
  );
}
