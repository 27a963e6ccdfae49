"use client";
// One cell's form of the timetable grid (SCH-2): add or change a lesson of the weekly template.
// The server checks conflicts and answers with a message naming the clash.
import { useActionState } from "react";
import { saveEntryAction } from "@/lib/schedule/timetable/actions";
import type { ClassFormOptions } from "@/lib/schedule/timetable/data";
import { FormStatus } from "@/components/ui/action-form";
import { DateInput, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

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
        <Select name="subjectId" defaultValue={defaults.subjectId ?? ""} required>
          <option value="">—</option>
          {options.subjects.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col text-xs">
        Учитель
        <Select name="teacherId" defaultValue={defaults.teacherId ?? ""} required>
          <option value="">—</option>
          {options.teachers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col text-xs">
        Кабинет
        <Select name="roomId" defaultValue={defaults.roomId ?? ""}>
          <option value="">—</option>
          {options.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
      </label>
      {options.subgroups.length > 0 && (
        <label className="flex flex-col text-xs">
          Подгруппа
          <Select name="subgroupId" defaultValue={defaults.subgroupId ?? ""}>
            <option value="">весь класс</option>
            {options.subgroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </label>
      )}
      <div className="flex gap-1">
        <label className="flex flex-col text-xs">
          с
          <DateInput name="validFrom" defaultValue={defaults.validFrom} required />
        </label>
        <label className="flex flex-col text-xs">
          по
          <DateInput name="validTo" defaultValue={defaults.validTo} required />
        </label>
        <label className="flex w-12 flex-col text-xs">
          часов
          <Input type="number" name="hours" min="0.5" max="4" step="0.5" defaultValue={defaults.hours} />
        </label>
      </div>
      <SubmitButton size="sm">{pending ? "Сохранение…" : "Сохранить"}</SubmitButton>
      <FormStatus state={state} size="sm" />
    </form>
  );
}
