"use client";
// Forum forms (MSG-4): a new topic, a reply, hide/show a post, appoint/remove a moderator.
import { useActionState, useEffect, useRef } from "react";
import { addPostAction, createTopicAction, hidePostAction, moderatorAction } from "@/lib/messages/forum/actions";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1";
const button = "rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50";

export function NewTopicForm() {
  const [state, action, pending] = useActionState(createTopicAction, null);
  return (
    <form action={action} className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Новая тема</h2>
      <label className="block text-sm">
        <span className="font-medium">Тема</span>
        <input name="title" required maxLength={200} className={input} />
      </label>
      <label className="block text-sm">
        <span className="font-medium">Сообщение</span>
        <textarea name="body" required maxLength={10000} rows={3} className={input} />
      </label>
      <button type="submit" disabled={pending} className={button}>
        Создать тему
      </button>
      {state?.ok === false && <p className="text-sm text-red-700">{state.message}</p>}
    </form>
  );
}

export function ReplyForm({ topicId }: { topicId: number }) {
  const [state, action, pending] = useActionState(addPostAction, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={action} className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <input type="hidden" name="topicId" value={topicId} />
      <label className="block text-sm">
        <span className="font-medium">Ответ</span>
        <textarea name="body" required maxLength={10000} rows={3} className={input} />
      </label>
      <button type="submit" disabled={pending} className={button}>
        Отправить
      </button>
      {state?.ok === false && <p className="text-sm text-red-700">{state.message}</p>}
    </form>
  );
}

export function HidePostButton({ postId, hidden }: { postId: number; hidden: boolean }) {
  const [state, action, pending] = useActionState(hidePostAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="hidden" value={hidden ? "0" : "1"} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 hover:underline disabled:opacity-50">
        {hidden ? "Показать" : "Скрыть"}
      </button>
      {state?.ok === false && <span className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}

export function ModeratorToggle({ userId, isModerator, name }: { userId: number; isModerator: boolean; name: string }) {
  const [state, action, pending] = useActionState(moderatorAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="appoint" value={isModerator ? "0" : "1"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${isModerator ? "Снять" : "Назначить"}: ${name}`}
        className="text-sm text-blue-700 hover:underline disabled:opacity-50"
      >
        {isModerator ? "Снять" : "Назначить"}
      </button>
      {state?.ok === false && <span className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
