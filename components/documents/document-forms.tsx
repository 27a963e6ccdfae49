"use client";
// The documents store's forms (LRN-3, docs.edit): a document's card — title, section, number,
// date, who reads it (roles; families only when ticked), «Положение об электронном журнале» —
// with its file; a new version of the file (the old ones stay downloadable).
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import { addVersionAction, createDocumentAction, updateDocumentAction } from "@/lib/documents/actions";
import { CATEGORY_LABELS, DOCUMENT_CATEGORIES } from "@/lib/documents/rules";
import type { Role } from "@/lib/access/roles";
import { RolesField, STAFF_ROLES } from "./roles-field";
import { ALLOWED_FILE_TYPES, checkFile } from "@/lib/storage/rules";

type Result = ActionResult<{ message: string; documentId?: number }> | null;

const input = "w-full rounded border border-slate-300 px-2 py-1 text-sm focus:border-blue-600 focus:outline-none";
const button = "rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50";
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
  return state?.ok ? (
    <p role="status" className="text-sm text-emerald-700">
      {state.data.message}
    </p>
  ) : null;
}

function fileProblem(form: HTMLFormElement): string | null {
  const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
  if (!file) return null;
  const c = checkFile(file.name, file.type, file.size);
  return c.ok ? null : c.message;
}

export type CardValues = {
  documentId?: number;
  title: string;
  category: string;
  number: string | null;
  isoDate: string;
  visibleTo: readonly Role[];
  regulation: boolean;
};

export function DocumentCardForm({ values }: { values: CardValues | null }) {
  const creating = values === null;
  const [state, action, pending] = useActionState(
    creating ? createDocumentAction : updateDocumentAction,
    null as Result,
  );
  const [local, setLocal] = useState<string | null>(null);
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state?.ok) return;
    if (creating && state.data.documentId) router.push(`/documents/${state.data.documentId}`);
    else router.refresh();
  }, [state, router, creating]);
  return (
    <form
      ref={form}
      aria-label={creating ? "Новый документ" : "Карточка документа"}
      className="grid gap-2 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = fileProblem(e.currentTarget);
        setLocal(problem);
        if (problem) return;
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      {values?.documentId && <input type="hidden" name="documentId" value={values.documentId} />}
      <label className="text-sm sm:col-span-2">
        Название
        <input name="title" required maxLength={300} defaultValue={values?.title ?? ""} className={input} />
      </label>
      <label className="text-sm">
        Раздел
        <select name="category" defaultValue={values?.category ?? "REGULATION"} className={input}>
          {DOCUMENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className="text-sm">
          Номер
          <input name="number" maxLength={50} defaultValue={values?.number ?? ""} className={input} />
        </label>
        <label className="text-sm">
          Дата
          <input name="date" type="date" defaultValue={values?.isoDate ?? ""} className={input} />
        </label>
      </div>
      <RolesField initial={values?.visibleTo ?? STAFF_ROLES} />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="journalRegulation" defaultChecked={values?.regulation ?? false} />
        Это «Положение об электронном журнале» (ссылка внизу каждой страницы)
      </label>
      {creating && (
        <>
          <label className="text-sm">
            Файл
            <input name="file" type="file" required accept={ACCEPT} className="block text-sm" />
          </label>
          <label className="text-sm">
            Примечание к редакции
            <input name="note" maxLength={500} className={input} />
          </label>
        </>
      )}
      <div className="sm:col-span-2">
        <button disabled={pending} className={button}>
          {creating ? "Добавить документ" : "Сохранить карточку"}
        </button>
        <Status state={state} local={local} />
      </div>
    </form>
  );
}

export function VersionForm({ documentId }: { documentId: number }) {
  const [state, action, pending] = useActionState(addVersionAction, null as Result);
  const [local, setLocal] = useState<string | null>(null);
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      form.current?.reset();
      router.refresh();
    }
  }, [state, router]);
  return (
    <form
      ref={form}
      aria-label="Новая редакция"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = fileProblem(e.currentTarget);
        setLocal(problem);
        if (problem) return;
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="documentId" value={documentId} />
      <label className="text-sm">
        Файл новой редакции
        <input name="file" type="file" required accept={ACCEPT} className="block text-sm" />
      </label>
      <label className="text-sm">
        Что изменилось
        <input name="note" maxLength={500} className={input} />
      </label>
      <button disabled={pending} className={button}>
        Загрузить редакцию
      </button>
      <Status state={state} local={local} />
    </form>
  );
}
