"use client";
// The writer's form for a new remark (CTL-2): teacher, optional class and subject, the text — in the
// organisation's words (DAY-6, round 23: the subject and the lesson's date said «Предмет», «урока» at a college).
import { createRemarkAction } from "@/lib/control/actions";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, Select, Textarea } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

type Option = { id: number; name: string };

export type RemarkDefaults = { teacherId?: string; classId?: string; subjectId?: string };

export function RemarkForm({
  teachers,
  classes,
  subjects,
  kind,
  defaults = {},
}: {
  teachers: Option[];
  classes: Option[];
  subjects: Option[];
  /** DAY-6: the organisation's words (a school's without it). */
  kind?: OrgKindName;
  defaults?: RemarkDefaults;
}) {
  const v = vocabulary(kind ?? "SCHOOL");
  return (
    <ActionForm action={createRemarkAction} framed label="Новое замечание" submitLabel={`Отправить ${v.teacher.dat}`}>
      <h2 className="font-semibold">Новое замечание</h2>
      <div className="grid gap-2 sm:grid-cols-4">
        <Field label={cap(v.teacher.nom)} name="teacherId" required>
          <Select
            required
            defaultValue={defaults.teacherId ?? ""}
            placeholder="Выберите"
            placeholderDisabled
            options={optionsOf(teachers)}
          />
        </Field>
        <Field label={cap(v.class.nom)} name="classId">
          <Select defaultValue={defaults.classId ?? ""} placeholder="—" options={optionsOf(classes)} />
        </Field>
        <Field label={cap(v.subject.nom)} name="subjectId">
          <Select defaultValue={defaults.subjectId ?? ""} placeholder="—" options={optionsOf(subjects)} />
        </Field>
        <Field label={`Дата ${v.lesson.gen} (необязательно)`} name="lessonDate">
          <DateInput />
        </Field>
      </div>
      <Field label="Замечание" name="text" required>
        <Textarea required minLength={3} maxLength={2000} rows={3} />
      </Field>
    </ActionForm>
  );
}
