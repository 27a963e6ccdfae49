"use client";
// The lesson panel (JRN-2, JRN-6, JRN-8): topic from the plan or typed, content and hours, homework
// with files, the assignments given (type, description, weight, due date), a control work's
// specification and protocol, and the request to open a locked date. Opened from a date in the
// grid's header or with Ctrl+Enter; Esc closes it.
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useRouter } from "next/navigation";
import type { GridAssignment, GridLesson, GridView } from "@/lib/journal/grid";
import {
  requestUnlockAction,
  saveAssignmentAction,
  saveHomeworkAction,
  saveHomeworkMarkerAction,
  saveTopicAction,
} from "@/lib/journal/lesson/actions";
import { ALLOWED_FILE_TYPES, MAX_FILE_BYTES, MAX_FILES_PER_ITEM } from "@/lib/storage/rules";
import { ProtocolForm } from "./protocol-form";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { homeworkRefusal } from "@/lib/journal/rules";
import { Button } from "@/components/ui/button";
import { DateInput, Field, FileInput, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { LessonLearning } from "@/components/learning/lesson-learning";
import { formatNumber } from "@/lib/org/vocabulary";

export function LessonPanel(props: { view: GridView; lesson: GridLesson; canEdit: boolean; onClose: () => void }) {
  const { view, lesson, canEdit } = props;
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>("input, select, textarea, button")?.focus();
  }, []);
  // Esc closes the panel wherever the focus is: a save disables its button while it runs, so the focus
  // falls to <body> and a key handler on the dialog never heard Esc again (round 24's walk: after
  // «Сохранить тему» the teacher's Esc did nothing). The grid's own keys listen on the grid only.
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  const date = lesson.date.split("-").reverse().join(".");
  const [protocolFor, setProtocolFor] = useState<GridAssignment | null>(null);
  // A portal: the grid's wide wrapper is transformed, which would trap a fixed panel inside it.
  return createPortal(
    <div
      className="fixed inset-0 z-50 flex justify-end bg-slate-900/30"
      onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-label={`Урок ${date}`}
        className="h-full w-full max-w-xl space-y-4 overflow-y-auto bg-white p-4 shadow-xl"
      >
        <div className="flex items-start justify-between">
          <div>
            <h2 className="text-lg font-semibold">
              Урок {date}, {lesson.bell}-й
            </h2>
            <p className="text-xs text-slate-500">
              {view.className} · {view.subjectName}
              {lesson.substituted ? " · замена" : ""}
              {lesson.lock.open && lesson.lock.byUnlock ? " · дата открыта администратором" : ""}
            </p>
          </div>
          <Button variant="ghost" type="button" onClick={props.onClose} aria-label="Закрыть">
            ×
          </Button>
        </div>
        {!lesson.lessonLock.open && lesson.lessonLock.code !== "future" && (
          <p
            role="status"
            data-testid="lesson-lock"
            className="rounded border border-slate-300 bg-slate-50 px-2 py-1 text-sm"
          >
            {lesson.lessonLock.reason}
          </p>
        )}
        {lesson.lessonLock.open && !lesson.assignmentLock.open && (
          <p
            role="status"
            data-testid="lesson-lock"
            className="rounded border border-slate-300 bg-slate-50 px-2 py-1 text-sm"
          >
            {lesson.assignmentLock.reason}
          </p>
        )}
        <TopicForm view={view} lesson={lesson} canEdit={canEdit} />
        <HomeworkForm view={props.view} lesson={lesson} canEdit={canEdit} />
        {!lesson.homework?.text && <HomeworkMarkerForm view={view} lesson={lesson} canEdit={canEdit} />}
        {/* LRN-1, LRN-2: hand-in settings and review, the lesson's materials (reloaded when the homework changes). */}
        <LessonLearning
          key={`${lesson.homework?.id ?? 0}:${lesson.homework?.version ?? 0}`}
          lessonId={lesson.id}
          kind={view.orgKind}
        />
        <section className="space-y-2">
          <h3 className="font-semibold">Задания урока</h3>
          {!view.marksAllowed && (
            <p className="text-xs text-slate-500">
              Первый класс: отметки не выставляются, задания фиксируют формы работы.
            </p>
          )}
          {lesson.assignments.map((a) => (
            <AssignmentForm
              key={a.id}
              view={view}
              lesson={lesson}
              assignment={a}
              canEdit={canEdit}
              onProtocol={() => setProtocolFor(a)}
            />
          ))}
          {canEdit && (
            <AssignmentForm
              key={`new-${lesson.assignments.length}`}
              view={view}
              lesson={lesson}
              assignment={null}
              canEdit={canEdit}
            />
          )}
        </section>
        {protocolFor && (
          <ProtocolForm
            view={view}
            lesson={lesson}
            assignment={protocolFor}
            canEdit={canEdit}
            onClose={() => setProtocolFor(null)}
          />
        )}
        {canEdit && !lesson.lock.open && lesson.lock.code !== "future" && lesson.lock.code !== "year" && (
          <UnlockForm lesson={lesson} />
        )}
        <LessonHistory lessonId={lesson.id} />
      </div>
    </div>,
    document.body,
  );
}

