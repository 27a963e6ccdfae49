"use client";
// PRG-1: the forms of work programmes — a new programme, its sections, the author's steps, the
// deputy's decision and «КТП по программе» for a teacher load.
import {
  createKtpFromProgrammeAction,
  createProgrammeAction,
  programmeStepAction,
  reviewProgrammeAction,
  saveSectionsAction,
} from "@/lib/programmes/actions";
import { KIND_LABELS, PROGRAMME_KINDS } from "@/lib/programmes/rules";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { ReviewDecisionFields } from "@/components/plans/workflow-forms";
import { cap, gradeFieldLabel, vocabulary } from "@/lib/org/vocabulary";

export function CreateProgrammeForm({
  subjects,
  college,
}: {
  subjects: { id: number; name: string }[];
  college: boolean;
}) {
  return (
    <ActionForm
      action={createProgrammeAction}
      layout="inline"
      framed
      label="Новая рабочая программа"
      submitLabel="Создать программу"
    >
      <Field label={cap(vocabulary(college).subject.nom)} name="subjectId">
        <Select required options={optionsOf(subjects)} placeholder="выберите" />
      </Field>
      {college && (
        <Field label="Вид" name="kind">
          <Select options={PROGRAMME_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} defaultValue="SUBJECT" />
        </Field>
      )}
      <Field label={gradeFieldLabel(vocabulary(college))} name="grade">
        <Input type="number" min={1} max={11} className="w-20" />
      </Field>
      {college && (
        <Field label="Специальность" name="specialty">
          <Input maxLength={200} />
        </Field>
      )}
      <Field label="Название" name="title">
        <Input required maxLength={300} className="w-80" />
      </Field>
    </ActionForm>
  );
}

export function SectionsForm({ programmeId, text }: { programmeId: number; text: string }) {
  return (
    <ActionForm
      action={saveSectionsAction}
      label="Разделы программы"
      submitLabel="Сохранить разделы"
      success={(d) => d.message}
      resetOnSuccess={false}
    >
      <input type="hidden" name="programmeId" value={programmeId} />
      <Field
        label="Разделы"
        name="sections"
        hint="Один раздел в строке: «Название; часы; планируемые результаты; контрольные работы через запятую»"
      >
        <Textarea rows={8} defaultValue={text} maxLength={50_000} className="w-full font-mono text-sm" />
      </Field>
    </ActionForm>
  );
}

export function ProgrammeStepButton({ programmeId, step }: { programmeId: number; step: "submit" | "reopen" }) {
  return (
    <ActionForm
      action={programmeStepAction}
      layout="inline"
      label={step === "submit" ? "Отправить на утверждение" : "Новая редакция"}
      submitLabel={step === "submit" ? "Отправить на утверждение" : "Начать новую редакцию"}
      submitVariant={step === "submit" ? "primary" : "secondary"}
      success={(d) => d.message}
    >
      <input type="hidden" name="programmeId" value={programmeId} />
      <input type="hidden" name="step" value={step} />
    </ActionForm>
  );
}

export function ProgrammeReviewForm({ programmeId }: { programmeId: number }) {
  return (
    <ActionForm action={reviewProgrammeAction} status="manual" label="Решение по программе" success={(d) => d.message}>
      <input type="hidden" name="programmeId" value={programmeId} />
      <ReviewDecisionFields />
    </ActionForm>
  );
}

export function KtpFromProgrammeButton({
  programmeId,
  loadId,
  label,
}: {
  programmeId: number;
  loadId: number;
  label: string;
}) {
  return (
    <ActionForm
      action={createKtpFromProgrammeAction}
      layout="inline"
      label={`Создать КТП: ${label}`}
      submitLabel="Создать КТП"
      size="sm"
    >
      <input type="hidden" name="programmeId" value={programmeId} />
      <input type="hidden" name="loadId" value={loadId} />
    </ActionForm>
  );
}
