"use client";
// One cell's form of the timetable grid (SCH-2): add or change a lesson of the weekly template.
// The server checks conflicts and answers with a message naming the clash.
import { saveEntryAction } from "@/lib/schedule/timetable/actions";
import type { ClassFormOptions } from "@/lib/schedule/timetable/data";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, Input, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { cap, vocabulary } from "@/lib/org/vocabulary";

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
  /** A college's words (DAY-6): «Дисциплина», «Преподаватель», «занятие», «вся группа». */
  college?: boolean;
};

/** A small select over named items (subject, teacher, room, subgroup) with an empty first choice. */
function ItemField({
  label,
  name,
  items,
  value,
  empty = "—",
  required,
}: {
  label: string;
  name: string;
  items: readonly { id: number; name: string }[];
  value: number | null;
  empty?: string;
  required?: boolean;
}) {
  return (
    <Field label={label} name={name} size="sm">
      <Select defaultValue={value ?? ""} required={required} placeholder={empty} options={optionsOf(items)} />
    </Field>
  );
}

export function EntryForm({ classId, weekday, bellNumber, slotLabel, options, defaults, college = false }: Props) {
  const v = vocabulary(college);
  return (
    <ActionForm
      action={saveEntryAction}
      size="sm"
      submitLabel="Сохранить"
      resetOnSuccess={false}
      label={`${defaults.entryId ? "Изменить" : "Добавить"} ${v.lesson.acc}: ${slotLabel}`}
      className="mt-1 rounded border border-slate-200 bg-slate-50 p-1.5"
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="weekday" value={weekday} />
      <input type="hidden" name="bellNumber" value={bellNumber} />
      {defaults.entryId !== null && <input type="hidden" name="entryId" value={defaults.entryId} />}
      {(
        [
          [v.subject, "subjectId", options.subjects, defaults.subjectId],
          [v.teacher, "teacherId", options.teachers, defaults.teacherId],
        ] as const
      ).map(([word, name, items, value]) => (
        <ItemField key={name} label={cap(word.nom)} name={name} items={items} value={value} required />
      ))}
      <ItemField label="Кабинет" name="roomId" items={options.rooms} value={defaults.roomId} />
      {options.subgroups.length > 0 && (
        <ItemField
          label="Подгруппа"
          name="subgroupId"
          items={options.subgroups}
          value={defaults.subgroupId}
          empty={v.wholeClass}
        />
      )}
      <div className="flex gap-1">
        <Field label="с" name="validFrom" size="sm">
          <DateInput defaultValue={defaults.validFrom} required />
        </Field>
        <Field label="по" name="validTo" size="sm">
          <DateInput defaultValue={defaults.validTo} required />
        </Field>
        <Field label="часов" name="hours" size="sm" className="w-12">
          <Input type="number" min="0.5" max="4" step="0.5" defaultValue={defaults.hours} />
        </Field>
      </div>
    </ActionForm>
  );
}
