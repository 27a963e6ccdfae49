"use client";
// One cell's form of the timetable grid (SCH-2): add or change a lesson of the weekly template.
// The server checks conflicts and answers with a message naming the clash.
import { useActionState } from "react";
import { saveEntryAction } from "@/lib/schedule/timetable/actions";
import type { ClassFormOptions } from "@/lib/schedule/timetable/data";

export type EntryDefaults = {
  entryId: number | null;
  subjectId: number | null;
  teacherId: number | null;
  roomId: number | null;
  subgroupId: number | null;
  hours: number;
  validFrom: string;
  validTo: string;
};

type Props = {
  classId: number;
  weekday: number;
  bellNumber: number;
  slotLabel: string;
  options: ClassFormOptions;
  defaults: EntryDefaults;
};

export function EntryForm({ classId, weekday, bellNumber, slotLabel, options, defaults }: Props) {
  const [state, action, pending] = useActionState(saveEntryAction, null);
  const field = "rounded border border-slate-300 px-1 py-0.5 text-xs";
  return (
    <form
      action={action}
      aria-label={`${defaults.entryId ? "Изменить урок" : "Добавить урок"}: ${slotLabel}`}
      className="mt-1 space-y-1 rounded border border-slate-200 bg-slate-50 p-1.5"
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="weekday" value={weekday} />
      <input type="hidden" name="bellNumber" value={bellNumber} />
      {defaults.entryId !== null && <input type="hidden" name="entryId" value={defaults.entryId} />}
      <label className="flex flex-col text-xs">
        Предмет
        <select name="subjectId" defaultValue={defaults.subjectId ?? ""} required className={field}>
          <option value="">—</option>
          {options.subjects.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs">
        Учитель
        <select name="teacherId" defaultValue={defaults.teacherId ?? ""} required className={field}>
          <option value="">—</option>
          {options.teachers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs">
        Кабинет
        <select name="roomId" defaultValue={defaults.roomId ?? ""} className={field}>
          <option value="">—</option>
          {options.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      {options.subgroups.length > 0 && (
        <label className="flex flex-col text-xs">
          Подгруппа
          <select name="subgroupId" defaultValue={defaults.subgroupId ?? ""} className={field}>
            <option value="">весь класс</option>
            {options.subgroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="flex gap-1">
        <label className="flex flex-col text-xs">
          с
          <input type="date" name="validFrom" defaultValue={defaults.validFrom} required className={field} />
        </label>
        <label className="flex flex-col text-xs">
          по
          <input type="date" name="validTo" defaultValue={defaults.validTo} required className={field} />
        </label>
        <label className="flex w-12 flex-col text-xs">
          часов
          <input
            type="number"
            name="hours"
            min="0.5"
            max="4"
            step="0.5"
            defaultValue={defaults.hours}
            className={field}
          />
        </label>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-700 px-2 py-0.5 text-xs font-medium text-white disabled:opacity-50"
      >
        {pending ? "Сохранение…" : "Сохранить"}
      </button>
      {state?.ok === false && (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      )}
      {state?.ok === true && (
        <p role="status" className="text-xs text-green-700">
          Сохранено
        </p>
      )}
    </form>
  );
}
