"use client";
// SCH-4: «Сформировать уроки журнала» for a period, with the report of kept lessons.
import { useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { generateLessonsAction } from "@/lib/schedule/lessons/actions";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { DateInput, Field, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { Table, THead, Td, Tr } from "@/components/ui/table";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

type Props = {
  classes: { id: number; name: string }[];
  from: string;
  to: string;
  /** DAY-6: the report's heads in the organisation's words. */
  kind?: OrgKindName;
};

export function GenerateForm({ classes, from, to, kind = "SCHOOL" }: Props) {
  const v = vocabulary(kind);
  const [state, setState] = useState<Awaited<ReturnType<typeof generateLessonsAction>> | null>(null);
  return (
    <div className="space-y-3">
      <ActionForm
        action={generateLessonsAction}
        label={`Сформировать ${v.lesson.nomPl}`}
        layout="inline"
        framed
        status="manual"
        resetOnSuccess={false}
        onResult={setState}
        submitLabel="Сформировать"
      >
        <Field label={cap(v.class.nom)}>
          <Select
            name="classId"
            // DAY-11: one class by default; the whole organisation is a deliberate choice
            defaultValue={classes[0]?.id ?? ""}
            placeholder={`все ${v.class.nomPl}`}
            options={optionsOf(classes)}
          />
        </Field>
        <Field label="с">
          <DateInput name="from" defaultValue={from} required />
        </Field>
        <Field label="по">
          <DateInput name="to" defaultValue={to} required />
        </Field>
      </ActionForm>
      {state?.ok === false && <FormStatus state={state as ActionResult<unknown>} />}
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
          {state.data.unapproved > 0 && (
            <p className="text-amber-800">
              Без уроков: {state.data.unapproved} кл. — их расписание ещё не утверждено директором (вкладка
              «Утверждение»).
            </p>
          )}
          {state.data.kept.length > 0 && (
            <>
              <p className="font-medium text-amber-800">
                Сохранены без изменений уроки с оценками, посещаемостью, темой или домашним заданием (
                {state.data.kept.length}):
              </p>
              <Table label="Сохранённые уроки" className="w-fit">
                <THead headers={["Дата", cap(v.lesson.nom), cap(v.class.nom), cap(v.subject.nom), "Причина"]} />
                <tbody>
                  {state.data.kept.map((k) => (
                    <Tr key={k.lessonId}>
                      <Td>{k.date}</Td>
                      <Td>{k.bellNumber}</Td>
                      <Td>{k.className}</Td>
                      <Td>{k.subjectName}</Td>
                      <Td>{k.reason}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </div>
      )}
    </div>
  );
}