function TopicForm({ view, lesson, canEdit }: { view: GridView; lesson: GridLesson; canEdit: boolean }) {
  const router = useRouter();
  const [topic, setTopic] = useState(lesson.topic ?? "");
  return (
    <ActionForm
      action={saveTopicAction}
      onSuccess={() => router.refresh()}
      resetOnSuccess={false}
      label="Тема и содержание"
      size="sm"
      submitLabel={canEdit ? "Сохранить тему" : undefined}
    >
      <h3 className="font-semibold">Тема и содержание</h3>
      <input type="hidden" name="lessonId" value={lesson.id} />
      <input type="hidden" name="version" value={lesson.version} />
      {view.planTopics.length > 0 && (
        <Field label="Тема из КТП" name="planTopicId">
          <Select
            defaultValue={lesson.planTopicId ?? ""}
            disabled={!canEdit}
            placeholder="— не из плана —"
            options={view.planTopics.map((t) => ({ value: t.id, label: t.title }))}
            onChange={(e) => {
              const t = view.planTopics.find((p) => String(p.id) === e.target.value);
              if (t) setTopic(t.title);
            }}
          />
        </Field>
      )}
      {view.planTopics.length === 0 && <input type="hidden" name="planTopicId" value="" />}
      <Field label="Тема урока" name="topic">
        <Input value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={500} disabled={!canEdit} />
      </Field>
      <Field label="Содержание" name="content">
        <Textarea defaultValue={lesson.content ?? ""} maxLength={4000} rows={2} disabled={!canEdit} />
      </Field>
      {view.orgKind === "COLLEGE" ? (
        <Field label="Академических часов" name="hours">
          <Input
            className="w-24"
            type="number"
            step="0.5"
            min="0.5"
            max="8"
            defaultValue={lesson.hours}
            disabled={!canEdit}
          />
        </Field>
      ) : (
        <input type="hidden" name="hours" value="" />
      )}
    </ActionForm>
  );
}

const ACCEPT = Object.keys(ALLOWED_FILE_TYPES)
  .map((e) => `.${e}`)
  .join(",");

/**
 * DAY-8: on the kit's ActionForm — a refused save keeps the text and the chosen files, and homework not
 * allowed on this lesson now (ORG-2 settings) shows disabled with the reason before anyone types.
 */
