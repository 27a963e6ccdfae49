"use client";
// «Записать проверку» (DUT-2): class (with the level the user checks it at), subject and period
// optional, the result, the findings and, for those who write remarks, a remark to a teacher.
// On the kit (issue 19): a refusal keeps the findings and the remark typed; the button shows it works.
import { useState } from "react";
import { recordCheckAction } from "@/lib/control/checks/actions";
import { checkLevelLabel, type CheckLevelName } from "@/lib/control/checks/rules";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select, Textarea } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

type Option = { id: number; name: string };
const options = (list: Option[]) => optionsOf(list);
const RESULT_OPTIONS = [
  { value: "OK", label: "замечаний нет" },
  { value: "REMARKS", label: "есть замечания" },
];

export function CheckForm({
  classes,
  subjects,
  periods,
  teachers,
  kind,
  canRemark,
}: {
  classes: (Option & { levels: CheckLevelName[] })[];
  subjects: Option[];
  periods: Option[];
  teachers: Option[];
  /** DAY-6: the organisation's words (a school's without it); round 23 — «Предмет», «все предметы» and
   *  «Замечание учителю» were fixed school words. */
  kind?: OrgKindName;
  canRemark: boolean;
}) {
  const v = vocabulary(kind ?? "SCHOOL");
  const [classId, setClassId] = useState(String(classes[0]?.id ?? ""));
  const levels = classes.find((c) => String(c.id) === classId)?.levels ?? [];
  return (
    <ActionForm
      action={recordCheckAction}
      label="Записать проверку"
      framed
      className="p-4"
      submitLabel="Записать проверку"
      resetOnSuccess={false}
    >
      <h2 className="font-semibold">Записать проверку</h2>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        <Field label={cap(v.class.nom)} name="classId">
          <Select required value={classId} onChange={(e) => setClassId(e.target.value)} options={options(classes)} />
        </Field>
        <Field label="Проверка как" name="level">
          <Select
            key={classId}
            defaultValue={levels[0] ?? ""}
            options={levels.map((l) => ({ value: l, label: checkLevelLabel(l, v.kind) }))}
          />
        </Field>
        <Field label={cap(v.subject.nom)} name="subjectId">
          <Select defaultValue="" placeholder={`все ${v.subject.nomPl}`} options={options(subjects)} />
        </Field>
        <Field label="Учебный период" name="periodId">
          <Select defaultValue="" placeholder="—" options={options(periods)} />
        </Field>
        <Field label="Результат" name="result">
          <Select required defaultValue="OK" options={RESULT_OPTIONS} />
        </Field>
      </div>
      <Field label="Итоги проверки" name="findings">
        <Textarea maxLength={2000} rows={2} />
      </Field>
      {canRemark && (
        <fieldset className="grid gap-2 sm:grid-cols-3">
          <legend className="text-sm text-slate-600">Замечание {v.teacher.dat} (необязательно)</legend>
          <Field label={cap(v.teacher.nom)} name="remarkTeacherId">
            <Select defaultValue="" placeholder="—" options={options(teachers)} />
          </Field>
          <Field label="Текст замечания" name="remarkText" className="sm:col-span-2">
            <Textarea maxLength={2000} rows={2} />
          </Field>
        </fieldset>
      )}
    </ActionForm>
  );
}
