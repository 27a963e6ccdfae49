"use client";
// The resources catalogue's form (LRN-4, resources.edit): add a link or a resource, edit or remove one.
import { useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import type { Role } from "@/lib/access/roles";
import { saveResourceAction } from "@/lib/resources/actions";
import { ROLES } from "@/lib/access/roles";
import { RolesField } from "@/components/documents/roles-field";

type Result = ActionResult<{ message: string }> | null;

const input = "w-full rounded border border-slate-300 px-2 py-1 text-sm focus:border-blue-600 focus:outline-none";

export type ResourceValues = {
  id: number;
  title: string;
  url: string | null;
  description: string | null;
  category: string | null;
  sortOrder: number;
  visibleTo: Role[];
};

export function ResourceForm({ values }: { values: ResourceValues | null }) {
  const [state, action, pending] = useActionState(saveResourceAction, null as Result);
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      if (!values) form.current?.reset();
      router.refresh();
    }
  }, [state, router, values]);
  return (
    <form
      ref={form}
      action={action}
      aria-label={values ? `Ресурс: ${values.title}` : "Новый ресурс"}
      className="grid gap-2 sm:grid-cols-2"
    >
      {values && <input type="hidden" name="resourceId" value={values.id} />}
      <label className="text-sm">
        Название
        <input name="title" required maxLength={300} defaultValue={values?.title ?? ""} className={input} />
      </label>
      <label className="text-sm">
        Ссылка
        <input
          name="url"
          type="url"
          maxLength={2000}
          placeholder="https://"
          defaultValue={values?.url ?? ""}
          className={input}
        />
      </label>
      <label className="text-sm">
        Раздел
        <input
          name="category"
          maxLength={100}
          defaultValue={values?.category ?? ""}
          placeholder="Например: Образовательные платформы"
          className={input}
        />
      </label>
      <label className="text-sm">
        Порядок
        <input
          name="sortOrder"
          type="number"
          min={0}
          max={10000}
          defaultValue={values?.sortOrder ?? 0}
          className={input}
        />
      </label>
      <label className="text-sm sm:col-span-2">
        Описание
        <textarea
          name="description"
          rows={2}
          maxLength={2000}
          defaultValue={values?.description ?? ""}
          className={input}
        />
      </label>
      <RolesField initial={values?.visibleTo ?? ROLES} legend="Кто видит ресурс" />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <button
          name="intent"
          value="save"
          disabled={pending}
          className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          {values ? "Сохранить" : "Добавить"}
        </button>
        {values && (
          <button
            name="intent"
            value="delete"
            disabled={pending}
            className="rounded border border-slate-300 px-3 py-1.5 text-sm"
          >
            Удалить
          </button>
        )}
        {state && (
          <span
            role={state.ok ? "status" : "alert"}
            className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}
          >
            {state.ok ? state.data.message : state.message}
          </span>
        )}
      </div>
    </form>
  );
}
