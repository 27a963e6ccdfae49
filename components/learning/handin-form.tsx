"use client";
// The student's hand-in from the diary (LRN-1), phone first: a text and photos of the notebook or
// files (the limits of lib/storage, checked here for a quick answer and again on the server); on a
// resubmission the files already handed in stay unless ticked for removal.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import { submitHandinAction } from "@/lib/learning/handin/actions";
import { ALLOWED_FILE_TYPES, MAX_FILE_BYTES, MAX_FILES_PER_ITEM, checkFile } from "@/lib/storage/rules";

type Result = ActionResult<{ message: string }> | null;

const ACCEPT = ["image/*", ...Object.keys(ALLOWED_FILE_TYPES).map((e) => `.${e}`)].join(",");

export function HandinForm(props: {
  homeworkId: number;
  studentId: number;
  text: string;
  files: { id: number; name: string }[];
  again: boolean;
}) {
  const [state, action, pending] = useActionState(submitHandinAction, null as Result);
  const [fileError, setFileError] = useState<string | null>(null);
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const error = fileError ?? (state && !state.ok ? state.message : null);
  return (
    <form
      ref={form}
      onSubmit={(e) => {
        // Submitted by hand so that a refused hand-in keeps what was typed.
        e.preventDefault();
        const picked = (e.currentTarget.elements.namedItem("files") as HTMLInputElement | null)?.files;
        const list = picked ? Array.from(picked) : [];
        const problem =
          list.length > MAX_FILES_PER_ITEM
            ? `Можно приложить не больше ${MAX_FILES_PER_ITEM} файлов`
            : ((
                list.map((f) => checkFile(f.name, f.type, f.size)).find((c) => !c.ok) as { message: string } | undefined
              )?.message ?? null);
        setFileError(problem);
        if (problem) return;
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      className="space-y-3 rounded border border-slate-200 bg-white p-3"
      aria-label="Сдать работу"
    >
      <input type="hidden" name="homeworkId" value={props.homeworkId} />
      <input type="hidden" name="studentId" value={props.studentId} />
      <label className="block text-sm font-medium">
        Ответ
        <textarea
          name="text"
          defaultValue={props.text}
          rows={5}
          maxLength={10_000}
          className="mt-1 w-full rounded border border-slate-300 p-2 text-base font-normal focus:border-blue-600 focus:outline-none"
          placeholder="Напишите ответ или приложите фото тетради"
        />
      </label>
      {props.files.length > 0 && (
        <fieldset className="text-sm">
          <legend className="font-medium">Уже сданные файлы (отметьте, чтобы убрать)</legend>
          {props.files.map((f) => (
            <label key={f.id} className="mr-3 inline-flex items-center gap-1">
              <input type="checkbox" name="removeFile" value={f.id} aria-label={`Убрать ${f.name}`} />
              {f.name}
            </label>
          ))}
        </fieldset>
      )}
      <label className="block text-sm font-medium">
        Фото или файлы (до {MAX_FILES_PER_ITEM}, каждый до {MAX_FILE_BYTES / 1024 / 1024} МБ)
        <input name="files" type="file" multiple accept={ACCEPT} className="mt-1 block w-full text-sm font-normal" />
      </label>
      <button
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 text-base font-medium text-white hover:bg-blue-800 disabled:opacity-50 sm:w-auto"
      >
        {pending ? "Отправляю…" : props.again ? "Сдать заново" : "Сдать работу"}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {state.data.message}
        </p>
      )}
    </form>
  );
}
