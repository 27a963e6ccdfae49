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
        <Select
          name="subjectId"
          defaultValue={defaults.subjectId ?? ""}
          required
          placeholder="—"
          options={options.subjects.map((s) => ({ value: s.id, label: s.name }))}
        />
      </label>
      <label className="flex flex-col text-xs">
        Учитель
        <Select
          name="teacherId"
          defaultValue={defaults.teacherId ?? ""}
          required
          placeholder="—"
          options={options.teachers.map((t) => ({ value: t.id, label: t.name }))}
        />
      </label>
      <label className="flex flex-col text-xs">
        Кабинет
        <Select
          name="roomId"
          defaultValue={defaults.roomId ?? ""}
          placeholder="—"
          options={options.rooms.map((r) => ({ value: r.id, label: r.name }))}
        />
      </label>
      {options.subgroups.length > 0 && (
        <label className="flex flex-col text-xs">
          Подгруппа
          <Select
            name="subgroupId"
            defaultValue={defaults.subgroupId ?? ""}
            placeholder="весь класс"
            options={options.subgroups.map((g) => ({ value: g.id, label: g.name }))}
          />
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
