"use client";
// The writer's form for a new remark (CTL-2): teacher, optional class and subject, the text.
import { useActionState } from "react";
import { createRemarkAction } from "@/lib/control/actions";
import { FormStatus } from "@/components/ui/action-form";
import { DateInput, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Option = { id: number; name: string };

export type RemarkDefaults = { teacherId?: string; classId?: string; subjectId?: string };

export function RemarkForm({
  teachers,
  classes,
  subjects,
  classWord,
  defaults = {},
}: {
  teachers: Option[];
  classes: Option[];
  subjects: Option[];
  classWord: string;
  defaults?: RemarkDefaults;
}) {
  const [state, action] = useActionState(createRemarkAction, null);
  const err = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form
      action={action}
      className="space-y-2 rounded border border-slate-200 bg-white p-4"
      aria-label="Новое замечание"
    >
      <h2 className="font-semibold">Новое замечание</h2>
      <div className="grid gap-2 sm:grid-cols-4">
        <label className="block text-sm">
          Учитель
          <Select name="teacherId" required defaultValue={defaults.teacherId ?? ""}>
            <option value="" disabled>
              Выберите
            </option>
            {teachers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
          {err("teacherId") && <span className="text-xs text-red-700">{err("teacherId")}</span>}
        </label>
        <label className="block text-sm">
          {classWord}
          <Select
            name="classId"
            defaultValue={defaults.classId ?? ""}
            placeholder="—"
            options={classes.map((c) => ({ value: c.id, label: c.name }))}
          />
          {err("classId") && <span className="text-xs text-red-700">{err("classId")}</span>}
        </label>
        <label className="block text-sm">
          Предмет
          <Select
            name="subjectId"
            defaultValue={defaults.subjectId ?? ""}
            placeholder="—"
            options={subjects.map((s) => ({ value: s.id, label: s.name }))}
          />
        </label>
        <label className="block text-sm">
          Дата урока (необязательно)
          <DateInput name="lessonDate" />
          {err("lessonDate") && <span className="text-xs text-red-700">{err("lessonDate")}</span>}
        </label>
      </div>
      <label className="block text-sm">
        Замечание
        <Textarea name="text" required minLength={3} maxLength={2000} rows={3} />
        {err("text") && <span className="text-xs text-red-700">{err("text")}</span>}
      </label>
      <div className="flex items-center gap-3">
        <SubmitButton>Отправить учителю</SubmitButton>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
