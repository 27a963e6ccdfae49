"use client";
// SCH-4: «Сформировать уроки журнала» for a period, with the report of kept lessons.
import { useActionState } from "react";
import { generateLessonsAction } from "@/lib/schedule/lessons/actions";
import { Field, fieldClass } from "./field";

type Props = { classes: { id: number; name: string }[]; from: string; to: string };

export function GenerateForm({ classes, from, to }: Props) {
  const [state, action, pending] = useActionState(generateLessonsAction, null);
  return (
    <div className="space-y-3">
      <form
        action={action}
        aria-label="Сформировать уроки"
        className="flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-3 text-sm"
      >
        <Field label="Класс / группа">
          <select name="classId" defaultValue="" className={fieldClass}>
            <option value="">все</option>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="с">
          <input type="date" name="from" defaultValue={from} required className={fieldClass} />
        </Field>
        <Field label="по">
          <input type="date" name="to" defaultValue={to} required className={fieldClass} />
        </Field>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-700 px-3 py-1 font-medium text-white disabled:opacity-50"
        >
          {pending ? "Формирование…" : "Сформировать"}
        </button>
      </form>
      {state?.ok === false && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      {state?.ok === true && (
        <div role="status" className="space-y-2 text-sm">
          <p>
            Создано: {state.data.created}, изменено: {state.data.updated}, удалено: {state.data.deleted}, без изменений:{" "}
            {state.data.unchanged}.
          </p>
          {state.data.frozen > 0 && (
            <p className="text-slate-600">
              Не изменены дни закрытых периодов или учебного года: {state.data.frozen} (класс × дата).
            </p>
          )}
          {state.data.kept.length > 0 && (
            <>
              <p className="font-medium text-amber-800">
                Сохранены без изменений уроки с оценками, посещаемостью, темой или домашним заданием (
                {state.data.kept.length}):
              </p>
              <table className="rounded border border-slate-200 bg-white text-sm">
                <thead className="bg-slate-100">
                  <tr>
                    <th className="px-2 py-1 text-left font-medium">Дата</th>
                    <th className="px-2 py-1 text-left font-medium">Урок</th>
                    <th className="px-2 py-1 text-left font-medium">Класс</th>
                    <th className="px-2 py-1 text-left font-medium">Предмет</th>
                    <th className="px-2 py-1 text-left font-medium">Причина</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.kept.map((k) => (
                    <tr key={k.lessonId} className="border-t border-slate-100">
                      <td className="px-2 py-0.5">{k.date}</td>
                      <td className="px-2 py-0.5">{k.bellNumber}</td>
                      <td className="px-2 py-0.5">{k.className}</td>
                      <td className="px-2 py-0.5">{k.subjectName}</td>
                      <td className="px-2 py-0.5">{k.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </div>
  );
}
