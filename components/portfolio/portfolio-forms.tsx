"use client";
// The portfolio's forms (LRN-5): add an achievement (with a diploma's scan or photo), confirm or
// reject one (the class teacher), remove one; a teacher's portfolio entry and its removal.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import {
  addAchievementAction,
  addStaffAchievementAction,
  decideAchievementAction,
  deleteStaffAchievementAction,
} from "@/lib/portfolio/actions";
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_LEVELS,
  KIND_LABELS,
  LEVEL_LABELS,
  STAFF_KINDS,
  STAFF_KIND_LABELS,
} from "@/lib/portfolio/rules";
import { ALLOWED_FILE_TYPES, checkFile } from "@/lib/storage/rules";

type Result = ActionResult<{ message: string }> | null;

const input = "w-full rounded border border-slate-300 px-2 py-1 text-sm focus:border-blue-600 focus:outline-none";
const button = "rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50";
const ACCEPT = ["image/*", ...Object.keys(ALLOWED_FILE_TYPES).map((e) => `.${e}`)].join(",");

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

/** A form submitted by hand (files checked first), reset and the page refreshed on success. */
function useUploadForm(action: (data: FormData) => void, state: Result) {
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    if (state?.ok) {
      form.current?.reset();
      router.refresh();
    }
  }, [state, router]);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    const check = file ? checkFile(file.name, file.type, file.size) : null;
    setLocal(check && !check.ok ? check.message : null);
    if (check && !check.ok) return;
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  return { form, local, onSubmit };
}

export function AchievementForm({ studentId, today }: { studentId: number; today: string }) {
  const [state, action, pending] = useActionState(addAchievementAction, null as Result);
  const { form, local, onSubmit } = useUploadForm(action, state);
  return (
    <form ref={form} onSubmit={onSubmit} aria-label="Новое достижение" className="grid gap-2 sm:grid-cols-2">
      <input type="hidden" name="studentId" value={studentId} />
      <label className="text-sm sm:col-span-2">
        Название (олимпиада, конкурс, проект…)
        <input name="title" required maxLength={300} className={input} />
      </label>
      <label className="text-sm">
        Вид
        <select name="kind" className={input}>
          {ACHIEVEMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Уровень
        <select name="level" className={input}>
          {ACHIEVEMENT_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Результат
        <input name="result" maxLength={200} placeholder="победитель, призёр, участник" className={input} />
      </label>
      <label className="text-sm">
        Предмет или направление
        <input name="subject" maxLength={200} className={input} />
      </label>
      <label className="text-sm">
        Дата
        <input name="date" type="date" required max={today} defaultValue={today} className={input} />
      </label>
      <label className="text-sm">
        Диплом, грамота (фото или файл)
        <input name="file" type="file" accept={ACCEPT} className="block text-sm" />
      </label>
      <div className="sm:col-span-2">
        <button disabled={pending} className={button}>
          Добавить достижение
        </button>
        <Status state={state} local={local} />
      </div>
    </form>
  );
}

export function DecisionButtons(props: {
  achievementId: number;
  decidable: boolean;
  removable: boolean;
  title: string;
}) {
  const [state, action, pending] = useActionState(decideAchievementAction, null as Result);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const [rejecting, setRejecting] = useState(false);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-label={`Решение: ${props.title}`}>
      <input type="hidden" name="achievementId" value={props.achievementId} />
      {props.decidable && (
        <>
          <button
            name="intent"
            value="confirm"
            disabled={pending}
            className="rounded bg-emerald-700 px-2 py-0.5 text-xs text-white"
          >
            Подтвердить
          </button>
          {rejecting ? (
            <>
              <input
                name="reason"
                maxLength={500}
                placeholder="Причина"
                aria-label="Причина отклонения"
                className={`${input} w-48`}
              />
              <button
                name="intent"
                value="reject"
                disabled={pending}
                className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-800"
              >
                Отклонить
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setRejecting(true)} className="rounded border px-2 py-0.5 text-xs">
              Отклонить…
            </button>
          )}
        </>
      )}
      {props.removable && (
        <button
          name="intent"
          value="delete"
          disabled={pending}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs"
          onClick={(e) => {
            if (!confirm(`Удалить «${props.title}»?`)) e.preventDefault();
          }}
        >
          Удалить
        </button>
      )}
      {state && !state.ok && <span className="text-xs text-red-700">{state.message}</span>}
    </form>
  );
}

export function StaffAchievementForm({ userId, today }: { userId: number; today: string }) {
  const [state, action, pending] = useActionState(addStaffAchievementAction, null as Result);
  const { form, local, onSubmit } = useUploadForm(action, state);
  return (
    <form ref={form} onSubmit={onSubmit} aria-label="Новая запись портфолио" className="grid gap-2 sm:grid-cols-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="text-sm">
        Вид
        <select name="kind" className={input}>
          {STAFF_KINDS.map((k) => (
            <option key={k} value={k}>
              {STAFF_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Дата
        <input name="date" type="date" required max={today} defaultValue={today} className={input} />
      </label>
      <label className="text-sm sm:col-span-2">
        Содержание (категория, название курса, награда)
        <input name="title" required maxLength={300} className={input} />
      </label>
      <label className="text-sm">
        Кем выдано
        <input name="issuer" maxLength={300} className={input} />
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className="text-sm">
          Часов
          <input name="hours" type="number" min={1} max={10000} className={input} />
        </label>
        <label className="text-sm">
          № документа
          <input name="documentNumber" maxLength={100} className={input} />
        </label>
      </div>
      <label className="text-sm sm:col-span-2">
        Скан документа
        <input name="file" type="file" accept={ACCEPT} className="block text-sm" />
      </label>
      <div className="sm:col-span-2">
        <button disabled={pending} className={button}>
          Добавить запись
        </button>
        <Status state={state} local={local} />
      </div>
    </form>
  );
}

export function DeleteStaffEntry({ entryId, title }: { entryId: number; title: string }) {
  const [state, action, pending] = useActionState(deleteStaffAchievementAction, null as Result);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="entryId" value={entryId} />
      <button
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs"
        onClick={(e) => {
          if (!confirm(`Удалить «${title}»?`)) e.preventDefault();
        }}
      >
        Удалить
      </button>
      {state && !state.ok && <span className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