function HomeworkForm({ view, lesson, canEdit }: { view: GridView; lesson: GridLesson; canEdit: boolean }) {
  const router = useRouter();
  const hw = lesson.homework;
  const refusal = canEdit
    ? homeworkRefusal(lesson.date, view.today, view.homework ?? { forToday: true, forPast: true })
    : null;
  return (
    <ActionForm
      action={saveHomeworkAction}
      onSuccess={() => router.refresh()}
      resetOnSuccess={false}
      disabledReason={refusal}
      label="Домашнее задание"
      size="sm"
      className="space-y-2"
    >
      <h3 className="font-semibold">Домашнее задание</h3>
      <input type="hidden" name="lessonId" value={lesson.id} />
      <input type="hidden" name="version" value={hw?.version ?? 0} />
      <label className="block text-sm">
        Текст
        <Textarea name="text" defaultValue={hw?.text ?? ""} maxLength={4000} rows={2} disabled={!canEdit} />
      </label>
      <label className="block text-sm">
        Срок сдачи
        <DateInput className="w-44" name="dueDate" defaultValue={hw?.dueDate ?? ""} disabled={!canEdit} />
      </label>
      {hw && hw.files.length > 0 && (
        <fieldset className="text-sm">
          <legend>Файлы (отметьте, чтобы удалить)</legend>
          {hw.files.map((f) => (
            <label key={f.id} className="mr-3 inline-flex items-center gap-1">
              <input
                type="checkbox"
                name="removeFile"
                value={f.id}
                disabled={!canEdit}
                aria-label={`Удалить ${f.name}`}
              />
              <a href={`/api/journal/files/${f.id}`} className="text-blue-700 hover:underline">
                {f.name}
              </a>{" "}
              <span className="text-xs text-slate-500">({Math.ceil(f.size / 1024)} КБ)</span>
            </label>
          ))}
        </fieldset>
      )}
      {canEdit && (
        <label className="block text-sm">
          Прикрепить файлы (до {MAX_FILES_PER_ITEM}, каждый до {MAX_FILE_BYTES / 1024 / 1024} МБ: документы, таблицы,
          изображения, pdf)
          <FileInput name="files" multiple accept={ACCEPT} />
        </label>
      )}
      {canEdit && (
        <SubmitButton
          onClick={(e) => {
            const f = e.currentTarget.form!;
            const ids = [...f.querySelectorAll<HTMLInputElement>("input[name=removeFile]:checked")]
              .map((c) => c.value)
              .join(",");
            let hidden = f.querySelector<HTMLInputElement>("input[name=remove]");
            if (!hidden) {
              hidden = document.createElement("input");
              hidden.type = "hidden";
              hidden.name = "remove";
              f.appendChild(hidden);
            }
            hidden.value = ids;
          }}
        >
          Сохранить домашнее задание
        </SubmitButton>
      )}
    </ActionForm>
  );
}

/** DUT-6: «не задано» (or «не предусмотрено» in the first grade) when a lesson has no homework. */
function HomeworkMarkerForm({ view, lesson, canEdit }: { view: GridView; lesson: GridLesson; canEdit: boolean }) {
  const router = useRouter();
  return (
    <ActionForm
      action={saveHomeworkMarkerAction}
      onSuccess={() => router.refresh()}
      resetOnSuccess={false}
      layout="inline"
      size="sm"
      label="Без домашнего задания"
      submitLabel={canEdit ? "Отметить" : undefined}
      submitVariant="secondary"
    >
      <input type="hidden" name="lessonId" value={lesson.id} />
      <Field label="Без домашнего задания" name="marker">
        <Select defaultValue={lesson.homeworkMarker ?? ""} disabled={!canEdit} className="w-56">
          <option value="">— не отмечено —</option>
          <option value="NOT_GIVEN">не задано</option>
          {(view.homeworkNotProvided || lesson.homeworkMarker === "NOT_PROVIDED") && (
            <option value="NOT_PROVIDED">не предусмотрено</option>
          )}
        </Select>
      </Field>
    </ActionForm>
  );
}

