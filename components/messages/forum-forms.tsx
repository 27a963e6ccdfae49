"use client";
// Forum forms (MSG-4): a new topic, a reply, hide/show a post, appoint/remove a moderator.
import { addPostAction, createTopicAction, hidePostAction, moderatorAction } from "@/lib/messages/forum/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Input, Textarea } from "@/components/ui/field";
import { FormButton } from "@/components/ui/form-button";

export function NewTopicForm() {
  return (
    <ActionForm action={createTopicAction} framed label="Новая тема" submitLabel="Создать тему" success={null}>
      <h2 className="font-semibold">Новая тема</h2>
      <Field label="Тема" name="title">
        <Input required maxLength={200} />
      </Field>
      <Field label="Сообщение" name="body">
        <Textarea required maxLength={10000} rows={3} />
      </Field>
    </ActionForm>
  );
}

export function ReplyForm({ topicId }: { topicId: number }) {
  return (
    <ActionForm action={addPostAction} framed label="Ответ" submitLabel="Отправить" success={null}>
      <input type="hidden" name="topicId" value={topicId} />
      <Field label="Ответ" name="body">
        <Textarea required maxLength={10000} rows={3} />
      </Field>
    </ActionForm>
  );
}

export function HidePostButton({ postId, hidden }: { postId: number; hidden: boolean }) {
  return (
    <FormButton action={hidePostAction} values={{ postId, hidden: hidden ? "0" : "1" }} variant="danger">
      {hidden ? "Показать" : "Скрыть"}
    </FormButton>
  );
}

export function ModeratorToggle({ userId, isModerator, name }: { userId: number; isModerator: boolean; name: string }) {
  return (
    <FormButton
      action={moderatorAction}
      values={{ userId, appoint: isModerator ? "0" : "1" }}
      variant="ghost"
      size="md"
      aria-label={`${isModerator ? "Снять" : "Назначить"}: ${name}`}
    >
      {isModerator ? "Снять" : "Назначить"}
    </FormButton>
  );
}
