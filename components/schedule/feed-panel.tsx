"use client";
// SCH-6: issue, show once and revoke the personal calendar link.
import { useActionState } from "react";
import { feedAction } from "@/lib/schedule/feed/actions";

export function FeedPanel({ active, since }: { active: boolean; since: string | null }) {
  const [state, action, pending] = useActionState(feedAction, null);
  const path = state?.ok ? state.data.path : null;
  const url = path ? `${window.location.origin}${path}` : null;
  const live = state?.ok ? state.data.live : active;
  return (
    <form action={action} className="space-y-3 rounded border border-slate-200 bg-white p-4 text-sm">
      <p role="status">
        {live ? `Ссылка действует${since && !state ? ` с ${since}` : ""}.` : "Ссылки нет или она отозвана."}
      </p>
      {url && (
        <div className="space-y-1">
          <label className="block text-xs text-slate-500" htmlFor="feed-url">
            Ваша ссылка (показывается один раз — сохраните её в календаре)
          </label>
          <input
            id="feed-url"
            readOnly
            value={url}
            className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
          />
        </div>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          name="intent"
          value="issue"
          disabled={pending}
          className="rounded bg-blue-700 px-3 py-1 font-medium text-white disabled:opacity-50"
        >
          {live ? "Создать новую ссылку" : "Создать ссылку"}
        </button>
        <button
          type="submit"
          name="intent"
          value="revoke"
          disabled={pending || !live}
          className="rounded border border-red-300 px-3 py-1 text-red-700 disabled:opacity-50"
        >
          Отозвать ссылку
        </button>
      </div>
      {state?.ok === false && (
        <p role="alert" className="text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