function AssignmentForm(props: {
  view: GridView;
  lesson: GridLesson;
  assignment: GridAssignment | null;
  canEdit: boolean;
  onProtocol?: () => void;
}) {
  const { view, lesson, assignment: a, canEdit } = props;
  const router = useRouter();
  const types = view.types;
  return (
    <ActionForm
      action={saveAssignmentAction}
      onSuccess={() => router.refresh()}
      resetOnSuccess={false}
      layout="bare"
      size="sm"
      status="manual"
      className="rounded border border-slate-200 p-2 text-sm"
      label={a ? `Задание: ${a.typeName}` : "Новое задание"}
    >
      <div className="grid grid-cols-[1fr_1fr] gap-2">
        <input type="hidden" name="lessonId" value={lesson.id} />
        <input type="hidden" name="assignmentId" value={a?.id ?? ""} />
        <Field label="Тип задания" name="typeId">
          <Select
            defaultValue={a?.typeId ?? types[0]?.id}
            disabled={!canEdit}
            options={types.map((t) => ({ value: t.id, label: `${t.name} (вес ${formatNumber(t.weight)})` }))}
          />
        </Field>
        <Field label="Вес (пусто — по типу)" name="weight">
          <Input
            type="number"
            step="0.25"
            min="0"
            max="10"
            defaultValue={a && a.weight !== types.find((t) => t.id === a.typeId)?.weight ? a.weight : ""}
            disabled={!canEdit}
          />
        </Field>
        <Field label="Описание" name="description" className="col-span-2">
          <Input defaultValue={a?.description ?? ""} maxLength={300} disabled={!canEdit} />
        </Field>
        <Field label="Срок" name="dueDate">
          <DateInput defaultValue={a?.dueDate ?? ""} disabled={!canEdit} />
        </Field>
        <div className="flex items-end gap-2">
          {canEdit && (
            <SubmitButton name="intent" value="save">
              {a ? "Сохранить" : "Добавить задание"}
            </SubmitButton>
          )}
          {canEdit && a && (
            <SubmitButton variant="secondary" name="intent" value="delete">
              Удалить
            </SubmitButton>
          )}
          {a?.isControl && props.onProtocol && (
            <Button variant="secondary" type="button" onClick={props.onProtocol}>
              Протокол
            </Button>
          )}
        </div>
        <div className="col-span-2">
          <FormStatus size="sm" />
        </div>
      </div>
    </ActionForm>
  );
}

function UnlockForm({ lesson }: { lesson: GridLesson }) {
  return (
    <ActionForm
      action={requestUnlockAction}
      size="sm"
      label="Запрос открытия даты"
      submitLabel="Запросить открытие даты"
      className="rounded border border-amber-300 bg-amber-50 p-2"
    >
      <h3 className="font-semibold">Дата закрыта для изменений</h3>
      <p className="text-xs text-slate-600">
        Отметки и посещаемость меняются в течение установленного школой срока. Администратор может открыть дату на 12
        часов.
      </p>
      <input type="hidden" name="lessonId" value={lesson.id} />
      <Field label="Причина" name="reason">
        <Input required minLength={5} maxLength={500} />
      </Field>
    </ActionForm>
  );
}

type Change = { id: string; at: string; user: string; entity: string; oldValue: unknown; newValue: unknown };

function LessonHistory({ lessonId }: { lessonId: number }) {
  const [rows, setRows] = useState<Change[] | null>(null);
  const [open, setOpen] = useState(false);
  const load = async () => {
    setOpen(true);
    const res = await fetch(`/api/journal/history?kind=lesson&lessonId=${lessonId}`).catch(() => null);
    const body = res ? ((await res.json().catch(() => null)) as { ok: boolean; data?: Change[] } | null) : null;
    setRows(body?.data ?? []);
  };
  const text = (v: unknown) => {
    if (v === null || v === undefined) return "—";
    const o = v as { topic?: string | null; text?: string; allPresent?: boolean };
    if (o.allPresent) return "все присутствуют";
    if (o.topic !== undefined) return o.topic ?? "—";
    if (o.text !== undefined) return o.text;
    return "";
  };
  return (
    <section className="text-sm">
      {!open ? (
        <Button variant="ghost" type="button" onClick={() => void load()}>
          История изменений темы и домашнего задания
        </Button>
      ) : rows === null ? (
        "Загрузка…"
      ) : rows.length === 0 ? (
        <p className="text-slate-500">Изменений не было.</p>
      ) : (
        <ul className="space-y-1 text-xs" aria-label="История урока">
          {rows.map((r) => (
            <li key={r.id}>
              <span className="tabular-nums text-slate-500">{new Date(r.at).toLocaleString("ru-RU")}</span> · {r.user} ·{" "}
              {r.entity === "TOPIC" ? "тема" : r.entity === "HOMEWORK" ? "д/з" : "посещаемость"}: {text(r.oldValue)} →{" "}
              {text(r.newValue)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
