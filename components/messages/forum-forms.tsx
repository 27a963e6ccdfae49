"use client";
// Forum forms (MSG-4): a new topic, a reply, hide/show a post, appoint/remove a moderator.
import { useActionState, useEffect, useRef } from "react";
import { addPostAction, createTopicAction, hidePostAction, moderatorAction } from "@/lib/messages/forum/actions";
import { FormStatus } from "@/components/ui/action-form";
import { Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function NewTopicForm() {
  const [state, action] = useActionState(createTopicAction, null);
  return (
    <form action={action} className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Новая тема</h2>
      <label className="block text-sm">
        <span className="font-medium">Тема</span>
        <Input name="title" required maxLength={200} />
      </label>
      <label className="block text-sm">
        <span className="font-medium">Сообщение</span>
        <Textarea name="body" required maxLength={10000} rows={3} />
      </label>
      <SubmitButton>Создать тему</SubmitButton>
      <FormStatus state={state} success={null} />
    </form>
  );
}

export function ReplyForm({ topicId }: { topicId: number }) {
  const [state, action] = useActionState(addPostAction, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={action} className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <input type="hidden" name="topicId" value={topicId} />
      <label className="block text-sm">
        <span className="font-medium">Ответ</span>
        <Textarea name="body" required maxLength={10000} rows={3} />
      </label>
      <SubmitButton>Отправить</SubmitButton>
      <FormStatus state={state} success={null} />
    </form>
  );
}

export function HidePostButton({ postId, hidden }: { postId: number; hidden: boolean }) {
  const [state, action] = useActionState(hidePostAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="hidden" value={hidden ? "0" : "1"} />
      <SubmitButton variant="danger" size="sm">
        {hidden ? "Показать" : "Скрыть"}
      </SubmitButton>
      <FormStatus state={state} size="sm" success={null} />
    </form>
  );
}

export function ModeratorToggle({ userId, isModerator, name }: { userId: number; isModerator: boolean; name: string }) {
  const [state, action] = useActionState(moderatorAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="appoint" value={isModerator ? "0" : "1"} />
      <SubmitButton variant="ghost" aria-label={`${isModerator ? "Снять" : "Назначить"}: ${name}`}>
        {isModerator ? "Снять" : "Назначить"}
      </SubmitButton>
      <FormStatus state={state} size="sm" success={null} />
    </form>
  );
}
