"use client";
// The portfolio's forms (LRN-5): add an achievement (with a diploma's scan or photo), confirm or
// reject one (the class teacher), remove one; a teacher's portfolio entry and its removal. On the
// kit (issue 19): a refusal keeps what was typed and the chosen scan; the buttons show the work.
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import {
  addAchievementAction,
  addStaffAchievementAction,
  decideAchievementAction,
  deleteStaffAchievementAction,
} from "@/lib/portfolio/actions";
import {
  ACHIEVEMENT_KINDS,
  ACHIEVEMENT_LEVELS,
  KIND_LABELS,
  LEVEL_LABELS,
  STAFF_KINDS,
  STAFF_KIND_LABELS,
} from "@/lib/portfolio/rules";
import { ActionButton } from "@/components/ui/action-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { DateInput, Field, FileInput, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { acceptFiles, withFileCheck } from "@/components/learning/file-check";

const ACCEPT = acceptFiles(true);
const addAchievement = withFileCheck(addAchievementAction, "file");
const addStaffAchievement = withFileCheck(addStaffAchievementAction, "file");

/** A new portfolio entry's form — a student's or a teacher's: two columns, the owner's id sent along, the page refreshed after. */
function EntryForm<T>({
  action,
  label,
  submitLabel,
  owner,
  children,
}: {
  action: FormAction<T>;
  label: string;
  submitLabel: string;
  owner: { name: "studentId" | "userId"; id: number };
  children: ReactNode;
}) {
  const router = useRouter();
  return (
    <ActionForm action={action} label={label} submitLabel={submitLabel} onSuccess={() => router.refresh()}>
      <div className="grid gap-2 sm:grid-cols-2">
        <input type="hidden" name={owner.name} value={owner.id} />
        {children}
      </div>
    </ActionForm>
  );
}

/** The entry's date: today at the latest. */
function DateField({ today }: { today: string }) {
  return (
    <Field label="Дата" name="date" required>
      <DateInput required max={today} defaultValue={today} />
    </Field>
  );
}

export function AchievementForm({ studentId, today }: { studentId: number; today: string }) {
  return (
    <EntryForm
      action={addAchievement}
      label="Новое достижение"
      submitLabel="Добавить достижение"
      owner={{ name: "studentId", id: studentId }}
    >
      <Field label="Название (олимпиада, конкурс, проект…)" name="title" required className="sm:col-span-2">
        <Input required maxLength={300} className="w-full" />
      </Field>
      <Field label="Вид" name="kind">
        <Select options={ACHIEVEMENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} className="w-full" />
      </Field>
      <Field label="Уровень" name="level">
        <Select options={ACHIEVEMENT_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))} className="w-full" />
      </Field>
      <Field label="Результат" name="result">
        <Input maxLength={200} placeholder="победитель, призёр, участник" className="w-full" />
      </Field>
      <Field label="Предмет или направление" name="subject">
        <Input maxLength={200} className="w-full" />
      </Field>
      <DateField today={today} />
      <Field label="Диплом, грамота (фото или файл)" name="file">
        <FileInput accept={ACCEPT} />
      </Field>
    </EntryForm>
  );
}

export function DecisionButtons(props: {
  achievementId: number;
  decidable: boolean;
  removable: boolean;
  title: string;
}) {
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  return (
    <ActionForm
      action={decideAchievementAction}
      label={`Решение: ${props.title}`}
      layout="inline"
      size="sm"
      // The entry's new state shows in the list itself.
      success={null}
      onSuccess={() => {
        setRejecting(false);
        router.refresh();
      }}
    >
      <input type="hidden" name="achievementId" value={props.achievementId} />
      {props.decidable && (
        <>
          <SubmitButton name="intent" value="confirm" size="sm">
            Подтвердить
          </SubmitButton>
          {rejecting ? (
            <>
              <Input
                name="reason"
                size="sm"
                maxLength={500}
                placeholder="Причина"
                aria-label="Причина отклонения"
                className="w-48"
              />
              <SubmitButton name="intent" value="reject" variant="danger" size="sm">
                Отклонить
              </SubmitButton>
            </>
          ) : (
            <Button variant="secondary" size="sm" onClick={() => setRejecting(true)}>
              Отклонить…
            </Button>
          )}
        </>
      )}
      {props.removable && (
        <SubmitButton
          name="intent"
          value="delete"
          variant="secondary"
          size="sm"
          onClick={(e) => {
            if (!confirm(`Удалить «${props.title}»?`)) e.preventDefault();
          }}
        >
          Удалить
        </SubmitButton>
      )}
    </ActionForm>
  );
}

export function StaffAchievementForm({ userId, today }: { userId: number; today: string }) {
  return (
    <EntryForm
      action={addStaffAchievement}
      label="Новая запись портфолио"
      submitLabel="Добавить запись"
      owner={{ name: "userId", id: userId }}
    >
      <Field label="Вид" name="kind">
        <Select options={STAFF_KINDS.map((k) => ({ value: k, label: STAFF_KIND_LABELS[k] }))} className="w-full" />
      </Field>
      <DateField today={today} />
      <Field label="Содержание (категория, название курса, награда)" name="title" required className="sm:col-span-2">
        <Input required maxLength={300} className="w-full" />
      </Field>
      <Field label="Кем выдано" name="issuer">
        <Input maxLength={300} className="w-full" />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label="Часов" name="hours">
          <Input type="number" min={1} max={10000} className="w-full" />
        </Field>
        <Field label="№ документа" name="documentNumber">
          <Input maxLength={100} className="w-full" />
        </Field>
      </div>
      <Field label="Скан документа" name="file" className="sm:col-span-2">
        <FileInput accept={ACCEPT} />
      </Field>
    </EntryForm>
  );
}

/** «Удалить» beside a teacher's portfolio entry: asked first, then removed. */
export function DeleteStaffEntry({ entryId, title }: { entryId: number; title: string }) {
  const remove = useFormAction(deleteStaffAchievementAction, { entryId });
  return (
    <ActionButton action={remove} confirm={`Удалить «${title}»?`}>
      Удалить
    </ActionButton>
  );
}
