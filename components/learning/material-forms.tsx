"use client";
// The library's forms (LRN-2): place a material — a file or a link — for a subject and a class, a
// grade or every grade, on a topic; remove one's own (the administration: any).
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import { createMaterialAction, deleteMaterialAction } from "@/lib/learning/materials/actions";
import { ALLOWED_FILE_TYPES, MAX_FILE_BYTES, checkFile } from "@/lib/storage/rules";

type Result = ActionResult<{ message: string }> | null;

const input = "w-full rounded border border-slate-300 px-2 py-1 text-sm focus:border-blue-600 focus:outline-none";
const ACCEPT = Object.keys(ALLOWED_FILE_TYPES)
  .map((e) => `.${e}`)
  .join(",");

function Status({ state, local }: { state: Result; local?: string | null }) {
  const error = local ?? (state && !state.ok ? state.message : null);
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error}
      </p>
    );
  if (state?.ok)
    return (
      <p role="status" className="text-sm text-emerald-700">
        {state.data.message}
      </p>
    );
  return null;
}

export function MaterialForm(props: {
  subjects: { id: number; name: string }[];
  classes: { id: number; name: string; grade: number }[];
}) {
  const [state, action, pending] = useActionState(createMaterialAction, null as Result);
  const [kind, setKind] = useState<"FILE" | "LINK">("FILE");
  const [local, setLocal] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) {
      form.current?.reset();
      router.refresh();
    }
  }, [state, router]);
  const grades = [...new Set(props.classes.map((c) => c.grade))].sort((a, b) => a - b);
  return (
    <form
      ref={form}
      aria-label="Новый материал"
      className="grid gap-2 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
        const check = kind === "FILE" && file ? checkFile(file.name, file.type, file.size) : null;
        setLocal(check && !check.ok ? check.message : null);
        if (check && !check.ok) return;
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <label className="text-sm sm:col-span-2">
        Название
        <input name="title" required maxLength={300} className={input} />
      </label>
      <label className="text-sm">
        Предмет
        <select name="subjectId" required className={input}>
          {props.subjects.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Тема
        <input name="topic" maxLength={500} className={input} />
      </label>
      <label className="text-sm">
        Класс
        <select name="classId" defaultValue="" className={input}>
          <option value="">— вся параллель или все классы —</option>
          {props.classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Параллель (если класс не выбран)
        <select name="grade" defaultValue="" className={input}>
          <option value="">все</option>
          {grades.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm sm:col-span-2">
        Описание
        <textarea name="description" rows={2} maxLength={2000} className={input} />
      </label>
      <fieldset className="flex flex-wrap gap-4 text-sm sm:col-span-2">
        <legend className="sr-only">Вид материала</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="kind" value="FILE" checked={kind === "FILE"} onChange={() => setKind("FILE")} />
          Файл
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="kind" value="LINK" checked={kind === "LINK"} onChange={() => setKind("LINK")} />
          Ссылка
        </label>
      </fieldset>
      {kind === "FILE" ? (
        <label className="text-sm sm:col-span-2">
          Файл (до {MAX_FILE_BYTES / 1024 / 1024} МБ)
          <input name="file" type="file" required accept={ACCEPT} className="block text-sm" />
        </label>
      ) : (
        <label className="text-sm sm:col-span-2">
          Ссылка
          <input name="url" type="url" required placeholder="https://" maxLength={2000} className={input} />
        </label>
      )}
      <div className="sm:col-span-2">
        <button
          disabled={pending}
          className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
        >
          Разместить
        </button>
        <Status state={state} local={local} />
      </div>
    </form>
  );
}

export function DeleteMaterial({ materialId, title }: { materialId: number; title: string }) {
  const [state, action, pending] = useActionState(deleteMaterialAction, null as Result);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="materialId" value={materialId} />
      <button
        disabled={pending}
        aria-label={`Удалить «${title}»`}
        className="rounded border border-slate-300 px-2 text-xs hover:bg-slate-100 disabled:opacity-50"
        onClick={(e) => {
          if (!confirm(`Удалить материал «${title}»?`)) e.preventDefault();
        }}
      >
        Удалить
      </button>
      {state && !state.ok && <span className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
