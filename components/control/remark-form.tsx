"use client";
// The writer's form for a new remark (CTL-2): teacher, optional class and subject, the text.
import { createRemarkAction } from "@/lib/control/actions";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, Select, Textarea } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";

type Option = { id: number; name: string };

export type RemarkDefaults = { teacherId?: string; classId?: string; subjectId?: string };

export function RemarkForm({
  teachers,
  classes,
  subjects,
  classWord,
  teacherWord = "Учитель",
  teacherDative = "учителю",
  defaults = {},
}: {
  teachers: Option[];
  classes: Option[];
  subjects: Option[];
  classWord: string;
  teacherWord?: string;
  teacherDative?: string;
  defaults?: RemarkDefaults;
}) {
  return (
    <ActionForm action={createRemarkAction} framed label="Новое замечание" submitLabel={`Отправить ${teacherDative}`}>
      <h2 className="font-semibold">Новое замечание</h2>
      <div className="grid gap-2 sm:grid-cols-4">
        <Field label={teacherWord} name="teacherId" required>
          <Select
            required
            defaultValue={defaults.teacherId ?? ""}
            placeholder="Выберите"
            placeholderDisabled
            options={optionsOf(teachers)}
          />
        </Field>
        <Field label={classWord} name="classId">
          <Select defaultValue={defaults.classId ?? ""} placeholder="—" options={optionsOf(classes)} />
        </Field>
        <Field label="Предмет" name="subjectId">
          <Select defaultValue={defaults.subjectId ?? ""} placeholder="—" options={optionsOf(subjects)} />
        </Field>
        <Field label="Дата урока (необязательно)" name="lessonDate">
          <DateInput />
        </Field>
      </div>
      <Field label="Замечание" name="text" required>
        <Textarea required minLength={3} maxLength={2000} rows={3} />
      </Field>
    </ActionForm>
  );
}
